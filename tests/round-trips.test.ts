import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { bulkLoad } from '../bench/load.js';
import { generateGraph } from '../bench/synthetic.js';
import { createNeo4jStore, type Neo4jStore } from '../src/store/neo4j/index.js';
import { searchPageQuery } from '../src/store/neo4j/entities.queries.js';
import { resetForTests } from './support/neo4j-reset.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';

/*
 * No N+1: a request makes a bounded number of Neo4j round trips (statements sent), whatever
 * the number of results. Each nested query runs on a synthetic graph of hundreds of entities
 * once with 1 root and once with 12; both must cost the same number of statements, exactly the
 * figure given: 2 for the counted page, one statement for every typed shortcut (`facilities`,
 * `country`, `parties`...) nested below the page however deep (the look-ahead,
 * src/schema/entity/lookahead.ts), then per nesting level one statement per distinct relationship
 * filter asked at that level, plus one for entities reached through relationships.
 */

const URI = inject('neo4jUri');

/** Persons -> offices -> organisation -> facilities -> country (4 levels below the page). */
const OFFICES = `query ($n: Int!) {
  entities(kind: PERSON, first: $n) {
    nodes { id ... on Person { offices { title to { id ... on Organization { facilities { id country { id name } } } } } } }
  }
}`;

/** Materials -> producers (PRODUCES) -> supplier -> country and operators. */
const SUPPLIERS = `query ($n: Int!) {
  entities(kind: MATERIAL, first: $n) {
    nodes { id ... on Material { producers { stage from { id ... on Facility { country { id } operators { id } } } } } }
  }
}`;

/** Agreements -> parties and commitments -> who committed, with citations' sources. */
const AGREEMENTS = `query ($n: Int!) {
  entities(kind: AGREEMENT, first: $n) {
    nodes { id ... on Agreement { parties { id } commitments { id committedBy { id } } relationships(direction: IN) { nodes { id citations { source { id } } } } } }
  }
}`;

/** Organisations -> facilities -> country and operators: typed shortcuts only, fetched ahead with the page. */
const FACILITIES = `query ($n: Int!) {
  entities(kind: ORGANIZATION, first: $n) {
    nodes { id ... on Organization { facilities { id name country { id name } operators { id } } } }
  }
}`;

/** How many nested objects with an `id` an answer holds (to show the big run returned a lot). */
function countIds(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + countIds(v), 0);
  if (value && typeof value === 'object') {
    return ('id' in value ? 1 : 0) + Object.values(value).reduce((sum: number, v) => sum + countIds(v), 0);
  }
  return 0;
}

