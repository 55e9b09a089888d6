import { afterAll, beforeAll, inject } from 'vitest';
import { resetForTests } from './neo4j-reset.js';
import { startTestServer, type TestServer } from '../../scripts/support/test-server.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { MemoryStore } from '../../src/store/memory/memory-store.js';
import { loadSeed } from '../../src/store/seed/seed-loader.js';

/** A way to get a fresh store holding exactly the seed: one per store the contract suite runs on. */
export interface StoreFixture {
  name: string;
  create(): Promise<GraphStore>;
}

/** Loads the seed into `store` (an embedded store, often a subclass with a planted fault) and returns it. */
export async function withSeed<T extends MemoryStore>(store: T): Promise<T> {
  const seed = await loadSeed();
  await store.loadSeed(seed.entities, seed.relationships);
  return store;
}

export const memoryFixture: StoreFixture = {
  name: 'embedded',
  async create() {
    const seed = await loadSeed();
    const store = new MemoryStore();
    await store.loadSeed(seed.entities, seed.relationships);
    return store;
  },
};

export const neo4jFixture: StoreFixture = {
  name: 'neo4j',
  async create() {
    const { createNeo4jStore } = await import('../../src/store/neo4j/index.js');
    const store = await createNeo4jStore({ uri: inject('neo4jUri') });
    await resetForTests(inject('neo4jUri'));
    const seed = await loadSeed();
    await store.loadSeed(seed.entities, seed.relationships);
    return store;
  },
};

/** Every store the contract suite must pass on. Neither is optional: a store that cannot start fails the run. */
export const STORE_FIXTURES: StoreFixture[] = [memoryFixture, neo4jFixture];

/**
 * Inside a describe block: a fresh store from `fixture` and the real HTTP server over it, for
 * the block's tests (configured by `env`); both closed afterwards. Read `ctx.store` and `ctx.api` inside tests.
 */
export function useApi(
  fixture: StoreFixture,
  env: NodeJS.ProcessEnv = {},
): { store: GraphStore; api: TestServer } {
  const ctx = {} as { store: GraphStore; api: TestServer };
  beforeAll(async () => {
    ctx.store = await fixture.create();
    ctx.api = await startTestServer(ctx.store, env);
  });
  afterAll(async () => {
    await ctx.api?.close();
    await ctx.store?.close();
  });
  return ctx;
}
