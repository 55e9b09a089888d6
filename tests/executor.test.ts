import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import {
  getIntrospectionQuery,
  parse,
  type GraphQLInterfaceType,
  type OperationDefinitionNode,
} from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeExamples } from '../scripts/support/readme-examples.js';
import { fuzzGenerators } from '../scripts/support/fuzz-run.js';
import type { FuzzRequest } from '../scripts/support/fuzz-documents.js';
import { buildGraphSchema } from '../src/schema/build-schema.js';
import { createApp, type App } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { compiledFieldCount } from '../src/server/executor.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { withSeed } from './support/stores.js';

/*
 * graphql-jit (GRAPHQL_EXECUTOR=jit, the default) against graphql-js: two servers over two copies of
 * the seed answer the same requests with the same status and the same bytes (correlation ids
 * aside): generated documents, broken ones, the README's queries, and requests picked for the
 * places where the executors differ (variables, errors, abstract types, directives, limits).
 */

interface Api {
  app: App;
  post(body: string): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

async function startApi(env: NodeJS.ProcessEnv): Promise<Api> {
  const store = await withSeed(new MemoryStore());
  const config = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0', ...env });
  const app = await createApp(store, config, pino({ level: 'silent' }));
  const server: Server = createServer(app.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    app,
    async post(body) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return { status: res.status, text: await res.text() };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.apollo.stop();
      await store.close();
    },
  };
}

/** A response without its correlation ids (a fresh UUID per request). */
const comparable = ({ status, text }: { status: number; text: string }) =>
  `${status} ${text.replace(/"correlationId":"[^"]*"/g, '"correlationId":"…"')}`;

interface Answer {
  data?: unknown;
  errors?: unknown[];
}

const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

/** Requests where graphql-jit works differently from graphql-js. */
const PICKED: [string, string][] = [
  ['a variable of the wrong type', body('query ($id: ID!) { entity(id: $id) { id } }', { id: 5.5 })],
  ['a missing required variable', body('query ($id: ID!) { entity(id: $id) { id } }', {})],
  [
    'a bad custom scalar variable',
    body('query ($d: Date) { entity(id: "china") { relationships(asOf: $d) { totalCount } } }', {
      d: '2025-13-45',
    }),
  ],
  [
    'a custom scalar variable',
    body(
      'query ($d: Date) { entity(id: "china") { relationships(asOf: $d, first: 2) { totalCount nodes { id validFrom } } } }',
      { d: '2025-11-10' },
    ),
  ],
  [
    'a domain error on one field beside data',
    body('{ ok: entity(id: "china") { name } bad: entities(first: -1) { totalCount } }'),
  ],
  ['an unknown id', body('{ entity(id: "no-such-thing") { id } }')],
  [
    'abstract types with __typename and fragments',
    body(
      '{ entities(first: 12) { nodes { __typename id ... on Country { iso2 } ...org } } } fragment org on Organization { category }',
    ),
  ],
  [
    '@skip and @include by variable',
    body(
      'query ($a: Boolean!, $b: Boolean!) { entity(id: "lynas") { id name @skip(if: $a) kind @include(if: $b) } }',
      { a: true, b: false },
    ),
  ],
  [
    'aliases over the same field',
    body('{ x: entity(id: "china") { n: name } y: entity(id: "japan") { n: name } }'),
  ],
  [
    'a named operation among several',
    JSON.stringify({
      query: 'query A { entity(id: "china") { id } } query B { entity(id: "japan") { name } }',
      operationName: 'B',
    }),
  ],
  [
    'relationships with citations',
    body(
      '{ entity(id: "china") { relationships(first: 3) { totalCount nodes { id type citations { quote source { id } } } } } }',
    ),
  ],
  ['introspection', body(getIntrospectionQuery())],
  [
    'a traversal',
    body(
      '{ paths(from: "scott-bessent", to: "xi-jinping", maxHops: 4, first: 3) { length nodes { id } hops { forward relationships { id type } } } }',
    ),
  ],
  [
    'a supply answer',
    body(
      '{ supplyAlternatives(material: "dysprosium", alliedWith: "united-states", excluding: ["china"]) { alternatives { supplier { id name } qualifiesThrough basis operators { id } relationship { id status capacity } siteCountry { id } alliancePath { id } } } }',
    ),
  ],
];

