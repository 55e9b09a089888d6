import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { quoteOccursIn } from '../src/domain/quote.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/** The 17 rare earth elements: id, symbol, atomic number (rare-earth-facts.md §1). */
const ELEMENTS: [string, string, number][] = [
  ['scandium', 'Sc', 21],
  ['yttrium', 'Y', 39],
  ['lanthanum', 'La', 57],
  ['cerium', 'Ce', 58],
  ['praseodymium', 'Pr', 59],
  ['neodymium', 'Nd', 60],
  ['promethium', 'Pm', 61],
  ['samarium', 'Sm', 62],
  ['europium', 'Eu', 63],
  ['gadolinium', 'Gd', 64],
  ['terbium', 'Tb', 65],
  ['dysprosium', 'Dy', 66],
  ['holmium', 'Ho', 67],
  ['erbium', 'Er', 68],
  ['thulium', 'Tm', 69],
  ['ytterbium', 'Yb', 70],
  ['lutetium', 'Lu', 71],
];

const ids = (list: { id: string }[]) => list.map((e) => e.id).sort();

describe.each(STORE_FIXTURES)('GraphQL API over HTTP on the $name store', (fixture) => {
  const ctx = useApi(fixture);

  it('links Trump and Xi through the South Korea meeting and the understanding that followed', async () => {
    const { entity } = await ctx.api.data(`{
      entity(id: "trump-xi-meeting-south-korea") {
        name
        ... on Event { participants { id } places { id } }
        relationships(types: [RESULTED_IN], direction: OUT) { nodes { to { id kind } citations { quote source { id } } } }
      }
    }`);
    expect(ids(entity.participants)).toEqual(expect.arrayContaining(['donald-trump', 'xi-jinping']));
    expect(ids(entity.places)).toEqual(['south-korea']);
    expect(entity.relationships.nodes.map((r: any) => r.to)).toEqual([
      { id: 'us-china-understanding-2025', kind: 'AGREEMENT' },
    ]);
  });

  it("lists China's five commitments and the three US ones (tariff cut and two one-year pauses) as parts of the understanding", async () => {
    const { agreement, china } = await ctx.api.data(`{
      agreement: entity(id: "us-china-understanding-2025") {
        ... on Agreement { parties { id } commitments { id committedBy { id } } }
      }
      china: entity(id: "china") { ... on Country { commitments { id text } } }
    }`);
    expect(ids(agreement.parties)).toEqual(['china', 'united-states']);
    expect(ids(china.commitments)).toEqual([
      'china-coordinate-with-us-law-enforcement',
      'china-expand-anti-narcotics-cooperation',
      'china-issue-general-licences',
      'china-maintain-suspension',
      'china-monitor-chemical-exports',
    ]);
    const byParty = Object.fromEntries(agreement.commitments.map((c: any) => [c.id, ids(c.committedBy)]));
    expect(byParty['us-cut-tariffs-10-percent']).toEqual(['united-states']);
    expect(byParty['china-maintain-suspension']).toEqual(['china']);
    expect(byParty['us-pause-affiliates-rule']).toEqual(['united-states']);
    expect(byParty['us-extend-section-301-exclusions']).toEqual(['united-states']);
    expect(Object.keys(byParty)).toHaveLength(8);
  });

  it("gives Bessent's office with its citation, and his two venues", async () => {
    const { entity } = await ctx.api.data(`{
      entity(id: "scott-bessent") {
        name
        ... on Person {
          offices { title to { id } citations { quote source { id } } }
          statements { id venues { id name } }
        }
      }
    }`);
    expect(entity.name).toBe('Scott Bessent');
    const office = entity.offices.find((o: any) => o.to.id === 'us-treasury');
    expect(office.title).toBe('Treasury Secretary');
    expect(office.citations[0].source.id).toBe('source-article');
    expect(office.citations[0].quote).toContain('Treasury Secretary Scott Bessent');
    const venues = new Set<string>(entity.statements.flatMap((s: any) => s.venues.map((v: any) => v.name)));
    expect([...venues].some((v) => v.includes('Fox News'))).toBe(true);
    expect([...venues].some((v) => v.includes('CNN'))).toBe(true);
  });

  it("records the DEA's claim that China is the largest source of fentanyl and its precursors", async () => {
    const { entity } = await ctx.api.data(`{
      entity(id: "china") {
        relationships(types: [SOURCE_OF], direction: OUT) { nodes { to { id } citations { quote source { id } } } }
      }
    }`);
    const targets = entity.relationships.nodes.map((r: any) => r.to.id);
    expect(targets).toEqual(expect.arrayContaining(['fentanyl', 'fentanyl-precursor-chemicals']));
    for (const rel of entity.relationships.nodes) {
      expect(
        rel.citations.some(
          (c: any) =>
            c.source.id === 'source-article' &&
            /Drug Enforcement Administration|largest source of fentanyl/.test(c.quote),
        ),
      ).toBe(true);
    }
    const { dea } = await ctx.api.data(
      `{ dea: entity(id: "dea") { name ... on Organization { partOf { id } } } }`,
    );
    expect(dea.name).toMatch(/Drug Enforcement Administration/);
    expect(ids(dea.partOf)).toContain('united-states');
  });

  it('names Australia, Japan and Canada as the allies of the alternative supply chains', async () => {
    const { entity } = await ctx.api.data(
      `{ entity(id: "us-allied-supply-coordination") { kind ... on Alliance { members { id } } } }`,
    );
    expect(entity.kind).toBe('ALLIANCE');
    expect(ids(entity.members)).toEqual(
      expect.arrayContaining(['australia', 'canada', 'japan', 'united-states']),
    );
  });

  it('holds the 17 rare earth elements with their symbols and atomic numbers', async () => {
    const { entity } = await ctx.api.data(`{
      entity(id: "rare-earth-elements") { ... on Material { members { id symbol atomicNumber reeClass } } }
    }`);
    const got = entity.members
      .map((m: any) => [m.id, m.symbol, m.atomicNumber])
      .sort((a: any, b: any) => a[2] - b[2]);
    expect(got).toEqual(ELEMENTS);
    const cls = Object.fromEntries(entity.members.map((m: any) => [m.id, m.reeClass]));
    expect([cls.scandium, cls.yttrium, cls.gadolinium, cls.terbium, cls.neodymium]).toEqual([
      'NEITHER',
      'HEAVY',
      'LIGHT',
      'HEAVY',
      'LIGHT',
    ]);
  });

  it('supports every relationship with a citation, and every article quote occurs in the article', async () => {
    const article = await readFile(new URL('../seed/sources/source-article.txt', import.meta.url), 'utf8');
    const { relationships } = await ctx.store.exportAll();
    expect(relationships.length).toBeGreaterThan(50);
    for (const rel of relationships) {
      expect(rel.citations.length, rel.id).toBeGreaterThan(0);
      for (const c of rel.citations.filter((c) => c.sourceId === 'source-article')) {
        expect(c.quote && quoteOccursIn(c.quote, article), `${rel.id}: ${c.quote}`).toBe(true);
      }
    }
    const { entity } = await ctx.api.data(
      `{ entity(id: "source-article") { ... on Source { hasText citedBy(first: 100) { totalCount nodes { id } } } } }`,
    );
    expect(entity.hasText).toBe(true);
    const citing = relationships.filter((r) =>
      r.citations.some((c) => c.sourceId === 'source-article'),
    ).length;
    expect(entity.citedBy.totalCount).toBe(citing);
    expect(entity.citedBy.nodes.length).toBe(Math.min(100, citing));
  });

  it('returns null for an unknown id and pages entities with cursors and a total', async () => {
    const { missing } = await ctx.api.data(`{ missing: entity(id: "no-such-entity") { id } }`);
    expect(missing).toBeNull();
    const first = await ctx.api.data(
      `{ entities(kind: MATERIAL, first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }`,
    );
    const page = first.entities;
    expect(page.nodes).toHaveLength(5);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await ctx.api.data(
      `query($after: String) { entities(kind: MATERIAL, first: 100, after: $after) { totalCount nodes { id name } } }`,
      {
        after: page.pageInfo.endCursor,
      },
    );
    expect(next.entities.totalCount).toBe(page.totalCount);
    const all = [...page.nodes, ...next.entities.nodes];
    expect(all).toHaveLength(page.totalCount);
    const names = all.map((n: any) => n.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('ranks search results: exact, then prefix, then contains', async () => {
    const { search } = await ctx.api.data(`{ search(text: "China") { nodes { id name } } }`);
    expect(search.nodes[0].id).toBe('china');
    const { bessent } = await ctx.api.data(`{ bessent: search(text: "bessent") { nodes { id } } }`);
    expect(bessent.nodes[0].id).toBe('scott-bessent');
    const { dy } = await ctx.api.data(`{ dy: search(text: "DYSPRO") { nodes { id } } }`);
    expect(dy.nodes[0].id).toBe('dysprosium');
  });

  it('filters relationships by type, direction and date', async () => {
    const q = `query($asOf: Date) { entity(id: "scott-bessent") { relationships(types: [HOLDS_OFFICE], direction: OUT, asOf: $asOf) { totalCount } } }`;
    const now = await ctx.api.data(q, { asOf: '2025-11-02' });
    expect(now.entity.relationships.totalCount).toBe(1);
    const { inbound } = await ctx.api.data(
      `{ inbound: entity(id: "scott-bessent") { relationships(types: [HOLDS_OFFICE], direction: IN) { totalCount } } }`,
    );
    expect(inbound.relationships.totalCount).toBe(0);
  });

  it('refuses bad input with BAD_USER_INPUT naming the argument, and unknown enum values with HTTP 400', async () => {
    const tooMany = await ctx.api.gql(`{ entities(first: 101) { totalCount } }`);
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(tooMany.body.errors?.[0]?.message).toMatch(/first/);
    const badCursor = await ctx.api.gql(`{ entities(after: "not-a-cursor") { totalCount } }`);
    expect(badCursor.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const badAsOf = await ctx.api.gql(
      `{ entity(id: "china") { relationships(asOf: "2025") { totalCount } } }`,
    );
    // asOf is a Date (0.2.0): a partial day is refused at validation, naming the argument, with HTTP 400.
    expect(badAsOf.status).toBe(400);
    expect(badAsOf.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(badAsOf.body.errors?.[0]?.message).toMatch(
      /^Argument "asOf" has an invalid value: Expected value of type "Date", found "2025"/,
    );
    const badEnum = await ctx.api.gql(`{ entities(kind: PLANET) { totalCount } }`);
    expect(badEnum.status).toBe(400);
    expect(badEnum.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('draws a neighbourhood, and refuses traversal bounds and unknown ids with clear codes', async () => {
    const { neighborhood } = await ctx.api.data(`{
      neighborhood(id: "us-allied-supply-coordination", types: [MEMBER_OF]) { truncated nodes { distance entity { id } } relationships { id } }
    }`);
    expect(neighborhood.nodes.map((n: any) => [n.distance, n.entity.id])).toEqual([
      [0, 'us-allied-supply-coordination'],
      [1, 'australia'],
      [1, 'canada'],
      [1, 'japan'],
      [1, 'united-states'],
    ]);
    expect(neighborhood.relationships.map((r: any) => r.id)).toContain(
      'member-of:japan:us-allied-supply-coordination',
    );
    const { cut } = await ctx.api.data(`{
      cut: neighborhood(id: "us-allied-supply-coordination", types: [MEMBER_OF], limit: 3) { truncated nodes { distance entity { id } } relationships { id } }
    }`);
    expect(cut).toStrictEqual({
      truncated: true,
      nodes: [
        { distance: 0, entity: { id: 'us-allied-supply-coordination' } },
        { distance: 1, entity: { id: 'australia' } },
        { distance: 1, entity: { id: 'canada' } },
      ],
      relationships: [
        { id: 'member-of:australia:us-allied-supply-coordination' },
        { id: 'member-of:canada:us-allied-supply-coordination' },
      ],
    });
    const tooDeep = await ctx.api.gql(`{ neighborhood(id: "china", depth: 4) { truncated } }`);
    expect(tooDeep.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
    const tooLong = await ctx.api.gql(`{ paths(from: "china", to: "japan", maxHops: 7) { length } }`);
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxHops' });
    for (const [args, field] of [
      ['from: "atlantis", to: "china"', 'from'],
      ['from: "china", to: "atlantis"', 'to'],
      ['from: "atlantis", to: "atlantis"', 'from'],
    ] as const) {
      const missing = await ctx.api.gql(`{ paths(${args}) { length } }`);
      expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field });
    }
    // Both ends exist but no path is that short: no paths, no error; and a path from an entity to itself is empty.
    expect(
      await ctx.api.data(`{ paths(from: "scott-bessent", to: "xi-jinping", maxHops: 1) { length } }`),
    ).toStrictEqual({ paths: [] });
    expect(
      await ctx.api.data(`{ paths(from: "china", to: "china") { length nodes { id } hops { forward } } }`),
    ).toStrictEqual({ paths: [{ length: 0, nodes: [{ id: 'china' }], hops: [] }] });
    const unknown = await ctx.api.gql(
      `{ supplyAlternatives(material: "unobtainium") { alternatives { domestic } } }`,
    );
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'material' });
  });

  it('holds both official accounts of the deal, flagged as disputed', async () => {
    const { entity } = await ctx.api.data(
      `{ entity(id: "white-house-account-suspension") { relationships(types: [CONTRADICTS, CLAIMS]) { nodes { type disputed from { id } to { id } } } } }`,
    );
    const rels = entity.relationships.nodes;
    expect(
      rels.some(
        (r: any) =>
          r.type === 'CONTRADICTS' && r.disputed && [r.from.id, r.to.id].includes('mofcom-no70-account'),
      ),
    ).toBe(true);
    expect(rels.filter((r: any) => r.type === 'CLAIMS').every((r: any) => r.disputed)).toBe(true);
  });
});
