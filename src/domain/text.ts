import { normaliseQuote } from './quote.js';

/*
 * The rules every stored text obeys, one definition shared by the API's input validation
 * (schema/text-validators.ts) and the seed schema (store/seed/seed-schema.ts). README "Text rules".
 */

/** How a text field may be laid out: one line (names, titles), or lines (descriptions, notes, quotes, source texts). */
export type TextLayout = 'line' | 'lines';

/** Shortest quote, in characters (code points) after {@link normaliseQuote}: the seed's shortest has 22. */
export const MIN_QUOTE_LENGTH = 20;

// C0 and C1 controls and DEL; a text of several lines may also hold tab, line feed and carriage return.
const CONTROL_IN_LINE = /\p{Cc}/u;
const CONTROL_IN_LINES = /(?![\t\n\r])\p{Cc}/u;
// Embeddings, overrides and isolates reorder what a reader sees ("Trojan Source"); the LRM/RLM marks do not and stay allowed.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// In a `u` regex a surrogate matches only when unpaired.
const LONE_SURROGATE = /\p{Cs}/u;
// Visible: not white space, not a control, format, unassigned or private-use character, not a lone combining mark, not default-ignorable (U+200B, U+3164...).
const VISIBLE = /[^\p{White_Space}\p{C}\p{M}\p{Default_Ignorable_Code_Point}]/u;

/** The stored form of a text: Unicode NFC, so a composed and a decomposed "é" are one text. */
export function normaliseText(value: string): string {
  return value.normalize('NFC');
}

/** Whether `value` has at least one character a reader can see. */
export function hasVisibleCharacter(value: string): boolean {
  return VISIBLE.test(value);
}

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `value` cannot be stored in a field of this layout, as a phrase to follow the field's
 * name ("must not contain ..."), or null when it can: lone surrogates, control characters
 * (tab and line breaks allowed in `lines`) and bidi embedding/override/isolate characters are
 * refused, and at least one visible character is needed.
 */
export function textRefusal(value: string, layout: TextLayout): string | null {
  if (LONE_SURROGATE.test(value))
    return 'must not contain a lone surrogate (text that is not well-formed UTF-16)';
  const control = (layout === 'line' ? CONTROL_IN_LINE : CONTROL_IN_LINES).exec(value);
  if (control)
    return `must not contain control characters (found ${codePoint(control[0])}${layout === 'line' ? '; it is one line' : ''})`;
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi)
    return `must not contain bidi embedding, override or isolate characters (found ${codePoint(bidi[0])})`;
  if (!hasVisibleCharacter(value)) return 'needs at least one visible character';
  return null;
}

/** Length of a quote as checked: characters (code points) after {@link normaliseQuote}. */
export function quoteLength(quote: string): number {
  return [...normaliseQuote(quote)].length;
}

/** Why `quote` cannot be a citation quote (a text of lines at least {@link MIN_QUOTE_LENGTH} long), or null. */
export function quoteRefusal(quote: string): string | null {
  const refusal = textRefusal(quote, 'lines');
  if (refusal !== null) return refusal;
  const length = quoteLength(quote);
  return length < MIN_QUOTE_LENGTH
    ? `must be at least ${MIN_QUOTE_LENGTH} characters, enough to carry a claim (got ${length})`
    : null;
}

/**
 * `record` with every string in it (nested in arrays and plain objects too) in its stored
 * form ({@link normaliseText}); other values as they are.
 */
export function normaliseTexts<T>(record: T): T {
  if (typeof record === 'string') return normaliseText(record) as T;
  if (Array.isArray(record)) return record.map((v: unknown) => normaliseTexts(v)) as T;
  if (record !== null && typeof record === 'object') {
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, normaliseTexts(v)])) as T;
  }
  return record;
}
