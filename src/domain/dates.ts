/**
 * Dates as sources give them: a day (`2025-11-10`), a month (`2025-10`), a quarter
 * (`2026-Q4`), a half (`2026-H1`) or a year (`2027`). Precision is kept, never invented.
 * For comparisons a partial date stands for an interval of days: a `validFrom` counts from
 * the interval's first day and a `validUntil` to its last day (inclusive).
 */
export type PartialDate = string;

/**
 * Years a date may name: from before the first rare-earth mineral was found (Ytterby, 1787) to
 * well past any agreement's end. Outside them a date is a typo (`0205`, `2250`), so it is refused.
 */
export const PLAUSIBLE_YEARS = { min: 1700, max: 2200 } as const;

const PATTERN = /^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?$/;

/** Whether `value` is a well-formed partial date with a real calendar day, in {@link PLAUSIBLE_YEARS}. */
export function isPartialDate(value: string): boolean {
  return bounds(value) !== null;
}

/** Whether `value` is a full calendar day `YYYY-MM-DD`. */
export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && bounds(value) !== null;
}

/** First and last ISO day of a partial date, or null when malformed or its year is outside {@link PLAUSIBLE_YEARS}. */
export function bounds(value: string): { first: string; last: string } | null {
  const m = PATTERN.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < PLAUSIBLE_YEARS.min || year > PLAUSIBLE_YEARS.max) return null;
  const [month, day, quarter, half] = [m[2], m[3], m[4], m[5]];
  if (quarter) return span(year, Number(quarter) * 3 - 2, Number(quarter) * 3);
  if (half) return span(year, Number(half) * 6 - 5, Number(half) * 6);
  if (!month) return span(year, 1, 12);
  const mm = Number(month);
  if (mm < 1 || mm > 12) return null;
  if (!day) return span(year, mm, mm);
  const dd = Number(day);
  if (dd < 1 || dd > daysIn(year, mm)) return null;
  return { first: value, last: value };
}

function span(year: number, fromMonth: number, toMonth: number): { first: string; last: string } {
  return { first: iso(year, fromMonth, 1), last: iso(year, toMonth, daysIn(year, toMonth)) };
}

// Gregorian rules by arithmetic: Date.UTC reads years 0-99 as 1900-1999.
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a validity window [validFrom, validUntil] holds on the ISO day `asOf`. Open ends hold. */
export function holdsOn(asOf: string, validFrom?: string, validUntil?: string): boolean {
  if (validFrom !== undefined) {
    const b = bounds(validFrom);
    if (b && asOf < b.first) return false;
  }
  if (validUntil !== undefined) {
    const b = bounds(validUntil);
    if (b && asOf > b.last) return false;
  }
  return true;
}

/** Today's date in UTC as `YYYY-MM-DD` (the default `asOf` where a query has one). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
