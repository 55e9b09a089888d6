import { describe, expect, it } from 'vitest';
import type { Entity } from '../src/domain/entity.js';
import type { EntityKind, FacilityStatus, SupplyStage } from '../src/domain/model.js';
import type { RelationshipFact } from '../src/domain/relationship.js';
import { supplyAlternatives, type Membership, type SupplyRow } from '../src/domain/supply.js';
import { supplyRisk } from '../src/domain/supply-risk.js';

// Every expected value below is computed by hand from /work/shared/reference/rare-earth-facts.md,
// not from the code or the seed: the arithmetic is in the comment beside it.

const entity = (id: string, kind: EntityKind): Entity => ({ id, kind, name: id, origin: 'SEED' });

/** A country's PRODUCES fact of rare earths as a group (USGS table, §2), by volume or by stated share. */
function countryRow(
  country: string,
  stage: SupplyStage,
  year: number,
  figure: { volume?: number; share?: number; qualifier?: string },
): SupplyRow {
  const relationship: RelationshipFact = {
    id: `produces:${country}:rare-earth-elements:${stage.toLowerCase()}:${year}`,
    type: 'PRODUCES',
    from: country,
    to: 'rare-earth-elements',
    stage,
    year,
    basis: 'GROUP',
    origin: 'SEED',
    ...(figure.volume !== undefined && { volume: figure.volume, unit: 't REO' }),
    ...(figure.share !== undefined && { share: figure.share }),
    ...(figure.qualifier !== undefined && { qualifier: figure.qualifier }),
  };
  return { relationship, supplier: entity(country, 'COUNTRY'), siteCountryId: country, operators: [] };
}

/** §2, 2024e column, tonnes REO (countries at 0 have no row; "Other" names no country). */
const MINING_2024: Record<string, number> = {
  'united-states': 45000,
  australia: 13000,
  brazil: 20,
  burma: 31000,
  china: 270000,
  india: 2900,
  madagascar: 2000,
  malaysia: 130,
  nigeria: 13000,
  russia: 2500,
  thailand: 13000,
  vietnam: 300,
  world: 390000,
};
const mining = Object.entries(MINING_2024).map(([c, volume]) => countryRow(c, 'MINING', 2024, { volume }));

/** §3: China's stated shares, one per stage. */
const chinaShares = [
  countryRow('china', 'PROCESSING', 2025, { share: 90, qualifier: 'nearly' }),
  countryRow('china', 'SEPARATION', 2025, { share: 91 }),
  countryRow('china', 'MAGNETS', 2025, { share: 94 }),
];

const noChina = new Set(['china']);
const asOf = '2026-11-29';

