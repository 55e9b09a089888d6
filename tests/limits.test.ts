import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../src/domain/entity.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { expectRefused } from './support/refusal.js';
import { withSeed } from './support/stores.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';

/** The seed in a real embedded store that counts entity reads: a refused operation must read nothing. */
class CountingStore extends MemoryStore {
  reads = 0;
  override getEntities(ids: readonly string[]): Promise<(Entity | null)[]> {
    this.reads++;
    return super.getEntities(ids);
  }
}

const seeded = () => withSeed(new CountingStore());

/** `levels` hops of relationships → nodes → to, below entity(id: "china"): depth 1 + 3 × levels + 1. */
function nested(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `relationships(first: 1) { nodes { to { ${inner} } } }`;
  return inner;
}
const DEPTH_11 = `entity(id: "china") { ${nested(3)} }`;
const DEPTH_10 = `entity(id: "china") { relationships(first: 1) { nodes { to { relationships(first: 1) { nodes { to { relationships(first: 1) { nodes { id } } } } } } } } }`;

describe('operation limits (defaults)', () => {
  let api: TestServer;
  let store: CountingStore;
  beforeAll(async () => {
    store = await seeded();
    api = await startTestServer(store);
  });
  afterAll(() => api.close());

  it('accept an operation at the depth limit (10)', async () => {
    const res = await api.gql(`{ ${DEPTH_10} }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.entity).toBeTruthy();
  });

  it.each([
    ['a plain deep query', `{ ${DEPTH_11} }`],
    ['an operation named __schema', `query __schema { ${DEPTH_11} }`],
    ['a fragment named __schema', `query { ...__schema } fragment __schema on Query { ${DEPTH_11} }`],
    ['an alias named __schema', `{ __schema: ${DEPTH_11} }`],
    ['an inline fragment beside __typename', `{ __typename ... on Query { __typename ${DEPTH_11} } }`],
    [
      'a chain of fragments',
      `{ entity(id: "china") { ...A } }
       fragment A on Entity { relationships(first: 1) { nodes { to { ...B } } } }
       fragment B on Entity { relationships(first: 1) { nodes { to { ...C } } } }
       fragment C on Entity { relationships(first: 1) { nodes { to { id } } } }`,
    ],
  ])('refuse %s that is too deep, before any resolver runs', async (_what, query) => {
    const before = store.reads;
    expectRefused(await api.gql(query), 'QUERY_TOO_DEEP', /^Query depth limit of 10 exceeded, found 1\d\.$/);
    expect(store.reads).toBe(before);
  });

  it('refuse an operation whose cost is too high (first: 100 under first: 100)', async () => {
    const res = await api.gql(
      `{ entities(first: 100) { nodes { relationships(first: 100) { nodes { to { id name } } } } } }`,
    );
    // entities 1 + nodes 1 + 100 × (relationships 1 + nodes 1 + 100 × (to 1 + id 1 + name 1))
    expectRefused(res, 'QUERY_TOO_COMPLEX', /^Query cost limit of 20000 exceeded, found 30202\.$/);
  });

  it('refuse the same operation when its page sizes come from variables, before any resolver runs', async () => {
    const before = store.reads;
    const res = await api.gql(
      `query ($a: Int, $b: Int) { entities(first: $a) { nodes { relationships(first: $b) { nodes { to { id name } } } } } }`,
      { a: 100, b: 100 },
    );
    expectRefused(res, 'QUERY_TOO_COMPLEX', /^Query cost limit of 20000 exceeded, found 30202\.$/);
    expect(store.reads).toBe(before);
  });

  it('refuse an alias flood, __typename aliases included (armor allows those by default)', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ');
    expectRefused(
      await api.gql(`{ ${aliases} }`),
      'TOO_MANY_ALIASES',
      /^Aliases limit of 15 exceeded, found 16\.$/,
    );
  });

  it('refuse a directive flood', async () => {
    const fields = Array.from({ length: 11 }, () => '__typename @include(if: true)').join(' ');
    expectRefused(
      await api.gql(`{ ${fields} }`),
      'TOO_MANY_DIRECTIVES',
      /^Directives limit of 10 exceeded, found 11\.$/,
    );
  });

  it('refuse a token flood while parsing', async () => {
    expectRefused(
      await api.gql(`{ ${'__typename '.repeat(2000)}}`),
      'TOO_MANY_TOKENS',
      /^Token limit of 2000 exceeded\.$/,
    );
  });

  it('refuse a literal list longer than 100 items, and a list variable too', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `c${i}`);
    const literal = await api.gql(
      `{ supplyRisk(material: "dysprosium", stage: SEPARATION, excluding: ${JSON.stringify(ids)}) { hhi } }`,
    );
    expectRefused(literal, 'LIST_TOO_LONG', /^A list argument holds 101 items; at most 100 are accepted\.$/);
    const variable = await api.gql(
      `query ($ex: [ID!]!) { supplyRisk(material: "dysprosium", stage: SEPARATION, excluding: $ex) { hhi } }`,
      { ex: ids },
    );
    expectRefused(variable, 'LIST_TOO_LONG', /^A list variable holds 101 items; at most 100 are accepted\.$/);
    const fine = await api.gql(
      `query ($ex: [ID!]!) { supplyRisk(material: "dysprosium", stage: SEPARATION, excluding: $ex) { hhi } }`,
      { ex: Array.from({ length: 100 }, () => 'china') },
    );
    expect(fine.body.errors).toBeUndefined();
    expect(fine.status).toBe(200);
    expect(fine.body.data?.supplyRisk.hhi).toBeGreaterThan(0);
  });

  it('allow real introspection outside production (its __schema field is not counted)', async () => {
    const res = await api.gql(
      `{ __schema { queryType { name fields { name type { kind ofType { kind ofType { kind ofType { name } } } } } } } }`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('operation limits (configured)', () => {
  it('follow MAX_DEPTH, MAX_ALIASES and MAX_TOKENS', async () => {
    const api = await startTestServer(await seeded(), {
      MAX_DEPTH: '11',
      MAX_ALIASES: '0',
      MAX_TOKENS: '100',
    });
    try {
      expect((await api.gql(`{ ${DEPTH_11} }`)).status).toBe(200);
      expectRefused(
        await api.gql(`{ a: __typename }`),
        'TOO_MANY_ALIASES',
        /^Aliases limit of 0 exceeded, found 1\.$/,
      );
      expectRefused(
        await api.gql(`{ ${'__typename '.repeat(100)}}`),
        'TOO_MANY_TOKENS',
        /^Token limit of 100 exceeded\.$/,
      );
    } finally {
      await api.close();
    }
  });

  it('refuse a body above BODY_LIMIT_BYTES with 413 PAYLOAD_TOO_LARGE, GraphQL-shaped', async () => {
    const api = await startTestServer(await seeded(), { BODY_LIMIT_BYTES: '2000' });
    try {
      const res = await api.gql(`{ search(text: "${'x'.repeat(2000)}") { nodes { id } } }`);
      expect(res.status).toBe(413);
      expect(res.body).toEqual({
        errors: [
          {
            message: 'The request body is larger than 2000 bytes.',
            extensions: { code: 'PAYLOAD_TOO_LARGE', correlationId: res.headers.get('x-request-id') },
          },
        ],
      });
    } finally {
      await api.close();
    }
  });
});