describe('round trips to Neo4j per request', () => {
  let statements = 0;
  let store: Neo4jStore;
  let api: TestServer;
  const graph = generateGraph(2500, 7);

  beforeAll(async () => {
    store = await createNeo4jStore({ uri: URI }, { onQuery: () => statements++ });
    await resetForTests(URI);
    const driver = neo4j.driver(URI);
    await bulkLoad(driver, graph.entities, graph.relationships).finally(() => driver.close());
    api = await startTestServer(store);
  });
  afterAll(async () => {
    await api?.close();
    await store?.close();
  });

  /** Runs a query and returns its answer and how many statements it sent. */
  async function measured(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ data: any; trips: number }> {
    const before = statements;
    const data = await api.data(query, variables);
    return { data, trips: statements - before };
  }

  it('the graph has hundreds of entities', () => {
    expect(graph.entities.length).toBeGreaterThan(500);
    expect(graph.relationships.length).toBeGreaterThan(2000);
  });

  it.each([
    // 2 + one look-ahead statement for every typed shortcut below the page, however deep
    ['organisations -> facilities -> country, operators', FACILITIES, 3],
    // 2 + (offices, their ends) + facilities + country: typed shortcuts bring their entities with them
    ['persons -> offices -> organisation -> facilities -> country', OFFICES, 6],
    // 2 + (producers, their ends) + country + operators
    ['materials -> producers -> supplier -> country, operators', SUPPLIERS, 6],
    // 2 + one look-ahead for parties, commitments and committedBy + relationships + the citations' sources
    [
      'agreements -> parties, commitments -> committedBy; relationships -> citations -> source',
      AGREEMENTS,
      5,
    ],
  ])('%s: the same number of statements for 1 and 12 roots', async (_name, query, bound) => {
    const one = await measured(query, { n: 1 });
    const many = await measured(query, { n: 12 });
    expect(many.data.entities.nodes).toHaveLength(12);
    expect(countIds(many.data)).toBeGreaterThan(5 * countIds(one.data));
    expect(many.trips).toBe(one.trips);
    expect(many.trips).toBe(bound);
  });

  it("one entity with typed shortcuts nested below it (the benchmark's nested query) is one statement, and its answer is the loaders' answer", async () => {
    const ids = graph.probes.companies.slice(0, 3);
    const nested = `query ($id: ID!) { entity(id: $id) { id name ... on Organization { facilities { id name status country { id name } operators { id } } } } }`;
    for (const id of ids) {
      const ahead = await measured(nested, { id });
      expect(ahead.trips).toBe(1);
      expect(ahead.data.entity.facilities.length).toBeGreaterThan(0);
      // The same fields under @include(if: true) are left to the loaders: one statement per level.
      const loaded = await measured(nested.replace('facilities {', 'facilities @include(if: true) {'), {
        id,
      });
      expect(loaded.trips).toBe(4);
      expect(ahead.data).toEqual(loaded.data);
      // Two levels are fetched ahead (a tree repeats shared subtrees); a third level is one more batched statement.
      const deeper = await measured(
        nested.replace('country { id name }', 'country { id name alliances { id } }'),
        { id },
      );
      expect(deeper.trips).toBe(2);
      expect(deeper.data.entity.facilities.some((f: any) => f.country?.alliances.length > 0)).toBe(true);
    }
  });

  it('paths, neighbourhood and supply queries cost a bounded number of statements', async () => {
    const [from, to] = graph.probes.pathPairs[0]!;
    const material = graph.probes.materials[0]!;
    const paths = await measured(
      `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, first: 10) { nodes { id } hops { relationships { id citations { source { id } } } } } }`,
      { from, to },
    );
    const hood = await measured(
      `query ($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { nodes { entity { id } } relationships { id from { id } } } }`,
      { id: material },
    );
    const alternatives = await measured(
      `query ($m: ID!, $us: ID!, $cn: ID!) { supplyAlternatives(material: $m, alliedWith: $us, excluding: [$cn], asOf: "2026-11-29") { alternatives { supplier { id } siteCountry { id } operators { id } alliancePath { id } } } }`,
      { m: material, us: graph.probes.alliedWith, cn: graph.probes.excluding },
    );
    const risk = await measured(
      `query ($m: ID!, $cn: ID!) { supplyRisk(material: $m, stage: MINING, excluding: [$cn], asOf: "2026-11-29") { topCountry { id } shares { country { id name } share } afterExclusion { topCountry { id } shares { country { id } } } } }`,
      { m: material, cn: graph.probes.excluding },
    );
    const outlook = await measured(
      `query ($m: ID!, $us: ID!, $cn: ID!) { supplyOutlook(material: $m, stage: MINING, alliedWith: $us, excluding: [$cn], from: 2025, to: 2028) { from to leftOut { reason alternative { supplier { id } qualifyingCountry { id } operators { id } } } excludedVolumes { country { id name } } } }`,
      { m: material, us: graph.probes.alliedWith, cn: graph.probes.excluding },
    );
    expect(hood.data.neighborhood.nodes.length).toBeGreaterThan(20);
    expect(alternatives.data.supplyAlternatives.alternatives.length).toBeGreaterThan(0);
    expect(paths.data.paths.length).toBeGreaterThan(0);
    // paths: the enumeration with the paths' nodes (and whether each end exists),
    // the hops' citations (paths carry relationships without them; loaded by id when asked, as here), their sources
    expect(paths.trips).toBe(3);
    // neighbourhood depth 2: one statement (the store answers null for an unknown centre; the nodes answer the relationships' ends)
    expect(hood.trips).toBe(1);
    // supply: the argument checks with the material's groups (one batch), then the rows with their
    // memberships and the answer's entities (supplyContext)
    expect(alternatives.trips).toBe(2);
    expect(risk.data.supplyRisk.shares.length).toBeGreaterThan(0);
    expect(risk.trips).toBe(2);
    expect(outlook.data.supplyOutlook.from).toBe(2025);
    expect(outlook.trips).toBe(2);
  });

  it('paths with no path, or with an unknown end (NOT_FOUND), are one statement: the search says whether each end exists', async () => {
    const [from, to] = graph.probes.pathPairs[0]!;
    const query = `query ($from: ID!, $to: ID!, $hops: Int) { paths(from: $from, to: $to, maxHops: $hops) { length nodes { id } } }`;
    const none = await measured(query, { from, to, hops: 1 });
    expect(none.data.paths).toEqual([]);
    expect(none.trips).toBe(1);
    for (const [a, b, argument] of [
      ['no-such-entity', to, 'from'],
      [from, 'no-such-entity', 'to'],
      ['no-such-entity', 'nor-this-one', 'from'],
    ] as const) {
      const before = statements;
      const { body } = await api.gql(query, { from: a, to: b, hops: 4 });
      expect(statements - before).toBe(1);
      expect(body.data).toEqual({ paths: null });
      expect(body.errors!.map((e: any) => [e.extensions.code, e.message])).toEqual([
        ['NOT_FOUND', `No entity with id "no-such-entity" (argument "${argument}")`],
      ]);
    }
  });

  it('stats, every figure, with and without asOf: one statement', async () => {
    const query = `query ($asOf: Date) { stats(asOf: $asOf) { asOf entityCount relationshipCount undated entitiesByKind { kind count } relationshipsByType { type count } citationsBySource(first: 100) { sourceId name count } relationshipsByValidFrom { period month year count } writesByMonth { month count } } }`;
    const all = await measured(query, {});
    const dated = await measured(query, { asOf: '2026-11-29' });
    expect(all.data.stats.entityCount).toBe(graph.entities.length);
    expect(all.data.stats.relationshipCount).toBe(graph.relationships.length);
    expect(all.data.stats.citationsBySource.length).toBeGreaterThan(0);
    expect(all.trips).toBe(1);
    expect(dated.trips).toBe(1);
  });

  it("a search within one kind (the benchmark's list) is pre-selected by the TEXT index, not a scan of every entity of the kind", async () => {
    // The plan Neo4j chooses for the statement the store sends, on this graph's statistics.
    const driver = neo4j.driver(URI);
    try {
      const operators = new Set<string>();
      const walk = (plan: { operatorType: string; children: unknown[] }): void => {
        operators.add(plan.operatorType.replace(/@.*$/, ''));
        for (const child of plan.children) walk(child as typeof plan);
      };
      const { summary } = await driver.executeQuery(`EXPLAIN ${searchPageQuery('ORGANIZATION', false)}`, {
        folded: 'nor',
        stem0: 'nor',
        words: ['nor'],
        stems: ['nor'],
        afterKey: null,
        afterId: null,
        beforeKey: null,
        beforeId: null,
        limit: neo4j.int(21),
      });
      walk(summary.plan as never);
      expect(operators).toContain('NodeIndexContainsScan');
      expect(operators).not.toContain('NodeByLabelScan');
    } finally {
      await driver.close();
    }
  });
});
