import { compareText } from './order.js';
import type { Basis, SupplyStage } from './model.js';
import { basisOf, WORLD_ID, type SupplyRow } from './supply.js';
import type { RelationshipFact } from './relationship.js';

/** One country's share of the stated world total. */
export interface CountryShare {
  countryId: string;
  /** Percent of the stated world total (or of what remains after exclusion), 0..100. */
  share: number;
  /** The source's hedge on the figure ("nearly", "estimated", "quota"), or null when stated plainly. */
  qualifier: string | null;
  /** Whether the figure is hedged: a qualified share is not exact. */
  approximate: boolean;
  volume?: number;
  relationship: RelationshipFact;
}

/** Why a figure is null: the data cannot support a number. */
export type NoFigureReason = 'NO_DATA' | 'ALL_SUPPLY_EXCLUDED' | 'UNATTRIBUTED';

/** A machine-readable reason and a sentence for a reader. */
export interface NoFigure {
  reason: NoFigureReason;
  message: string;
}

/** Concentration figures over a set of shares; null figures carry `missing`, never an invented 0. */
export interface Concentration {
  shares: CountryShare[];
  topCountryId: string | null;
  topShare: number | null;
  /** Whether the top share is hedged by its source (false when there is none). */
  topShareApproximate: boolean;
  /**
   * Herfindahl-Hirschman index, 0..10,000: the sum of squared percentage shares of the named
   * countries (a lower bound when part of the total is unattributed); null when no country is named.
   */
  hhi: number | null;
  /** What the country rows do not cover, in percent of the total the shares are of; null without data. */
  unattributedShare: number | null;
  /** Why `hhi` / `topShare` are null; null when they are figures. */
  missing: NoFigure | null;
}

export interface SupplyRisk extends Concentration {
  /** ELEMENT when the figures are for the material asked for, GROUP when for a group it belongs to; null without data. */
  basis: Basis | null;
  /** The year the figures are for (the latest year with country figures, not after `asOf`). */
  year: number | null;
  unit: string | null;
  worldVolume: number | null;
  /**
   * The same figures once the excluded countries are removed. Shares there are of what remains
   * (`remainingShare` of the world total, the unattributed part included and never spread).
   */
  afterExclusion: Concentration & { remainingShare: number | null };
}

export interface RiskQuery {
  materialId: string;
  /** Shares of different stages cannot be summed: one stage per answer (rows of others are ignored). */
  stage?: SupplyStage;
  excluding: ReadonlySet<string>;
  asOf: string;
}

const round = (n: number) => Math.round(n * 100) / 100;

function none(reason: NoFigureReason, message: string, unattributedShare: number | null): Concentration {
  return {
    shares: [],
    topCountryId: null,
    topShare: null,
    topShareApproximate: false,
    hhi: null,
    unattributedShare,
    missing: { reason, message },
  };
}

/** Figures over shares of `total` percent; rounded to 0.01 only at the end (squaring rounded shares drifts the HHI). */
function concentration(shares: CountryShare[], total: number): Concentration {
  const sorted = [...shares].sort((a, b) => b.share - a.share || compareText(a.countryId, b.countryId));
  const exact = sorted.map((s) => (s.share / total) * 100);
  const covered = exact.reduce((sum, s) => sum + s, 0);
  const scaled = sorted.map((s, i) => ({ ...s, share: round(exact[i]!) }));
  return {
    shares: scaled,
    topCountryId: scaled[0]?.countryId ?? null,
    topShare: scaled[0]?.share ?? null,
    topShareApproximate: scaled[0]?.approximate ?? false,
    hhi: round(exact.reduce((sum, s) => sum + s * s, 0)),
    unattributedShare: round(Math.max(0, 100 - covered)),
    missing: null,
  };
}

/** What remains once the excluded countries are removed; null figures with their reason when nothing named remains. */
function afterExclusion(all: CountryShare[], q: RiskQuery, label: string): SupplyRisk['afterExclusion'] {
  const remaining = all.filter((s) => !q.excluding.has(s.countryId));
  const remainingExact =
    100 - all.filter((s) => q.excluding.has(s.countryId)).reduce((sum, s) => sum + s.share, 0);
  const remainingShare = round(remainingExact);
  const excluded = [...q.excluding].sort(compareText).join(', ');
  if (remainingShare <= 0) {
    return {
      ...none('ALL_SUPPLY_EXCLUDED', `Without ${excluded}, no supply of ${label} remains.`, null),
      remainingShare: 0,
    };
  }
  if (remaining.length === 0) {
    const message = `Without ${excluded}, ${remainingShare}% of ${label} remains, but no source names the countries it comes from.`;
    return { ...none('UNATTRIBUTED', message, 100), remainingShare };
  }
  return { ...concentration(remaining, remainingExact), remainingShare };
}

/** The country rows of a material at the stage asked, element rows when there are any (else the group's). */
function pool(
  rows: readonly SupplyRow[],
  q: RiskQuery,
  asOfYear: number,
): { pool: SupplyRow[]; basis: Basis } {
  const dated = rows.filter(
    (r) =>
      r.supplier.kind === 'COUNTRY' &&
      (q.stage === undefined || r.relationship.stage === q.stage) &&
      (r.relationship.year ?? asOfYear) <= asOfYear,
  );
  const elementRows = dated.filter((r) => basisOf(r.relationship, q.materialId) === 'ELEMENT');
  return elementRows.length > 0 ? { pool: elementRows, basis: 'ELEMENT' } : { pool: dated, basis: 'GROUP' };
}

/**
 * Shares by country of a material at a stage, from COUNTRY rows: a stated `share`, or the
 * row's volume over the world row's volume of the same year and unit. Element rows are used
 * when there are any, else the group's (basis GROUP, never scaled down to the element). The
 * year is the latest with country figures up to `asOf`'s year. Without any figure, every
 * number is null with reason NO_DATA.
 */
export function supplyRisk(rows: readonly SupplyRow[], q: RiskQuery): SupplyRisk {
  const asOfYear = Number(q.asOf.slice(0, 4));
  const { pool: rowsOf, basis } = pool(rows, q, asOfYear);
  const countryRows = rowsOf.filter((r) => r.supplier.id !== WORLD_ID);
  const year = countryRows.reduce<number | null>(
    (y, r) =>
      r.relationship.year !== undefined && (y === null || r.relationship.year > y) ? r.relationship.year : y,
    null,
  );
  const ofYear = rowsOf.filter((r) => r.relationship.year === (year ?? undefined));
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
    const qualifier = rel.qualifier ?? null;
    byCountry.set(r.supplier.id, {
      countryId: r.supplier.id,
      share,
      qualifier,
      approximate: qualifier !== null,
      ...(rel.volume !== undefined && { volume: rel.volume }),
      relationship: rel,
    });
  }
  const all = [...byCountry.values()];
  const label = `${q.materialId}${q.stage ? ` at stage ${q.stage}` : ''}`;
  if (all.length === 0) {
    const message = `No source in the graph gives country shares of ${label} up to ${q.asOf}.`;
    const empty = none('NO_DATA', message, null);
    return {
      ...empty,
      basis: null,
      year: null,
      unit: null,
      worldVolume: null,
      afterExclusion: { ...empty, remainingShare: null },
    };
  }
  return {
    ...concentration(all, 100),
    basis,
    year,
    unit: world?.unit ?? all.find((s) => s.relationship.unit)?.relationship.unit ?? null,
    worldVolume: world?.volume ?? null,
    afterExclusion: afterExclusion(all, q, label),
  };
}