describe('supplyRisk against hand-computed figures (rare-earth-facts.md §2, §3)', () => {
  it('mining 2024: China 69.23%, HHI 5023.78 on unrounded shares, 30.77% left without China, US 37.5% of it', () => {
    const risk = supplyRisk(mining, { materialId: 'neodymium', stage: 'MINING', excluding: noChina, asOf });
    // China 270000 / 390000 = 0.692307... -> 69.23%.
    expect(risk).toMatchObject({
      basis: 'GROUP',
      year: 2024,
      unit: 't REO',
      worldVolume: 390000,
      topCountryId: 'china',
      topShare: 69.23,
      missing: null,
    });
    // HHI = sum(v^2) / 390000^2 * 10^4. sum(v^2) = 270000^2 7.29e10 + 45000^2 2.025e9 + 31000^2 9.61e8
    //   + 3 x 13000^2 5.07e8 + 2900^2 8.41e6 + 2500^2 6.25e6 + 2000^2 4e6 + 300^2 9e4 + 130^2 16900 + 20^2 400
    //   = 76,411,767,300; / 152,100,000,000 = 0.5023784 -> 5023.78.
    // (Squaring shares already rounded to 0.01 gives 5023.66: the drift this test pins down.)
    expect(risk.hhi).toBe(5023.78);
    // Named countries sum to 392,850 t > the rounded world 390,000 t: nothing is unattributed.
    expect(risk.unattributedShare).toBe(0);
    // US 45000 / 390000 = 11.538% -> 11.54; Burma 31000 / 390000 = 7.949% -> 7.95.
    expect(risk.shares.slice(0, 3).map((s) => [s.countryId, s.share])).toEqual([
      ['china', 69.23],
      ['united-states', 11.54],
      ['burma', 7.95],
    ]);
    // Without China: 100 - 69.2307 = 30.7692 -> 30.77% of the world remains (120,000 t of 390,000).
    // US 45000 / 120000 = 37.5%. HHI = (sum(v^2) - 270000^2) / 120000^2 * 10^4
    //   = 3,511,767,300 / 14,400,000,000 = 0.2438727 -> 2438.73.
    expect(risk.afterExclusion).toMatchObject({
      remainingShare: 30.77,
      topCountryId: 'united-states',
      topShare: 37.5,
      hhi: 2438.73,
      unattributedShare: 0,
      missing: null,
    });
  });

  it('answers from the stage asked only: China processes "nearly 90" (approximate), separates 91, makes 94% of magnets', () => {
    const processing = supplyRisk(chinaShares, {
      materialId: 'rare-earth-elements',
      stage: 'PROCESSING',
      excluding: new Set(),
      asOf,
    });
    // One share of 90: HHI 90^2 = 8100; unattributed 100 - 90 = 10.
    expect(processing).toMatchObject({
      topCountryId: 'china',
      topShare: 90,
      topShareApproximate: true,
      hhi: 8100,
      unattributedShare: 10,
    });
    expect(processing.shares[0]).toMatchObject({ share: 90, qualifier: 'nearly', approximate: true });
    const separation = supplyRisk(chinaShares, {
      materialId: 'rare-earth-elements',
      stage: 'SEPARATION',
      excluding: new Set(),
      asOf,
    });
    // 91^2 = 8281; 100 - 91 = 9; a plain figure is not approximate.
    expect(separation).toMatchObject({
      topShare: 91,
      topShareApproximate: false,
      hhi: 8281,
      unattributedShare: 9,
    });
    expect(
      supplyRisk(chinaShares, {
        materialId: 'rare-earth-elements',
        stage: 'MAGNETS',
        excluding: new Set(),
        asOf,
      }).topShare,
    ).toBe(94);
  });

  it('gives null figures with a reason, never 0, when the data cannot support a number', () => {
    // Dysprosium separation without China: 100 - 91 = 9% remains, and no source names its countries.
    const dy = supplyRisk(chinaShares, {
      materialId: 'dysprosium',
      stage: 'SEPARATION',
      excluding: noChina,
      asOf,
    });
    expect(dy.afterExclusion).toMatchObject({
      remainingShare: 9,
      hhi: null,
      topShare: null,
      topCountryId: null,
      unattributedShare: 100,
      missing: { reason: 'UNATTRIBUTED' },
    });
    expect(dy.afterExclusion.missing?.message).toMatch(
      /9% of dysprosium at stage SEPARATION remains, but no source names the countries/,
    );
    // A material with no supply rows at all.
    const none = supplyRisk([], { materialId: 'fentanyl', stage: 'MINING', excluding: noChina, asOf });
    expect(none).toMatchObject({
      hhi: null,
      topShare: null,
      unattributedShare: null,
      basis: null,
      year: null,
      missing: { reason: 'NO_DATA' },
    });
    expect(none.afterExclusion).toMatchObject({
      hhi: null,
      remainingShare: null,
      missing: { reason: 'NO_DATA' },
    });
    // A stage with figures only for China, China excluded, and China's row covering the whole total.
    const whole = [countryRow('china', 'METAL', 2025, { share: 100 })];
    const cut = supplyRisk(whole, {
      materialId: 'rare-earth-elements',
      stage: 'METAL',
      excluding: noChina,
      asOf,
    });
    expect(cut.afterExclusion).toMatchObject({
      remainingShare: 0,
      hhi: null,
      unattributedShare: null,
      missing: { reason: 'ALL_SUPPLY_EXCLUDED' },
    });
  });
});

