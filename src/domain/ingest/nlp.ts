import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/*
 * The one door to the NLP library (wink-nlp with its English lite model, shipped inside the
 * package: no network, no download). It splits a text into sentences with character offsets into
 * the text it was given; everything else extraction needs is our own gazetteer and cue rules.
 */

const nlp = winkNLP(model, ['sbd', 'pos']);
// The library's helpers are plain functions of (index, data); it calls them unbound itself.
/* eslint-disable @typescript-eslint/unbound-method */
const { precedingSpaces, span: spanOf } = nlp.its;
/* eslint-enable @typescript-eslint/unbound-method */

/** A span of the text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** A sentence: its span (white space trimmed, never across a line break) and its paragraph's index. */
export interface Sentence extends Span {
  paragraph: number;
}

/**
 * The sentences of `text` in order. Token offsets are rebuilt from the library's tokens and the
 * white space before each (their concatenation is the text); a sentence the library runs across
 * a line break is cut there, since a line break ends a paragraph.
 */
export function splitSentences(text: string): Sentence[] {
  const doc = nlp.readDoc(text);
  const tokens: string[] = doc.tokens().out();
  const spaces: string[] = doc.tokens().out(precedingSpaces);
  const starts: number[] = [];
  let at = 0;
  tokens.forEach((token, i) => {
    at += spaces[i]!.length;
    // The library keeps every character; should a token ever differ, find it from here on.
    const found = text.startsWith(token, at) ? at : text.indexOf(token, at);
    starts.push(found < 0 ? at : found);
    at = (found < 0 ? at : found) + token.length;
  });
  const spans = doc.sentences().out(spanOf) as unknown as [number, number][];
  const paragraphStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const paragraphOf = (offset: number) => {
    let p = 0;
    while (p + 1 < paragraphStarts.length && paragraphStarts[p + 1]! <= offset) p++;
    return p;
  };
  const out: Sentence[] = [];
  for (const [first, last] of spans) {
    const start = starts[first]!;
    const end = starts[last]! + tokens[last]!.length;
    for (const piece of text.slice(start, end).split('\n')) {
      const offset = text.indexOf(piece, out.length > 0 ? Math.max(start, out[out.length - 1]!.end) : start);
      const lead = piece.length - piece.trimStart().length;
      const trimmed = piece.trim();
      if (trimmed === '' || offset < 0) continue;
      const s = offset + lead;
      out.push({ start: s, end: s + trimmed.length, paragraph: paragraphOf(s) });
    }
  }
  return out;
}
