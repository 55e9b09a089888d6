import { readFile } from 'node:fs/promises';
import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraphSchema } from '../src/schema/build-schema.js';
import { loadConfig } from '../src/server/config.js';
import { variableShape } from '../src/server/cost-check.js';
import { operationCost, WHOLE_GRAPH_COST } from '../src/server/cost.js';
import { readmeExamples } from '../scripts/support/readme-examples.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphSchema();
});

/** The cost of the document's only (or named) operation with these variables. */
function cost(query: string, variables?: Record<string, unknown>, name?: string): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (name === undefined || d.name?.value === name),
  );
  return operationCost(schema, document, operation!, variables);
}

/** `levels` hops of relationships(first: <first>) → nodes → to below an entity, as in the report. */
function nested(levels: number, first: string): string {
  let inner = 'id name';
  for (let i = 0; i < levels; i++) inner = `relationships(first: ${first}) { nodes { to { ${inner} } } }`;
  return inner;
}
const aliases = (first: string) =>
  Array.from({ length: 15 }, (_, i) => `a${i}: entity(id: "china") { ${nested(3, first)} }`).join(' ');

describe('operation cost (field values the answer may hold)', () => {
  it('counts each field once per parent object, and a page by the size it will use', () => {
    expect(cost('{ entity(id: "china") { id name } }')).toBe(3);
    // entity 1 + relationships 1 + totalCount 1 + nodes 1 + 5 ids
    expect(cost('{ entity(id: "china") { relationships(first: 5) { totalCount nodes { id } } } }')).toBe(9);
    // without `first`, the page the resolver really uses: 20
    expect(cost('{ entity(id: "china") { relationships { totalCount nodes { id } } } }')).toBe(24);
    // a list without a page argument: its assumed size, 10
    expect(cost('{ entity(id: "quad") { ... on Alliance { members { id } } } }')).toBe(12);
    // paths: default 10 paths, each with at most 6 hops
    expect(cost('{ paths(from: "a", to: "b") { hops { forward } } }')).toBe(1 + 10 * (1 + 6));
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });

  it('gives the same cost whether `first` is a literal, a variable or a variable default', () => {
    const literal = cost('{ entity(id: "china") { relationships(first: 7) { nodes { id } } } }');
    expect(
      cost('query ($n: Int) { entity(id: "china") { relationships(first: $n) { nodes { id } } } }', { n: 7 }),
    ).toBe(literal);
    expect(
      cost('query ($n: Int = 7) { entity(id: "china") { relationships(first: $n) { nodes { id } } } }'),
    ).toBe(literal);
    expect(literal).toBe(1 + 1 + 1 + 7);
    expect(cost(`{ ${aliases('100')} }`)).toBe(cost(`query ($n: Int) { ${aliases('$n')} }`, { n: 100 }));
  });

  it('counts a page size it cannot know (a variable that does not coerce, or out of bounds) as the maximum, 100', () => {
    const query = 'query ($n: Int) { entity(id: "china") { relationships(first: $n) { nodes { id } } } }';
    expect(cost(query, { n: 'many' })).toBe(3 + 100);
    expect(cost(query, { n: 1_000_000 })).toBe(3 + 100);
    expect(cost(query, { n: null })).toBe(3 + 20);
  });

  it("refuses the issue's 15 aliases of three nested pages with {n: 100}, and they were counted as 1 before", () => {
    const hostile = cost(`query ($n: Int) { ${aliases('$n')} }`, { n: 100 });
    expect(hostile).toBeGreaterThan(loadConfig({}).limits.maxCost * 1000);
  });

  it('keeps every README example and explorer operation within MAX_COST and the default rate-limit burst', async () => {
    const config = loadConfig({});
    const ceiling = Math.min(config.limits.maxCost, config.rateLimit.burst);
    const { examples } = await readmeExamples();
    for (const example of examples) expect(cost(example.query)).toBeLessThanOrEqual(ceiling);
    const explorer = await readFile(new URL('../examples/explorer.graphql', import.meta.url), 'utf8');
    // The variables the explorer sends at their largest (depth 3, 500 nodes, 50 paths of 6 hops).
    const variables = {
      id: 'china',
      from: 'china',
      to: 'japan',
      text: 'dy',
      material: 'dysprosium',
      depth: 3,
      limit: 500,
      first: 100,
      maxHops: 6,
    };
    const names = parse(explorer).definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
    );
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names.filter((n) => n !== 'PathBetween'))
      expect(cost(explorer, variables, name)).toBeLessThanOrEqual(ceiling);
    // The explorer asks for 3 paths (its default).
    expect(cost(explorer, { ...variables, first: 3 }, 'PathBetween')).toBeLessThanOrEqual(ceiling);
  });
});

describe('the cost of stats (a whole-graph scan with a small answer)', () => {
  const STATS = `{ stats(asOf: "2026-11-29") { asOf entityCount relationshipCount undated entitiesByKind { kind count } relationshipsByType { type count } citationsBySource(first: 100) { sourceId name count } relationshipsByValidFrom { period month year count } writesByMonth { month count } } }`;

  it('adds the scan cost to its answer: one item per kind (13) and type (26), 100 periods and months, the page of sources', () => {
    expect(WHOLE_GRAPH_COST).toBe(5000);
    expect(cost('{ stats { entityCount } }')).toBe(1 + 5000 + 1);
    // stats 1 + 5000; 4 scalars; kinds 1 + 13 * 2; types 1 + 26 * 2; sources 1 + 100 * 3; periods 1 + 100 * 4; months 1 + 100 * 2
    expect(cost(STATS)).toBe(5001 + 4 + 27 + 53 + 301 + 401 + 201);
    expect(cost(STATS.replace('first: 100', 'first: 5'))).toBe(cost(STATS) - 95 * 3);
  });

  it('passes the default limits (within MAX_COST and the burst), and a request holds at most three scans', () => {
    const config = loadConfig({});
    expect(cost(STATS)).toBeLessThanOrEqual(Math.min(config.limits.maxCost, config.rateLimit.burst));
    const aliased = (n: number) =>
      cost(`{ ${Array.from({ length: n }, (_, i) => `s${i}: stats { entityCount }`).join(' ')} }`);
    expect(aliased(3)).toBeLessThanOrEqual(config.limits.maxCost);
    expect(aliased(4)).toBeGreaterThan(config.limits.maxCost);
  });
});

describe('variable shape', () => {
  it('measures 9,000 levels of nesting without recursion, and stops looking past the bound', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 9000; i++) deep = i % 2 ? [deep] : { a: deep };
    expect(variableShape({ v: deep }, 16)).toEqual({ longestList: 1, depth: 17 });
    expect(variableShape({ v: [[1, 2, 3], []] }, 16)).toEqual({ longestList: 3, depth: 3 });
  });
});