/** A facility's PRODUCES fact of dysprosium at separation (§4). */
function facility(
  id: string,
  site: string,
  operator: { id: string; countryId: string },
  status: FacilityStatus,
  extra: Partial<RelationshipFact> = {},
): SupplyRow {
  const relationship: RelationshipFact = {
    id: `produces:${id}:dysprosium:separation`,
    type: 'PRODUCES',
    from: id,
    to: 'dysprosium',
    stage: 'SEPARATION',
    status,
    origin: 'SEED',
    ...extra,
  };
  return { relationship, supplier: entity(id, 'FACILITY'), siteCountryId: site, operators: [operator] };
}

const member = (country: string): Membership => ({
  id: `member-of:${country}:us-allied-supply-coordination`,
  type: 'MEMBER_OF',
  from: country,
  to: 'us-allied-supply-coordination',
  citations: [],
  origin: 'SEED',
});

describe('supplyAlternatives against the fact sheet (§4: dysprosium separation outside China)', () => {
  const lynas = { id: 'lynas', countryId: 'australia' };
  const rows = [
    // Heavy-RE circuit: planned (§4 "planned").
    facility('lynas-malaysia-heavy-re-circuit', 'malaysia', lynas, 'PLANNED'),
    // Iluka Eneabba: under construction, commissioning 2027.
    facility(
      'iluka-eneabba-refinery',
      'australia',
      { id: 'iluka', countryId: 'australia' },
      'UNDER_CONSTRUCTION',
      { validFrom: '2027' },
    ),
    // Energy Fuels White Mesa: Dy oxide pilot Aug 2025, not yet commercial: ramping.
    facility(
      'white-mesa-mill',
      'united-states',
      { id: 'energy-fuels', countryId: 'united-states' },
      'RAMPING',
    ),
    // Lynas Malaysia: Dy oxide first May 2025, operating.
    facility('lynas-malaysia', 'malaysia', lynas, 'OPERATING', { validFrom: '2025-05' }),
    // A Chinese-operated plant abroad is left out with China excluded.
    facility('some-plant', 'vietnam', { id: 'a-chinese-firm', countryId: 'china' }, 'OPERATING'),
  ];

  it('orders operating, ramping, under construction, planned; Lynas Malaysia qualifies through its Australian operator', () => {
    const list = supplyAlternatives(rows, [member('australia'), member('united-states')], {
      materialId: 'dysprosium',
      excluding: noChina,
      alliedWith: 'united-states',
      asOf,
    });
    // Status ranks OPERATING 0 < RAMPING 1 < UNDER_CONSTRUCTION 2 < PLANNED 3; the Chinese-operated plant is excluded.
    expect(list.map((a) => a.row.supplier.id)).toEqual([
      'lynas-malaysia',
      'white-mesa-mill',
      'iluka-eneabba-refinery',
      'lynas-malaysia-heavy-re-circuit',
    ]);
    // Malaysia is in no alliance with the US; Australia (the operator's country) is.
    expect(list[0]).toMatchObject({
      qualifiesThrough: 'OPERATOR',
      qualifyingCountryId: 'australia',
      domestic: false,
      basis: 'ELEMENT',
    });
    expect(list[1]).toMatchObject({
      qualifiesThrough: 'SITE_AND_OPERATOR',
      qualifyingCountryId: 'united-states',
      domestic: true,
    });
  });

  it('ranks by capacity within a unit, largest first, unknown last (NdPr: Lynas 9000 t/y before Arafura about 4440 t/y)', () => {
    const ndpr = (id: string, capacity?: number) =>
      facility(id, 'australia', { id, countryId: 'australia' }, 'PLANNED', {
        unit: 't/y NdPr oxide',
        ...(capacity !== undefined && { capacity }),
      });
    const list = supplyAlternatives(
      [ndpr('arafura-nolans', 4440), ndpr('unknown-plant'), ndpr('lynas-target', 9000)],
      [member('australia'), member('united-states')],
      {
        materialId: 'dysprosium',
        excluding: noChina,
        alliedWith: 'united-states',
        asOf,
      },
    );
    expect(list.map((a) => a.row.supplier.id)).toEqual(['lynas-target', 'arafura-nolans', 'unknown-plant']);
  });
});
