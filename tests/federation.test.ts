import { readFile } from 'node:fs/promises';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, printSchema, type DefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Entity } from '../src/domain/entity.js';
import type { Relationship } from '../src/domain/relationship.js';
import { buildGraphSchema } from '../src/schema/build-schema.js';
import type { GraphStore } from '../src/store/graph-store.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { resetForTests } from './support/neo4j-reset.js';
import { expectRefused } from './support/refusal.js';
import { withSeed } from './support/stores.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';

/*
 * The API as an Apollo Federation 2 subgraph (FEDERATION_ENABLED=true): composed with a second
 * subgraph defined here (a price list keyed by material id, served by @apollo/subgraph and Apollo
 * Server on loopback) by @apollo/composition, and queried across both through @apollo/gateway.
 */

const FEDERATED = { FEDERATION_ENABLED: 'true', NODE_ENV: 'production' };

/** The second subgraph: prices by material id (figures made up for the test, USD per kg). */
const PRICES: Record<string, number> = { dysprosium: 850, terbium: 3900, neodymium: 110 };
const PRICING_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
  type Material @key(fields: "id") {
    id: ID!
    "Price in USD per kg."
    price: Float
  }
  type Query {
    "Materials with a price, in price order."
    pricedMaterials: [Material!]!
  }
`;

async function startPricing(): Promise<{ url: string; stop: () => Promise<void> }> {
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(PRICING_SDL),
      resolvers: {
        Query: {
          pricedMaterials: () =>
            Object.entries(PRICES)
              .sort(([, a], [, b]) => a - b)
              .map(([id]) => ({ id })),
        },
        Material: {
          __resolveReference: ({ id }: { id: string }) => ({ id }),
          price: ({ id }: { id: string }) => PRICES[id] ?? null,
        },
      },
    },
  ]);
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

/** A store and how many round trips it has made: statements sent to Neo4j, or reads of the embedded store. */
interface CountedStore {
  store: GraphStore;
  trips(): number;
}

/** The seed in a real embedded store that counts its reads by id. */
class CountingStore extends MemoryStore {
  reads = 0;
  override getEntities(ids: readonly string[]): Promise<(Entity | null)[]> {
    this.reads++;
    return super.getEntities(ids);
  }
  override getRelationships(ids: readonly string[]): Promise<(Relationship | null)[]> {
    this.reads++;
    return super.getRelationships(ids);
  }
}

const STORES: { name: string; create(): Promise<CountedStore> }[] = [
  {
    name: 'embedded',
    async create() {
      const store = await withSeed(new CountingStore());
      return { store, trips: () => store.reads };
    },
  },
  {
    name: 'neo4j',
    async create() {
      const { createNeo4jStore } = await import('../src/store/neo4j/index.js');
      let statements = 0;
      const store = await createNeo4jStore({ uri: inject('neo4jUri') }, { onQuery: () => statements++ });
      await resetForTests(inject('neo4jUri'));
      const seed = await loadSeed();
      await store.loadSeed(seed.entities, seed.relationships);
      return { store, trips: () => statements };
    },
  },
];

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Material { id name symbol atomicNumber }
    ... on Country { id name iso2 }
    ... on Relationship { id type from { name } to { name } }
  }
}`;

const OFFICE = 'holds-office:scott-bessent:us-treasury:treasury-secretary';

function materials(ids: readonly string[]) {
  return ids.map((id) => ({ __typename: 'Material', id }));
}

/** The type names and their field names a document defines (federation's own types and directives left out). */
function typesAndFields(sdl: string): Record<string, string[]> {
  const own = (d: DefinitionNode) =>
    'name' in d && d.name !== undefined && !/^(_|link__|federation__)/.test(d.name.value);
  return Object.fromEntries(
    parse(sdl)
      .definitions.filter((d) => own(d) && d.kind !== Kind.DIRECTIVE_DEFINITION)
      .map((d) => {
        const fields = 'fields' in d ? (d.fields ?? []) : 'values' in d ? (d.values ?? []) : [];
        const names = fields.map((f) => f.name.value).filter((n) => !n.startsWith('_'));
        return [(d as { name: { value: string } }).name.value, names.sort()];
      }),
  );
}

