import { compareText } from './order.js';
import { BadInputError } from './errors.js';
import { outputYears } from './production-status.js';
import { startYear, WORLD_ID, type SupplyAlternative, type SupplyRow } from './supply.js';
import type { RelationshipFact } from './relationship.js';

/** Allied capacity in one unit, year by year. */
export interface CapacitySeries {
  unit: string;
  points: { year: number; capacity: number }[];
}

export type LeftOutReason = 'NO_CAPACITY' | 'NO_START_DATE';

export interface SupplyOutlook {
  from: number;
  to: number;
  /** One series per unit: only like-for-like units are summed. */
  series: CapacitySeries[];
  /** Alternatives not counted, and why (no invented numbers). */
  leftOut: { alternative: SupplyAlternative; reason: LeftOutReason }[];
  /** The excluded countries' latest stated volume of the material at the stage. */
  excludedVolumes: { countryId: string; relationship: RelationshipFact }[];
}

/** Longest outlook a query may ask for, in years. */
export const OUTLOOK_MAX_YEARS = 30;

/** Checks and defaults an outlook's year range: from this year, five years on. */
export function outlookYears(
  from: number | null | undefined,
  to: number | null | undefined,
  asOf: string,
): { from: number; to: number } {
  const f = from ?? Number(asOf.slice(0, 4));
  const t = to ?? f + 5;
  if (!Number.isInteger(f) || f < 1900 || f > 2100)
    throw new BadInputError('Argument "from" must be a year from 1900 to 2100', 'from');
  if (!Number.isInteger(t) || t < f || t - f > OUTLOOK_MAX_YEARS) {
    throw new BadInputError(
      `Argument "to" must be a year from "from" to ${OUTLOOK_MAX_YEARS} years after it`,
      'to',
    );
  }
  return { from: f, to: t };
}

/**
 * Allied capacity year by year as facilities come online by their stated dates: a line with a
 * status history counts from its first output milestone to its closing (see `countedYears`);
 * other facts from their validFrom's year, or from the start when operating or ramping without
 * one. A fact with no such start is left out (NO_START_DATE); one without a capacity figure is
 * left out (NO_CAPACITY). Beside it, the excluded countries' latest volumes.
 */
export function supplyOutlook(
  alternatives: readonly SupplyAlternative[],
  rows: readonly SupplyRow[],
  excluding: ReadonlySet<string>,
  years: { from: number; to: number },
): SupplyOutlook {
  const leftOut: SupplyOutlook['leftOut'] = [];
  const counted: { unit: string; capacity: number; from: number; until: number | null }[] = [];
  for (const alternative of alternatives) {
    const rel = alternative.row.relationship;
    const capacity = rel.capacity ?? rel.volume;
    const span = countedYears(rel, years.from);
    if (capacity === undefined || rel.unit === undefined)
      leftOut.push({ alternative, reason: 'NO_CAPACITY' });
    else if (span === null) leftOut.push({ alternative, reason: 'NO_START_DATE' });
    else counted.push({ unit: rel.unit, capacity, ...span });
  }
  const units = [...new Set(counted.map((c) => c.unit))].sort(compareText);
  const series = units.map((unit) => ({
    unit,
    points: range(years.from, years.to).map((year) => ({
      year,
      capacity: counted
        .filter((c) => c.unit === unit && c.from <= year && (c.until === null || year <= c.until))
        .reduce((sum, c) => sum + c.capacity, 0),
    })),
  }));
  const latest = new Map<string, RelationshipFact>();
  for (const row of rows) {
    const rel = row.relationship;
    if (
      row.supplier.id === WORLD_ID ||
      row.supplier.kind !== 'COUNTRY' ||
      !excluding.has(row.supplier.id) ||
      rel.volume === undefined
    )
      continue;
    const seen = latest.get(row.supplier.id);
    if (!seen || (rel.year ?? 0) > (seen.year ?? 0)) latest.set(row.supplier.id, rel);
  }
  return {
    ...years,
    series,
    leftOut,
    excludedVolumes: [...latest]
      .sort(([a], [b]) => compareText(a, b))
      .map(([countryId, relationship]) => ({ countryId, relationship })),
  };
}

/**
 * The years a fact's capacity counts. A line with a status history counts from its first output
 * milestone (COMMISSIONING, RAMPING or OPERATING, recorded or planned) until a later CLOSED one
 * (production-status.ts `outputYears`). Without a history: from its validFrom's year, or from the
 * outlook's first year when it is operating or ramping without one; null otherwise.
 */
function countedYears(
  rel: RelationshipFact,
  firstYear: number,
): { from: number; until: number | null } | null {
  if (rel.milestones && rel.milestones.length > 0) return outputYears(rel.milestones);
  const start = startYear(rel) ?? (rel.status === 'OPERATING' || rel.status === 'RAMPING' ? firstYear : null);
  return start === null ? null : { from: start, until: null };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
