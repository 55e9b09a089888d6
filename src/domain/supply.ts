import { bounds, holdsOn } from './dates.js';
import type { Entity } from './entity.js';
import type { Basis, FacilityStatus } from './model.js';
import { compareIds, compareText } from './order.js';
import { statusOn, type StatusOnDay } from './production-status.js';
import type { Relationship, RelationshipFact } from './relationship.js';

/**
 * One PRODUCES fact with what qualifies its supplier: where the site is and who operates it.
 * Stores return these; every rule below (who qualifies, order, arithmetic) lives here, once.
 */
export interface SupplyRow {
  relationship: RelationshipFact;
  supplier: Entity;
  /** The site's country: the supplier itself for a COUNTRY, LOCATED_IN for a FACILITY; null for a company. */
  siteCountryId: string | null;
  /** For a FACILITY, its operators (OPERATES); for a company, itself; each with its LOCATED_IN country. */
  operators: { id: string; countryId: string | null }[];
}

/** A MEMBER_OF relationship from a country into an alliance. */
export type Membership = Relationship & { type: 'MEMBER_OF' };

/**
 * Supply rows with what qualifying and answering them needs, read with them in one round trip
 * (`GraphStore.supplyContext`): the memberships of every country the rows name and of the
 * countries asked, and the entities of those countries and of the rows' operators. A context
 * asked without countries (`null`: no alliance question, as a concentration answer asks none)
 * holds no memberships, and the entities of the rows' countries only.
 */
export interface SupplyContext {
  rows: SupplyRow[];
  /** Live MEMBER_OF relationships (citations included) out of `supplyCountries(rows, countryIds)`, ordered by id; none when `countryIds` is null. */
  memberships: Membership[];
  /** The entities of `supplyCountries(rows, countryIds)` and, unless `countryIds` is null, of the rows' operators (those stored), ordered by id. */
  entities: Entity[];
}

/** The countries supply rows name (their sites' and operators'), with `countryIds`. */
export function supplyCountries(
  rows: readonly SupplyRow[],
  countryIds: readonly string[] | null,
): Set<string> {
  const countries = new Set(countryIds ?? []);
  for (const row of rows) {
    if (row.siteCountryId) countries.add(row.siteCountryId);
    for (const o of row.operators) if (o.countryId) countries.add(o.countryId);
  }
  return countries;
}

/** The operators whose entities a supply context holds: the rows' operators, none without an alliance question (`countryIds` null). */
export function supplyOperators(rows: readonly SupplyRow[], countryIds: readonly string[] | null): string[] {
  return countryIds === null ? [] : rows.flatMap((r) => r.operators.map((o) => o.id));
}

/**
 * A store's supply context from rows and candidates read beside them: `memberships` and `entities`
 * may hold more than the context needs (a store reads them in the rows' statement, before the
 * domain picks each row's country); what the context does not name is left out, the rest ordered by id.
 */
export function supplyContext(
  rows: SupplyRow[],
  countryIds: readonly string[] | null,
  memberships: readonly Relationship[],
  entities: readonly Entity[],
): SupplyContext {
  const countries = supplyCountries(rows, countryIds);
  const named = new Set([...countries, ...supplyOperators(rows, countryIds)]);
  const unique = <T extends { id: string }>(items: T[]) => [...new Map(items.map((i) => [i.id, i])).values()];
  return {
    rows,
    memberships:
      countryIds === null
        ? []
        : unique(
            memberships.filter((m): m is Membership => m.type === 'MEMBER_OF' && countries.has(m.from)),
          ).sort(compareIds),
    // A supplier that is a country, or a company that is its own operator, comes with its row.
    entities: unique([...entities, ...rows.map((r) => r.supplier)].filter((e) => named.has(e.id))).sort(
      compareIds,
    ),
  };
}

/** The stated world total of a table: an entity of this id, not a country, carries the world rows. */
export const WORLD_ID = 'world';

export type QualifiesThrough = 'SITE' | 'OPERATOR' | 'SITE_AND_OPERATOR';

export interface SupplyAlternative {
  row: SupplyRow;
  /** Whether the qualifying country is `alliedWith` itself (domestic supply). */
  domestic: boolean;
  qualifiesThrough: QualifiesThrough;
  /** The country that qualifies the supplier (the site's when both do). */
  qualifyingCountryId: string;
  /** For allied (not domestic) supply: the two MEMBER_OF relationships through the shared alliance. */
  alliancePath: Relationship[];
  basis: Basis;
  /** A production line's status on `asOf` from its history (see production-status.ts); null for a row without a status (a country's output). */
  statusAsOf: StatusOnDay | null;
}

export interface AlternativesQuery {
  materialId: string;
  excluding: ReadonlySet<string>;
  alliedWith: string;
  asOf: string;
  /** Keep lines whose history starts after `asOf` (an outlook counts them from their stated dates); left out otherwise. */
  keepFutureLines?: boolean;
}