describe.each(STORES)('the API as a federation subgraph on the $name store', (fixture) => {
  let counted: CountedStore;
  let api: TestServer;
  let pricing: { url: string; stop: () => Promise<void> };
  let gateway: { url: string; stop: () => Promise<void> };
  let sdl: string;

  beforeAll(async () => {
    counted = await fixture.create();
    api = await startTestServer(counted.store, FEDERATED);
    pricing = await startPricing();
    sdl = (await api.data<{ _service: { sdl: string } }>('{ _service { sdl } }'))._service.sdl;
    const composed = composeServices([
      { name: 'rare-earths', typeDefs: parse(sdl), url: `${api.url}/graphql` },
      { name: 'pricing', typeDefs: parse(PRICING_SDL), url: pricing.url },
    ]);
    expect(composed.errors?.map((e) => e.message) ?? []).toEqual([]);
    const server = new ApolloServer({
      gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl! }),
    });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    gateway = { url, stop: () => server.stop() };
  });
  afterAll(async () => {
    await gateway?.stop();
    await pricing?.stop();
    await api?.close();
    await counted?.store.close();
  });

  async function viaGateway(query: string): Promise<{ data?: any; errors?: unknown[] }> {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as { data?: any; errors?: unknown[] };
  }

  it('answers _service { sdl } with introspection off, and the SDL keys every entity type and Relationship by id', async () => {
    const introspection = await api.gql('{ __schema { queryType { name } } }');
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Apollo's inline tracing is off: a router asking for ftv1 traces gets the answer alone.
    const traced = await api.gql('{ _service { sdl } }', undefined, {
      headers: { 'apollo-federation-include-trace': 'ftv1' },
    });
    expect(traced.status).toBe(200);
    expect(Object.keys(traced.body)).toEqual(['data']);

    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])');
    const keyed = [...sdl.matchAll(/^type (\w+) implements [^\n]*\n\s*@key\(fields: "id"\)/gm)].map(
      (m) => m[1],
    );
    expect(keyed.sort()).toEqual(
      [
        'Agreement',
        'Alliance',
        'Application',
        'Commitment',
        'Country',
        'Event',
        'Facility',
        'Material',
        'Measure',
        'Organization',
        'Person',
        'Relationship',
        'Source',
        'Statement',
      ].sort(),
    );
    // The same types and fields as the published schema: the subgraph adds only federation's own.
    expect(typesAndFields(sdl)).toEqual(typesAndFields(await readFile('schema/schema.graphql', 'utf8')));
  });

  it('answers a gateway query from our subgraph to the pricing subgraph', async () => {
    const res = await viaGateway(
      '{ entity(id: "dysprosium") { id name ... on Material { symbol atomicNumber price } } }',
    );
    expect(res).toEqual({
      data: { entity: { id: 'dysprosium', name: 'Dysprosium', symbol: 'Dy', atomicNumber: 66, price: 850 } },
    });
  });

  it('answers a gateway query from the pricing subgraph to ours (our _entities, batched)', async () => {
    const before = counted.trips();
    const res = await viaGateway(
      '{ pricedMaterials { id price name ... on Material { symbol reeClass producers { to { id } } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.pricedMaterials.map((m: any) => [m.id, m.price, m.name, m.symbol, m.reeClass])).toEqual([
      ['neodymium', 110, 'Neodymium', 'Nd', 'LIGHT'],
      ['dysprosium', 850, 'Dysprosium', 'Dy', 'HEAVY'],
      ['terbium', 3900, 'Terbium', 'Tb', 'HEAVY'],
    ]);
    expect(res.data.pricedMaterials.every((m: any) => Array.isArray(m.producers))).toBe(true);
    // One _entities call for the three materials: their entities in one read, their producers in one more.
    expect(counted.trips() - before).toBeLessThanOrEqual(2);
  });

  it('resolves entities and relationships by id, null for an unknown id or a type the id is not', async () => {
    const res = await api.gql(ENTITIES, {
      representations: [
        { __typename: 'Material', id: 'dysprosium' },
        { __typename: 'Country', id: 'china' },
        { __typename: 'Relationship', id: OFFICE },
        { __typename: 'Material', id: 'no-such-material' },
        { __typename: 'Material', id: 'china' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        _entities: [
          { __typename: 'Material', id: 'dysprosium', name: 'Dysprosium', symbol: 'Dy', atomicNumber: 66 },
          { __typename: 'Country', id: 'china', name: 'China', iso2: 'CN' },
          {
            __typename: 'Relationship',
            id: OFFICE,
            type: 'HOLDS_OFFICE',
            from: { name: 'Scott Bessent' },
            to: { name: 'U.S. Department of the Treasury' },
          },
          null,
          null,
        ],
      },
    });
  });

  it('makes the same bounded number of store round trips for 1 representation as for every material and relationship asked', async () => {
    const all = (
      await api.data('{ entities(kind: MATERIAL, first: 100) { nodes { id } } }')
    ).entities.nodes.map((n: { id: string }) => n.id) as string[];
    expect(all.length).toBeGreaterThanOrEqual(17);

    const measure = async (representations: unknown[]) => {
      const before = counted.trips();
      const res = await api.gql(ENTITIES, { representations });
      expect(res.body.errors).toBeUndefined();
      return {
        trips: counted.trips() - before,
        found: res.body.data._entities.filter(Boolean).length,
      };
    };
    const one = await measure(materials(['dysprosium']));
    const many = await measure(materials(all));
    expect(one).toEqual({ trips: 1, found: 1 });
    expect(many).toEqual({ trips: 1, found: all.length });
    // Entities and relationships together: one read of each, and one for the relationships' ends.
    const rels = (
      await api.data('{ entity(id: "china") { relationships(first: 40) { nodes { id } } } }')
    ).entity.relationships.nodes.map((n: { id: string }) => ({ __typename: 'Relationship', id: n.id }));
    expect(rels.length).toBeGreaterThanOrEqual(20);
    const fewMixed = await measure([{ __typename: 'Country', id: 'china' }, rels[0]]);
    const mixed = await measure([...materials(all), { __typename: 'Country', id: 'china' }, ...rels]);
    expect(fewMixed).toEqual({ trips: 3, found: 2 });
    expect(mixed).toEqual({ trips: 3, found: all.length + 1 + rels.length });
  });
});

