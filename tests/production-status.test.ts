import { describe, expect, it } from 'vitest';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/*
 * Supply answers move with `asOf` (issue 13, item 2), on both stores. Expected values are the
 * seed's histories read by hand (rare-earth-facts.md §4, updates-2025-2026.md).
 */

interface Alternative {
  supplier: { id: string };
  relationship: {
    id: string;
    status: string | null;
    milestones:
      { status: string; date: string; planned: boolean; citation: { source: { id: string } } }[] | null;
  };
  statusAsOf: { status: string; since: string | null; recordedOn: string | null } | null;
  plannedMilestones: { status: string; date: string; citation: { source: { id: string } } }[];
}

const ALTERNATIVE = `supplier { id }
  relationship { id status milestones { status date planned citation { source { id } } } }
  statusAsOf { status since recordedOn }
  plannedMilestones { status date citation { source { id } } }`;

const alternatives = (material: string, asOf: string) =>
  `{ supplyAlternatives(material: "${material}", stage: SEPARATION, asOf: "${asOf}") { alternatives { ${ALTERNATIVE} } } }`;

const LYNAS_DY = 'produces:lynas-malaysia:dysprosium:separation';
const ILUKA_DY = 'produces:iluka-eneabba-refinery:dysprosium:separation';

describe.each(STORE_FIXTURES)('production line status as of a day, on the $name store', (fixture) => {
  const ctx = useApi(fixture);
  const ask = async (material: string, asOf: string) =>
    (
      await ctx.api.data<{ supplyAlternatives: { alternatives: Alternative[] } }>(
        alternatives(material, asOf),
      )
    ).supplyAlternatives.alternatives;
  const line = (list: Alternative[], id: string) => list.find((a) => a.relationship.id === id);

  // Found by npm run fuzz:scale: a milestone's citation had no id, so asking for it was INTERNAL.
  it('gives every milestone citation an id of its own', async () => {
    const { relationship } = await ctx.api.data(
      `{ relationship(id: "${LYNAS_DY}") { milestones { status citation { id locator } } } }`,
    );
    expect(relationship.milestones.length).toBeGreaterThan(0);
    expect(relationship.milestones.map((m: { citation: { id: string } }) => m.citation.id)).toEqual(
      relationship.milestones.map((_: unknown, i: number) => `${LYNAS_DY}#milestone-${i}`),
    );
  });

  it("leaves Lynas's dysprosium line out on 2020-01-01: its first Dy oxide was in May 2025", async () => {
    // Fields the schema had before the histories, so this fails on the old answer (the line, OPERATING), not on the query.
    const before = (
      await ctx.api.data<{
        supplyAlternatives: { alternatives: { relationship: { id: string; status: string } }[] };
      }>(
        `{ supplyAlternatives(material: "dysprosium", stage: SEPARATION, asOf: "2020-01-01") { alternatives { relationship { id status } } } }`,
      )
    ).supplyAlternatives.alternatives;
    expect(before.map((a) => a.relationship.id)).not.toContain(LYNAS_DY);
    const in2020 = await ask('dysprosium', '2020-01-01');
    expect(line(in2020, LYNAS_DY)).toBeUndefined();
    // No line whose history starts later shows either; lines without a dated history keep their undated status.
    for (const a of in2020) if (a.relationship.milestones) expect(a.statusAsOf).not.toBeNull();
    expect(in2020.map((a) => a.relationship.id)).not.toContain(ILUKA_DY);
  });

  it("shows Lynas's dysprosium line OPERATING since May 2025 on 2025-06-01, with its cited history", async () => {
    const lynas = line(await ask('dysprosium', '2025-06-01'), LYNAS_DY);
    expect(lynas?.statusAsOf).toEqual({ status: 'OPERATING', since: '2025-05', recordedOn: '2025-05' });
    expect(lynas?.plannedMilestones).toEqual([]);
    expect(lynas?.relationship.milestones).toEqual([
      {
        status: 'OPERATING',
        date: '2025-05',
        planned: false,
        citation: { source: { id: 'thewest-2025-05-16-lynas-dysprosium' } },
      },
    ]);
  });

  it('answers Iluka "as of 2035" with the last recorded status and the plan beside it, never a later status', async () => {
    const iluka = line(await ask('dysprosium', '2035-01-01'), ILUKA_DY);
    expect(iluka?.statusAsOf).toEqual({
      status: 'UNDER_CONSTRUCTION',
      since: '2026-02-18',
      recordedOn: '2026-02-18',
    });
    expect(iluka?.plannedMilestones).toEqual([
      {
        status: 'COMMISSIONING',
        date: '2027',
        citation: { source: { id: 'thewest-iluka-eneabba-2026-02-18' } },
      },
    ]);
    expect(iluka?.relationship.status).toBe('UNDER_CONSTRUCTION');
  });

  it('orders by the status that held on the day: White Mesa dysprosium is RAMPING from Aug 2025, confirmed Dec 2025', async () => {
    const list = await ask('dysprosium', '2026-01-01');
    const whiteMesa = line(list, 'produces:white-mesa-mill:dysprosium:separation:2025');
    expect(whiteMesa?.statusAsOf).toEqual({ status: 'RAMPING', since: '2025-08', recordedOn: '2025-12-19' });
    const ranks = ['OPERATING', 'RAMPING', 'COMMISSIONING', 'UNDER_CONSTRUCTION', 'PLANNED', 'CLOSED'];
    const order = list.map((a) => (a.statusAsOf ? ranks.indexOf(a.statusAsOf.status) : ranks.length));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("supplyOutlook counts NdFeB magnet capacity year by year from each line's history", async () => {
    const { supplyOutlook } = await ctx.api.data<{ supplyOutlook: any }>(`{
      supplyOutlook(material: "neodymium", stage: MAGNETS, from: 2024, to: 2029) {
        series { unit points { year capacity } }
        leftOut { reason alternative { ${ALTERNATIVE} } }
      }
    }`);
    // Independence 1000 t/y (ramping from Jan 2025) + Narva 2000 t/y (operating from Sep 2025) = 3000 from 2025;
    // + 10X 9000 t/y from its planned commissioning in 2028 = 12000.
    const ndfeb = supplyOutlook.series.find((s: any) => s.unit === 't/y NdFeB magnets');
    expect(ndfeb.points).toEqual([
      { year: 2024, capacity: 0 },
      { year: 2025, capacity: 3000 },
      { year: 2026, capacity: 3000 },
      { year: 2027, capacity: 3000 },
      { year: 2028, capacity: 12000 },
      { year: 2029, capacity: 12000 },
    ]);
    // Vulcan's plant: planned (recorded 3 Nov 2025, after the outlook's start), no output date stated.
    const vulcan = supplyOutlook.leftOut.find(
      (l: any) => l.alternative.supplier.id === 'vulcan-magnet-plant',
    );
    expect(vulcan).toMatchObject({
      reason: 'NO_START_DATE',
      alternative: { statusAsOf: null, plannedMilestones: [] },
    });
  });
});
