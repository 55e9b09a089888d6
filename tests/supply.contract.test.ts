import { describe, expect, it } from 'vitest';
import { STORE_FIXTURES, useApi } from './support/stores.js';

// The headline supply numbers against values computed by hand from rare-earth-facts.md (the
// arithmetic is in tests/supply-rules.test.ts), on both stores: not regenerated from either.

describe.each(STORE_FIXTURES)('supply answers on the $name store', (fixture) => {
  const ctx = useApi(fixture);

  it('China processes "nearly 90" percent: 90, approximate, with the qualifier on the share, and the query echoed', async () => {
    const { supplyRisk } = await ctx.api.data(`{
      supplyRisk(material: "rare-earth-elements", stage: PROCESSING, asOf: "2026-11-29") {
        query { material { id } stage basis asOf excluding { id } alliedWith { id } }
        topCountry { id } topShare topShareApproximate hhi unattributedShare missing { reason }
        shares { country { id } share qualifier approximate }
        afterExclusion { remainingShare hhi topShare unattributedShare missing { reason message } }
      }
    }`);
    expect(supplyRisk).toStrictEqual({
      query: {
        material: { id: 'rare-earth-elements' },
        stage: 'PROCESSING',
        basis: 'GROUP',
        asOf: '2026-11-29',
        excluding: [{ id: 'china' }],
        alliedWith: null,
      },
      // 90^2 = 8100; 100 - 90 = 10.
      topCountry: { id: 'china' },
      topShare: 90,
      topShareApproximate: true,
      hhi: 8100,
      unattributedShare: 10,
      missing: null,
      shares: [{ country: { id: 'china' }, share: 90, qualifier: 'nearly', approximate: true }],
      afterExclusion: {
        remainingShare: 10,
        hhi: null,
        topShare: null,
        unattributedShare: 100,
        missing: {
          reason: 'UNATTRIBUTED',
          message:
            'Without china, 10% of rare-earth-elements at stage PROCESSING remains, but no source names the countries it comes from.',
        },
      },
    });
  });

  it('neodymium mining: group figures of 2024, China 69.23%, HHI 5023.78; without China 30.77% left, HHI 2438.73', async () => {
    const { supplyRisk } = await ctx.api.data(`{
      supplyRisk(material: "neodymium", stage: MINING, asOf: "2026-11-29") {
        query { material { id } stage basis }
        year worldVolume topCountry { id } topShare hhi unattributedShare
        afterExclusion { remainingShare topCountry { id } topShare hhi unattributedShare missing { reason } }
      }
    }`);
    expect(supplyRisk).toStrictEqual({
      query: { material: { id: 'neodymium' }, stage: 'MINING', basis: 'GROUP' },
      year: 2024,
      worldVolume: 390000,
      topCountry: { id: 'china' },
      topShare: 69.23,
      hhi: 5023.78,
      unattributedShare: 0,
      afterExclusion: {
        remainingShare: 30.77,
        topCountry: { id: 'united-states' },
        topShare: 37.5,
        hhi: 2438.73,
        unattributedShare: 0,
        missing: null,
      },
    });
  });

  it('dysprosium separation without China: 9% remains, unattributed: null HHI with its reason, never 0', async () => {
    const { supplyRisk } = await ctx.api.data(`{
      supplyRisk(material: "dysprosium", stage: SEPARATION, asOf: "2026-11-29") {
        topShare hhi unattributedShare afterExclusion { remainingShare hhi topShare unattributedShare missing { reason } }
      }
    }`);
    // China 91: 91^2 = 8281, 100 - 91 = 9.
    expect(supplyRisk).toStrictEqual({
      topShare: 91,
      hhi: 8281,
      unattributedShare: 9,
      afterExclusion: {
        remainingShare: 9,
        hhi: null,
        topShare: null,
        unattributedShare: 100,
        missing: { reason: 'UNATTRIBUTED' },
      },
    });
  });

  it('a material without supply data answers NO_DATA with null figures', async () => {
    const { supplyRisk } = await ctx.api.data(`{
      supplyRisk(material: "fentanyl", stage: MINING, asOf: "2026-11-29") {
        basis hhi topShare unattributedShare missing { reason message } afterExclusion { remainingShare hhi missing { reason } }
      }
    }`);
    expect(supplyRisk).toStrictEqual({
      basis: null,
      hhi: null,
      topShare: null,
      unattributedShare: null,
      missing: {
        reason: 'NO_DATA',
        message: 'No source in the graph gives country shares of fentanyl at stage MINING up to 2026-11-29.',
      },
      afterExclusion: { remainingShare: null, hhi: null, missing: { reason: 'NO_DATA' } },
    });
  });

  it('dysprosium alternatives: operating, ramping, under construction, planned, and the query echoed with its defaults', async () => {
    const { supplyAlternatives } = await ctx.api.data(`{
      supplyAlternatives(material: "dysprosium", stage: SEPARATION, asOf: "2026-11-29") {
        query { material { id } stage basis asOf excluding { id } alliedWith { id } }
        alternatives { supplier { id } relationship { status } }
      }
    }`);
    // Mixed ELEMENT (Lynas) and GROUP (Hai Phong) rows: the echo's basis is null, each row states its own.
    expect(supplyAlternatives.query).toStrictEqual({
      material: { id: 'dysprosium' },
      stage: 'SEPARATION',
      basis: null,
      asOf: '2026-11-29',
      excluding: [{ id: 'china' }],
      alliedWith: { id: 'united-states' },
    });
    expect(supplyAlternatives.alternatives.map((a: any) => [a.supplier.id, a.relationship.status])).toEqual([
      ['lynas-malaysia', 'OPERATING'],
      ['shin-etsu-hai-phong', 'OPERATING'],
      ['white-mesa-mill', 'RAMPING'],
      ['iluka-eneabba-refinery', 'UNDER_CONSTRUCTION'],
      ['lynas-malaysia-heavy-re-circuit', 'PLANNED'],
      ['white-mesa-mill', 'PLANNED'],
    ]);
  });

  it('refuses ids of the wrong kind with BAD_USER_INPUT naming the kind expected', async () => {
    const cases: [string, string, string][] = [
      [
        'supplyRisk(material: "china", stage: MINING) { hhi }',
        'material',
        'Argument "material" must name a material; "china" is a country',
      ],
      [
        'supplyAlternatives(material: "china") { query { stage } }',
        'material',
        'Argument "material" must name a material; "china" is a country',
      ],
      [
        'supplyOutlook(material: "scott-bessent", stage: MAGNETS) { from }',
        'material',
        'Argument "material" must name a material; "scott-bessent" is a person',
      ],
      [
        'supplyRisk(material: "dysprosium", stage: MINING, excluding: ["lynas"]) { hhi }',
        'excluding',
        'Argument "excluding" must name a country; "lynas" is an organization',
      ],
      [
        'supplyAlternatives(material: "dysprosium", alliedWith: "dysprosium") { query { stage } }',
        'alliedWith',
        'Argument "alliedWith" must name a country; "dysprosium" is a material',
      ],
    ];
    for (const [query, field, message] of cases) {
      const res = await ctx.api.gql(`{ ${query} }`);
      expect(res.body.errors?.[0], query).toMatchObject({
        message,
        extensions: { code: 'BAD_USER_INPUT', field },
      });
      // Root fields are nullable (0.2.0): the refused field answers null beside its error.
      const root = query.slice(0, query.indexOf('('));
      expect(res.body.data, query).toEqual({ [root]: null });
    }
  });

  it('requires a stage where shares or capacities are summed', async () => {
    for (const query of [
      'supplyRisk(material: "dysprosium") { hhi }',
      'supplyOutlook(material: "dysprosium") { from }',
    ]) {
      const res = await ctx.api.gql(`{ ${query} }`);
      expect(res.body.errors?.[0]?.message, query).toMatch(
        /argument "stage" of type "SupplyStage!" is required/,
      );
    }
  });
});