describe('federation limits and switches (embedded store)', () => {
  let store: CountingStore;
  const servers: TestServer[] = [];
  const start = async (env: NodeJS.ProcessEnv) => {
    const api = await startTestServer(store, env);
    servers.push(api);
    return api;
  };
  beforeAll(async () => {
    store = await withSeed(new CountingStore());
  });
  afterAll(async () => {
    for (const api of servers) await api.close();
  });

  it('has no _service or _entities when FEDERATION_ENABLED is off, and the schema stays the published one', async () => {
    const api = await start({});
    for (const query of ['{ _service { sdl } }', '{ _entities(representations: []) { __typename } }']) {
      const res = await api.gql(query);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    // Built in this process beside the subgraph schema, the plain schema is still byte for byte the file.
    await start(FEDERATED);
    expect(`${printSchema(await buildGraphSchema())}\n`).toBe(
      await readFile('schema/schema.graphql', 'utf8'),
    );
  });

  it('refuses more representations than FEDERATION_MAX_REPRESENTATIONS before anything runs', async () => {
    const api = await start({ ...FEDERATED, FEDERATION_MAX_REPRESENTATIONS: '5' });
    const before = store.reads;
    const six = await api.gql(ENTITIES, { representations: materials(Array(6).fill('dysprosium')) });
    expectRefused(six, 'TOO_MANY_REPRESENTATIONS', /asks _entities for 6 representations; at most 5/);
    // Two aliased _entities fields count together.
    const split = await api.gql(
      `query ($a: [_Any!]!, $b: [_Any!]!) { a: _entities(representations: $a) { __typename } b: _entities(representations: $b) { __typename } }`,
      { a: materials(['dysprosium', 'terbium', 'neodymium']), b: materials(['cerium', 'erbium', 'holmium']) },
    );
    expectRefused(split, 'TOO_MANY_REPRESENTATIONS', /for 6 representations/);
    expect(store.reads).toBe(before);
    const five = await api.gql(ENTITIES, { representations: materials(Array(5).fill('terbium')) });
    expect(five.status).toBe(200);
    expect(five.body.data._entities.map((e: any) => e.symbol)).toEqual(['Tb', 'Tb', 'Tb', 'Tb', 'Tb']);
  });

  it('bounds representations by the default of 100, and by that cap rather than MAX_LIST_LENGTH', async () => {
    const byDefault = await start(FEDERATED);
    expectRefused(
      await byDefault.gql(ENTITIES, { representations: materials(Array(101).fill('dysprosium')) }),
      'TOO_MANY_REPRESENTATIONS',
      /101 representations; at most 100 are accepted \(FEDERATION_MAX_REPRESENTATIONS\)/,
    );
    const raised = await start({ ...FEDERATED, FEDERATION_MAX_REPRESENTATIONS: '150' });
    const ok = await raised.gql(ENTITIES, { representations: materials(Array(120).fill('dysprosium')) });
    expect(ok.status).toBe(200);
    expect(ok.body.data._entities).toHaveLength(120);
    // Lists inside a representation are still bounded by MAX_LIST_LENGTH (100).
    const inner = await raised.gql(ENTITIES, {
      representations: [{ __typename: 'Material', id: 'dysprosium', extra: Array(101).fill(1) }],
    });
    expectRefused(inner, 'LIST_TOO_LONG', /101 items/);
  });

  it('prices _entities by its representations (MAX_COST) and bounds its depth (MAX_DEPTH)', async () => {
    const api = await start({ ...FEDERATED, MAX_COST: '100', MAX_DEPTH: '4' });
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Material { name symbol } } }`;
    // 1 for the field, then 2 fields per representation.
    expectRefused(
      await api.gql(query, { r: materials(Array(50).fill('dysprosium')) }),
      'QUERY_TOO_COMPLEX',
      /cost limit of 100 exceeded, found 101/,
    );
    const cheap = await api.gql(query, { r: materials(Array(49).fill('dysprosium')) });
    expect(cheap.status).toBe(200);
    const deep = await api.gql(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Material { relationships { nodes { to { name } } } } } }`,
      { r: materials(['dysprosium']) },
    );
    expectRefused(deep, 'QUERY_TOO_DEEP', /depth limit of 4 exceeded/);
  });

  it('refuses a representation that names no keyed type or carries no string id (BAD_USER_INPUT)', async () => {
    const api = await start(FEDERATED);
    for (const [ref, field] of [
      [{ __typename: 'PageInfo', id: 'x' }, 'representations[1]'],
      [{ __typename: 'Material', id: 66 }, 'representations[1]'],
      [{ __typename: 'NoSuchType', id: 'dysprosium' }, 'representations[1]'],
    ] as const) {
      const res = await api.gql(ENTITIES, {
        representations: [{ __typename: 'Material', id: 'terbium' }, ref],
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toBeNull();
      expect(res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', field],
      ]);
    }
  });
});