describe('graphql-jit answers exactly as graphql-js', () => {
  let js: Api;
  let jit: Api;
  beforeAll(async () => {
    js = await startApi({ GRAPHQL_EXECUTOR: 'graphql-js' });
    jit = await startApi({ GRAPHQL_JIT_AFTER: '0' });
  });
  afterAll(async () => {
    await js?.close();
    await jit?.close();
  });

  /**
   * Sends `bodies` to both servers, expects the same answers, and returns how many ran compiled.
   * One allowed difference: when a non-null field fails and the whole answer is null, graphql-js
   * reports only the errors raised before it gave up (which depends on which store call finished
   * first), graphql-jit every one; then the status and data are the same and graphql-jit's errors
   * include graphql-js's.
   */
  async function same(bodies: string[]): Promise<number> {
    const before = jit.app.executions!.compiled;
    for (const sent of bodies) {
      const [a, b] = [comparable(await jit.post(sent)), comparable(await js.post(sent))];
      if (a === b) continue;
      const [status, answer] = [a.slice(0, 4), JSON.parse(a.slice(4)) as Answer];
      const expected = JSON.parse(b.slice(4)) as Answer;
      expect({ status, data: answer.data }, sent).toEqual({ status: b.slice(0, 4), data: null });
      expect(expected.data, sent).toBeNull();
      expect(answer.errors, sent).toEqual(expect.arrayContaining(expected.errors ?? []));
    }
    return jit.app.executions!.compiled - before;
  }

  it.each(PICKED)('%s', async (_name, sent) => {
    const first = await same([sent]);
    // Compiled once it is valid and a query; the second time from the compiled cache.
    expect(await same([sent])).toBe(first);
  });

  it('the graphql-js server compiles nothing, and the jit server compiled the picked queries', () => {
    expect(js.app.executions).toBeUndefined();
    expect(jit.app.executions!.compiled).toBeGreaterThanOrEqual(10);
  });

  it("the README's queries", async () => {
    const { examples } = await readmeExamples();
    const queries = examples.map((e) => e.query).filter((q) => !/^\s*mutation\b/.test(q));
    expect(queries.length).toBeGreaterThanOrEqual(6);
    expect(await same(queries.map((q) => body(q)))).toBe(queries.length);
  });

  it('300 generated documents and 100 broken ones', { timeout: 120_000 }, async () => {
    const { documents } = await fuzzGenerators(await withSeed(new MemoryStore()));
    const requests: FuzzRequest[] = [
      ...fc.sample(documents.operation(), { seed: 11, numRuns: 300 }),
      ...fc.sample(documents.broken(), { seed: 12, numRuns: 100 }),
    ];
    const bodies = requests.map((r) =>
      r.kind === 'raw' ? r.body : JSON.stringify({ query: r.query, variables: r.variables }),
    );
    expect(await same(bodies)).toBeGreaterThan(150);
  });
});

describe('what is compiled', () => {
  it("names an entity's and a node's concrete type synchronously (type-graphql's resolvers return promises)", async () => {
    const schema = await buildGraphSchema();
    const resolve = (name: string, value: object) =>
      (schema.getType(name) as GraphQLInterfaceType).resolveType!(value, {}, {} as never, {} as never);
    expect(resolve('Entity', { kind: 'COUNTRY', id: 'china' })).toBe('Country');
    expect(resolve('Node', { kind: 'ORGANIZATION', id: 'lynas' })).toBe('Organization');
    expect(resolve('Node', { id: 'audit:1', changes: [] })).toBe('AuditEntry');
    expect(resolve('Node', { id: 'x:a:b', type: 'X' })).toBe('Relationship');
  });

  it('counts the fields graphql-jit generates code for: an abstract selection once per possible type', async () => {
    const schema = await buildGraphSchema();
    const count = (query: string) => {
      const document = parse(query);
      return compiledFieldCount(schema, document, document.definitions[0] as OperationDefinitionNode, 1e6);
    };
    const entityTypes = schema.getPossibleTypes(schema.getType('Entity') as never).length;
    expect(entityTypes).toBeGreaterThan(5);
    expect(count('{ entity(id: "x") { id } }')).toBe(1 + entityTypes);
    expect(count('{ entity(id: "x") { ... on Country { iso2 } } }')).toBe(2);
    // Nested abstract fields multiply: each level runs once per possible type of the level above.
    expect(count('{ entity(id: "x") { relationships { nodes { to { id } } } } }')).toBe(
      1 + entityTypes * (1 + 1 + 1 + entityTypes),
    );
  });

  it('runs a document too large to compile with graphql-js, and answers it the same', async () => {
    let inner = 'relationships(first: 2) { nodes { id type } }';
    for (let i = 0; i < 2; i++) inner = `relationships(first: 2) { nodes { to { ${inner} } } }`;
    const query = `{ ${Array.from({ length: 3 }, (_, i) => `a${i}: entity(id: "china") { ${inner} }`).join(' ')} }`;
    const js = await startApi({ GRAPHQL_EXECUTOR: 'graphql-js' });
    const jit = await startApi({ GRAPHQL_JIT_AFTER: '0' });
    try {
      const started = Date.now();
      const answer = await jit.post(body(query));
      expect(jit.app.executions).toEqual({ compiled: 0, interpreted: 1 });
      // Compiling it would take seconds (graphql-jit generates each level for every entity type).
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(comparable(answer)).toBe(comparable(await js.post(body(query))));
    } finally {
      await js.close();
      await jit.close();
    }
  });

  it('compiles a query only once graphql-js has run it GRAPHQL_JIT_AFTER times, and never a mutation', async () => {
    const api = await startApi({ GRAPHQL_JIT_AFTER: '2' });
    try {
      const query = body('{ entity(id: "china") { name } }');
      for (let i = 0; i < 4; i++) await api.post(query);
      expect(api.app.executions).toEqual({ compiled: 2, interpreted: 2 });
      await api.post(
        body(
          'mutation { retireRelationship(id: "nothing", validUntil: "2025-01-01", note: "x") { audit { sequence } } }',
        ),
      );
      expect(api.app.executions).toEqual({ compiled: 2, interpreted: 3 });
    } finally {
      await api.close();
    }
  });
});

describe('GRAPHQL_EXECUTOR', () => {
  it('is jit or graphql-js', () => {
    expect(loadConfig({}).executor).toEqual({ kind: 'jit', jitAfter: 1 });
    expect(() => loadConfig({ GRAPHQL_EXECUTOR: 'fast' })).toThrow(
      /GRAPHQL_EXECUTOR must be jit or graphql-js/,
    );
  });
});