/** Order of statuses in an answer: output first, then lines nearer to output, closed last; no status after all. */
const STATUS_RANK: Record<FacilityStatus, number> = {
  OPERATING: 0,
  RAMPING: 1,
  COMMISSIONING: 2,
  UNDER_CONSTRUCTION: 3,
  PLANNED: 4,
  CLOSED: 5,
};
const NO_STATUS_RANK = 6;

/** ELEMENT when the fact is about the material asked for, GROUP when about a group it belongs to (never scaled down). */
export function basisOf(rel: RelationshipFact, materialId: string): Basis {
  return rel.basis ?? (rel.to === materialId ? 'ELEMENT' : 'GROUP');
}

/** Whether a fact has ended by `asOf` (facts still to come, planned facilities, are kept). */
function ended(rel: RelationshipFact, asOf: string): boolean {
  return rel.validUntil !== undefined && !holdsOn(asOf, undefined, rel.validUntil);
}

/** For each country, the alliances it belongs to on `asOf`, with the membership relationship. */
function alliancesByCountry(
  memberships: readonly Membership[],
  asOf: string,
): Map<string, Map<string, Relationship>> {
  const map = new Map<string, Map<string, Relationship>>();
  for (const m of memberships) {
    if (!holdsOn(asOf, m.validFrom, m.validUntil)) continue;
    let a = map.get(m.from);
    if (!a) map.set(m.from, (a = new Map<string, Relationship>()));
    a.set(m.to, m);
  }
  return map;
}

/**
 * Suppliers outside the excluded countries that qualify through their site's country or an
 * operator's country being `alliedWith` itself (domestic) or sharing an alliance with it.
 * A supplier whose site or operator is in an excluded country is left out, and so is a production
 * line before its first recorded milestone. Ordered by the status that held on `asOf` (operating
 * first, closed then unknown last), then unit, then capacity (largest first, unknown last), then id.
 */
export function supplyAlternatives(
  rows: readonly SupplyRow[],
  memberships: readonly Membership[],
  q: AlternativesQuery,
): SupplyAlternative[] {
  const alliances = alliancesByCountry(memberships, q.asOf);
  const mine = alliances.get(q.alliedWith) ?? new Map<string, Relationship>();
  const qualify = (country: string | null): { domestic: boolean; path: Relationship[] } | null => {
    if (country === null) return null;
    if (country === q.alliedWith) return { domestic: true, path: [] };
    const theirs = alliances.get(country);
    const shared = [...(theirs?.keys() ?? [])].filter((a) => mine.has(a)).sort()[0];
    return shared === undefined ? null : { domestic: false, path: [theirs!.get(shared)!, mine.get(shared)!] };
  };
  const result: SupplyAlternative[] = [];
  for (const row of rows) {
    if (row.supplier.id === WORLD_ID || ended(row.relationship, q.asOf)) continue;
    const statusAsOf = statusOn(row.relationship.milestones, q.asOf, row.relationship.status);
    // A line with a history did not exist before its first recorded milestone.
    if (statusAsOf === null && (row.relationship.milestones?.length ?? 0) > 0 && !q.keepFutureLines) continue;
    const countries = [row.siteCountryId, ...row.operators.map((o) => o.countryId)];
    if (countries.some((c) => c !== null && q.excluding.has(c))) continue;
    const site = qualify(row.siteCountryId);
    const operator = row.operators
      .map((o) => ({ country: o.countryId, q: qualify(o.countryId) }))
      .filter((o) => o.q !== null)
      .sort((a, b) => Number(b.q!.domestic) - Number(a.q!.domestic) || (a.country! < b.country! ? -1 : 1))[0];
    if (!site && !operator) continue;
    const chosen = site ?? operator!.q!;
    result.push({
      row,
      domestic: chosen.domestic,
      qualifiesThrough: site && operator ? 'SITE_AND_OPERATOR' : site ? 'SITE' : 'OPERATOR',
      qualifyingCountryId: site ? row.siteCountryId! : operator!.country!,
      alliancePath: chosen.path,
      basis: basisOf(row.relationship, q.materialId),
      statusAsOf,
    });
  }
  return result.sort(compareAlternatives);
}

function compareAlternatives(a: SupplyAlternative, b: SupplyAlternative): number {
  const ra = a.row.relationship;
  const rb = b.row.relationship;
  const rank = (x: SupplyAlternative) => (x.statusAsOf ? STATUS_RANK[x.statusAsOf.status] : NO_STATUS_RANK);
  const cap = (r: RelationshipFact) => r.capacity ?? r.volume;
  return (
    rank(a) - rank(b) ||
    compareText(ra.unit ?? '\uffff', rb.unit ?? '\uffff') ||
    (cap(ra) === undefined ? 1 : 0) - (cap(rb) === undefined ? 1 : 0) ||
    (cap(rb) ?? 0) - (cap(ra) ?? 0) ||
    compareText(ra.id, rb.id)
  );
}

/** The year a fact's output starts counting in an outlook: its validFrom's first year, or null when it has none. */
export function startYear(rel: RelationshipFact): number | null {
  const b = rel.validFrom === undefined ? null : bounds(rel.validFrom);
  return b ? Number(b.first.slice(0, 4)) : null;
}
