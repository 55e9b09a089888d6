import type { Span } from './nlp.js';

/*
 * Numbers with their unit and the hedge the text puts on them ("nearly 90 percent" is share 90,
 * qualifier "nearly"; "more than $1.25 billion" is 1250000000 USD, qualifier "more than").
 */

export interface FoundNumber extends Span {
  value: number;
  /** "percent", "USD", "AUD", "CAD", "t" (tonnes), or "" for a bare count. */
  unit: string;
  qualifier?: string;
}

const QUALIFIER =
  '(nearly|almost|about|around|roughly|approximately|some|over|more than|less than|fewer than|at least|at most|up to|an estimated|estimated)';
const SCALE: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
};
const CURRENCY: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  A$: 'AUD',
  C$: 'CAD',
  '€': 'EUR',
  '£': 'GBP',
};

const NUMBER = new RegExp(
  `(?:\\b${QUALIFIER}\\s+)?(US\\$|A\\$|C\\$|\\$|€|£)?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(thousand|million|billion|trillion|bn|m\\b)?\\s*(percent|per cent|%|tonnes|tons|metric tons|t\\b)?`,
  'gi',
);

/** The numbers of `text` (offsets from `offset`). Years standing alone (1800-2199) are dates, not numbers. */
export function findNumbers(text: string, offset = 0): FoundNumber[] {
  const out: FoundNumber[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const [, qualifier, currency, digits, scale, unitWord] = m;
    let value = Number(digits!.replace(/,/g, ''));
    if (!currency && !scale && !unitWord && /^(1[89]|2[01])\d\d$/.test(digits!)) continue;
    if (scale) value *= SCALE[scale.toLowerCase()]!;
    const unit = currency
      ? CURRENCY[currency.toUpperCase()]!
      : !unitWord
        ? ''
        : /^(percent|per cent|%)$/i.test(unitWord)
          ? 'percent'
          : 't';
    const text0 = m[0].trimEnd();
    out.push({
      start: offset + m.index,
      end: offset + m.index + text0.length,
      value: Math.round(value * 1e6) / 1e6,
      unit,
      ...(qualifier && { qualifier: qualifier.toLowerCase().replace(/^an /, '') }),
    });
  }
  return out;
}
