import { bounds, type PartialDate } from './dates.js';
import { ENTITY_KINDS, RELATION_TYPE_NAMES, type EntityKind, type RelationType } from './model.js';
import { compareText } from './order.js';

/*
 * Aggregates over the whole graph (`stats`): what both stores count, and the one place where
 * their tallies become the answer, so the buckets, their order and the zeros are decided once.
 */

/** How many entities there are of one kind. */
export interface KindCount {
  kind: EntityKind;
  count: number;
}

/** How many live relationships there are of one type. */
export interface TypeCount {
  type: RelationType;
  count: number;
}

/** How many citations of live relationships name one source. */
export interface SourceCitationCount {
  sourceId: string;
  name: string;
  count: number;
}

/**
 * Live relationships whose `validFrom` falls in one period. A `validFrom` given to the day or the
 * month counts in its month (`period` and `month` both `YYYY-MM`); one given only to a quarter,
 * a half or a year counts in a bucket of its own, named by that partial date (`2026-Q4`,
 * `2026-H1`, `2027`), with `month` null: precision is never invented.
 */
export interface ValidFromBucket {
  period: PartialDate;
  month: string | null;
  year: number;
  count: number;
}

/** How many audited writes were made in one month (UTC). */
export interface MonthCount {
  month: string;
  count: number;
}

/**
 * The graph in figures. Entities are counted whatever `asOf`; relationships leave out retracted
 * ones and, with `asOf`, those not holding that day (`holdsOn`); the citation and `validFrom`
 * figures count those same relationships. Writes are every audit entry, whatever `asOf`.
 */
export interface GraphStats {
  asOf: string | null;
  /** How many entities (the sum of `entitiesByKind`). */
  entityCount: number;
  /** How many relationships were counted (the sum of `relationshipsByType`). */
  relationshipCount: number;
  /** Every kind, in the model's order, zeros included. */
  entitiesByKind: KindCount[];
  /** Every relationship type, in the model's order, zeros included. */
  relationshipsByType: TypeCount[];
  /** Sources cited at least once, most citations first, then by id. */
  citationsBySource: SourceCitationCount[];
  /** Periods with at least one relationship, by first day, a longer period before a shorter one starting the same day. */
  relationshipsByValidFrom: ValidFromBucket[];
  /** Counted relationships without a `validFrom`. */
  undated: number;
  /** Months with at least one write, oldest first. */
  writesByMonth: MonthCount[];
}

/**
 * What a store counted, as rows of (key, count): one row per record or already summed by key
 * (rows with the same key add up). The stores count; {@link graphStats} shapes the answer.
 */
export interface StatsTallies {
  entities: Iterable<{ kind: EntityKind; count: number }>;
  /** Relationships counted (live, holding as of the day asked) by type and `validFrom` (null when absent). */
  relationships: Iterable<{ type: RelationType; validFrom: PartialDate | null; count: number }>;
  /** Citations of those relationships by source, with the source's name (null when no entity has that id: the id stands in). */
  citations: Iterable<{ sourceId: string; name: string | null; count: number }>;
  /** Audit entries by month ({@link monthOfInstant}). */
  writes: Iterable<{ month: string; count: number }>;
}

/** The UTC month `YYYY-MM` of an RFC 3339 instant in UTC (an audit entry's `at`): its first seven characters. */
export function monthOfInstant(at: string): string {
  return at.slice(0, 7);
}

const MONTH_PRECISE = /^\d{4}-\d{2}(?:-\d{2})?$/;

/** The bucket a `validFrom` counts in (see {@link ValidFromBucket}). */
export function validFromPeriod(validFrom: PartialDate): Omit<ValidFromBucket, 'count'> {
  const month = MONTH_PRECISE.test(validFrom) ? validFrom.slice(0, 7) : null;
  return { period: month ?? validFrom, month, year: Number(validFrom.slice(0, 4)) };
}

/** Chronological order of periods: by first day, then the longer period first (`2025` before `2025-01`). */
function comparePeriods(a: PartialDate, b: PartialDate): number {
  const [x, y] = [bounds(a), bounds(b)];
  if (!x || !y) return compareText(a, b);
  return compareText(x.first, y.first) || compareText(y.last, x.last) || compareText(a, b);
}

/** Sums counts by key. */
function sum<T>(rows: Iterable<T & { count: number }>, key: (row: T) => string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.count);
  return totals;
}

/** The answer of `stats`, from a store's tallies. */
export function graphStats(asOf: string | undefined, tallies: StatsTallies): GraphStats {
  const kinds = sum(tallies.entities, (r) => r.kind);
  const relationships = [...tallies.relationships];
  const types = sum(relationships, (r) => r.type);
  const undated = relationships.filter((r) => r.validFrom === null).reduce((n, r) => n + r.count, 0);
  // A period is its own bucket's validFrom (validFromPeriod('2025-11') is the bucket of '2025-11-07').
  const dated = sum(
    relationships.flatMap((r) =>
      r.validFrom === null ? [] : [{ period: validFromPeriod(r.validFrom).period, count: r.count }],
    ),
    (r) => r.period,
  );
  const names = new Map<string, string>();
  const cited = sum(tallies.citations, (r) => {
    if (r.name !== null) names.set(r.sourceId, r.name);
    return r.sourceId;
  });
  const writes = sum(tallies.writes, (r) => r.month);
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((n, c) => n + c, 0);
  return {
    asOf: asOf ?? null,
    entityCount: total(kinds),
    relationshipCount: total(types),
    entitiesByKind: ENTITY_KINDS.map((kind) => ({ kind, count: kinds.get(kind) ?? 0 })),
    relationshipsByType: RELATION_TYPE_NAMES.map((type) => ({ type, count: types.get(type) ?? 0 })),
    citationsBySource: [...cited]
      .map(([sourceId, count]) => ({ sourceId, name: names.get(sourceId) ?? sourceId, count }))
      .sort((a, b) => b.count - a.count || compareText(a.sourceId, b.sourceId)),
    relationshipsByValidFrom: [...dated.keys()]
      .sort(comparePeriods)
      .map((period) => ({ ...validFromPeriod(period), count: dated.get(period)! })),
    undated,
    writesByMonth: [...writes.keys()]
      .sort(compareText)
      .map((month) => ({ month, count: writes.get(month)! })),
  };
}
