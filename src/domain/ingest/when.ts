import { isIsoDay, type PartialDate } from '../dates.js';
import type { Span } from './nlp.js';

/*
 * Dates in a sentence, resolved against the publication day: absolute ("November 10, 2026",
 * "Oct 20", "in 2019", "October") and relative ("on Thursday", "last month", "earlier this
 * month", "last year", "next year", "yesterday"). Precision is kept: a month stays a month. A
 * weekday is the last such day on or before publication (news reports the past); a day or month
 * without a year is in the publication's year, moved a year back when that would fall after
 * publication in a sentence not about the future, and a year on with "next year".
 */

/** A date expression found in a text. */
export interface FoundDate extends Span {
  value: PartialDate;
  /** "until"/"through"/"to" before it: the end of a validity; "from"/"starting"/"effective": its start. */
  role: 'until' | 'from' | 'on';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function shiftMonth(year: number, month: number, by: number): string {
  const m = year * 12 + (month - 1) + by;
  return `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
}

const PATTERNS: {
  re: RegExp;
  resolve: (m: RegExpExecArray, published: string, future: boolean) => string | null;
}[] = [
  // November 10, 2026 / Nov 2 / November 10 next year
  {
    re: new RegExp(
      `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4})|\\s+(next|last) year)?\\b`,
      'g',
    ),
    resolve: (m, pub, future) => dayOf(monthIndex(m[1]!), Number(m[2]), m[3], m[4], pub, future),
  },
  // 10 November 2026 / 10 Nov
  {
    re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH}(?:\\s+(\\d{4})|\\s+(next|last) year)?\\b`, 'g'),
    resolve: (m, pub, future) => dayOf(monthIndex(m[2]!), Number(m[1]), m[3], m[4], pub, future),
  },
  // October 2025 / in October
  {
    re: new RegExp(
      `\\b(?:in|since|by|from|until|of|during|late|early|mid-?)\\s+${MONTH}(?:\\s+(\\d{4}))?\\b(?!\\s+\\d)`,
      'g',
    ),
    resolve: (m, pub, future) => {
      const month = monthIndex(m[1]!);
      if (m[2]) return `${m[2]}-${pad(month)}`;
      const [y, pm] = [Number(pub.slice(0, 4)), Number(pub.slice(5, 7))];
      return `${month > pm && !future ? y - 1 : y}-${pad(month)}`;
    },
  },
  // on Thursday / Thursday
  {
    re: /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g,
    resolve: (m, pub) => {
      const target = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const day = new Date(`${pub}T00:00:00Z`).getUTCDay();
      return addDays(pub, -((day - target + 7) % 7));
    },
  },
  {
    re: /\b(?:last|previous) month\b/g,
    resolve: (_m, pub) => shiftMonth(Number(pub.slice(0, 4)), Number(pub.slice(5, 7)), -1),
  },
  { re: /\b(?:this|earlier this|later this) month\b/g, resolve: (_m, pub) => pub.slice(0, 7) },
  {
    re: /\bnext month\b/g,
    resolve: (_m, pub) => shiftMonth(Number(pub.slice(0, 4)), Number(pub.slice(5, 7)), 1),
  },
  { re: /\b(?:last|previous) year\b/g, resolve: (_m, pub) => String(Number(pub.slice(0, 4)) - 1) },
  { re: /\b(?:this|earlier this|later this) year\b/g, resolve: (_m, pub) => pub.slice(0, 4) },
  { re: /\bnext year\b/g, resolve: (_m, pub) => String(Number(pub.slice(0, 4)) + 1) },
  { re: /\byesterday\b/gi, resolve: (_m, pub) => addDays(pub, -1) },
  { re: /\btoday\b/gi, resolve: (_m, pub) => pub },
  // in 2019 / by 2028 / for 2028
  { re: /\b(?:in|since|by|for|until|from|of|during)\s+((?:1[89]|2[01])\d\d)\b/g, resolve: (m) => m[1]! },
];

function dayOf(
  month: number,
  day: number,
  year: string | undefined,
  rel: string | undefined,
  pub: string,
  future: boolean,
): string | null {
  const py = Number(pub.slice(0, 4));
  let y = year ? Number(year) : rel === 'next' ? py + 1 : rel === 'last' ? py - 1 : py;
  let iso = `${y}-${pad(month)}-${pad(day)}`;
  if (!year && !rel && iso > pub && !future) {
    y -= 1;
    iso = `${y}-${pad(month)}-${pad(day)}`;
  }
  return isIsoDay(iso) ? iso : null;
}

const FUTURE = /\b(will|until|next|planned|expected|through|by)\b/;

/** The dates in `text` (offsets from `offset`), resolved against `published` (`YYYY-MM-DD`); no two overlap. */
export function findDates(text: string, published: string, offset = 0): FoundDate[] {
  const future = FUTURE.test(text);
  const out: FoundDate[] = [];
  for (const { re, resolve } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [start, end] = [m.index, m.index + m[0].length];
      if (out.some((d) => start < d.end - offset && end > d.start - offset)) continue;
      const value = resolve(m, published, future);
      if (value === null) continue;
      const before = text.slice(Math.max(0, start - 20), start);
      const role = /\b(until|through|till|to)\s*$/i.test(before)
        ? 'until'
        : /\b(from|starting|effective|since)\s*$/i.test(before)
          ? 'from'
          : 'on';
      out.push({ start: offset + start, end: offset + end, value, role });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
