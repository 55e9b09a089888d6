/**
 * The one normalisation applied before a quote is looked up in its source's text: Unicode NFC,
 * curly quotes and apostrophes read as straight ones, and runs of white space (line breaks and
 * tabs too: a quote may span lines of its source) fold to one space. Case, dashes and all other
 * punctuation count as written.
 */
export function normaliseQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `quote` occurs in `sourceText` verbatim after {@link normaliseQuote} on both. */
export function quoteOccursIn(quote: string, sourceText: string): boolean {
  const needle = normaliseQuote(quote);
  return needle.length > 0 && normaliseQuote(sourceText).includes(needle);
}
