import { compareText } from './order.js';
import type { Basis } from './model.js';
import { basisOf, WORLD_ID, type SupplyRow } from './supply.js';
import type { RelationshipFact } from './relationship.js';

/** One country's share of the stated world total. */
export interface CountryShare {
  countryId: string;
  /** Percent of the stated world total, 0..100. */
  share: number;
  volume?: number;
  relationship: RelationshipFact;
}

/** Concentration figures over a set of shares. */
export interface Concentration {
  shares: CountryShare[];
  topCountryId: string | null;
  topShare: number | null;
  /** Herfindahl-Hirschman index, 0..10,000: the sum of squared percentage shares. */
  hhi: number;
  /** What the country rows do not cover, in percent of the total the shares are of. */
  unattributedShare: number;
}

export interface SupplyRisk extends Concentration {
  basis: Basis;
  /** The year the figures are for (the latest year with country figures, not after `asOf`). */
  year: number | null;
  unit: string | null;
  worldVolume: number | null;
  /**
   * The same figures once the excluded countries are removed. Shares there are of what remains
   * (`remainingShare` of the world total, the unattributed part included and never spread).
   */
  afterExclusion: Concentration & { remainingShare: number };
}

const round = (n: number) => Math.round(n * 100) / 100;

function concentration(shares: CountryShare[], total: number): Concentration {
  const sorted = [...shares].sort((a, b) => b.share - a.share || compareText(a.countryId, b.countryId));
  const scaled = sorted.map((s) => ({ ...s, share: round(total > 0 ? (s.share / total) * 100 : 0) }));
  const covered = scaled.reduce((sum, s) => sum + s.share, 0);
  return {
    shares: scaled,
    topCountryId: scaled[0]?.countryId ?? null,
    topShare: scaled[0]?.share ?? null,
    hhi: round(scaled.reduce((sum, s) => sum + s.share * s.share, 0)),
    unattributedShare: round(Math.max(0, 100 - covered)),
  };
}

/**
 * Shares by country of a material at a stage, from COUNTRY rows: a stated `share`, or the
 * row's volume over the world row's volume of the same year and unit. Element rows are used
 * when there are any, else the group's (basis GROUP, never scaled down to the element). The
 * year is the latest with country figures up to `asOf`'s year.
 */
export function supplyRisk(
  rows: readonly SupplyRow[],
  q: { materialId: string; excluding: ReadonlySet<string>; asOf: string },
): SupplyRisk {
  const asOfYear = Number(q.asOf.slice(0, 4));
  const dated = rows.filter(
    (r) => r.supplier.kind === 'COUNTRY' && (r.relationship.year ?? asOfYear) <= asOfYear,
  );
  const elementRows = dated.filter((r) => basisOf(r.relationship, q.materialId) === 'ELEMENT');
  const pool = elementRows.length > 0 ? elementRows : dated;
  const basis: Basis = elementRows.length > 0 ? 'ELEMENT' : 'GROUP';
  const countryRows = pool.filter((r) => r.supplier.id !== WORLD_ID);
  const year = countryRows.reduce<number | null>(
    (y, r) =>
      r.relationship.year !== undefined && (y === null || r.relationship.year > y) ? r.relationship.year : y,
    null,
  );
  const ofYear = pool.filter((r) => r.relationship.year === (year ?? undefined));
  const world = ofYear.find(
    (r) => r.supplier.id === WORLD_ID && r.relationship.volume !== undefined,
  )?.relationship;

  const byCountry = new Map<string, CountryShare>();
  for (const r of ofYear
    .filter((r) => r.supplier.id !== WORLD_ID)
    .sort((a, b) => compareText(a.relationship.id, b.relationship.id))) {
    const rel = r.relationship;
    const share =
      rel.share ??
      (rel.volume !== undefined && world?.volume && world.unit === rel.unit
        ? (rel.volume / world.volume) * 100
        : undefined);
    if (share === undefined || byCountry.has(r.supplier.id)) continue;
    byCountry.set(r.supplier.id, {
      countryId: r.supplier.id,
      share,
      ...(rel.volume !== undefined && { volume: rel.volume }),
      relationship: rel,
    });
  }
  const all = [...byCountry.values()];
  const remaining = all.filter((s) => !q.excluding.has(s.countryId));
  const remainingShare = round(
    100 - all.filter((s) => q.excluding.has(s.countryId)).reduce((sum, s) => sum + s.share, 0),
  );
  return {
    ...concentration(all, 100),
    basis,
    year,
    unit: world?.unit ?? all.find((s) => s.relationship.unit)?.relationship.unit ?? null,
    worldVolume: world?.volume ?? null,
    afterExclusion: { ...concentration(remaining, remainingShare), remainingShare },
  };
}
