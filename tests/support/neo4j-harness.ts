import { afterAll, expect, inject } from 'vitest';
import type { Entity } from '../../src/domain/entity.js';
import type { Relationship } from '../../src/domain/relationship.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { MemoryStore } from '../../src/store/memory/memory-store.js';
import { createNeo4jStore, type Neo4jStore } from '../../src/store/neo4j/index.js';
import { resetForTests, runCypher } from './neo4j-reset.js';

/*
 * The Neo4j adapter against a real server (the suite's: NEO4J_URI, or the one tests/global-setup.ts
 * starts; bolt://127.0.0.1:7687 when run without that set-up), compared with the embedded store
 * on the same records. A server that cannot be reached fails the run; nothing is skipped.
 */

/** The test database's Bolt URI. */
export const NEO4J_URI = inject('neo4jUri') ?? process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';

/** One Neo4j store per test file, opened on first use, and helpers comparing it with the embedded store. */
export interface Neo4jHarness {
  /** The store (after {@link Neo4jHarness.connected}). */
  readonly store: Neo4jStore;
  /**
   * Connects once. Set-up runs inside the tests (not in hooks), so an unreachable server fails
   * every test with the connection error instead of skipping them.
   */
  connected(): Promise<void>;
  /** A reset Neo4j store and a memory store holding the same records (both loads must report the same). */
  loadBoth(entities: Entity[], relationships: Relationship[]): Promise<MemoryStore>;
  /** Asserts both stores answer `call` identically (order, fields, absent optional fields) and returns the answer. */
  same<T>(memory: GraphStore, call: (s: GraphStore) => Promise<T>): Promise<T>;
}

/** Inside a test file: its harness; the store is closed after the file's tests. */
export function useNeo4jHarness(): Neo4jHarness {
  let store: Neo4jStore | undefined;
  let connecting: Promise<Neo4jStore> | undefined;
  afterAll(async () => {
    const opened = await connecting?.catch(() => undefined);
    await opened?.close();
  });
  const harness: Neo4jHarness = {
    get store() {
      if (!store) throw new Error('call connected() first');
      return store;
    },
    async connected() {
      store = await (connecting ??= createNeo4jStore({ uri: NEO4J_URI }));
    },
    async loadBoth(entities, relationships) {
      await harness.connected();
      await resetForTests(NEO4J_URI);
      const memory = new MemoryStore();
      const [a, b] = [
        await memory.loadSeed(entities, relationships),
        await harness.store.loadSeed(entities, relationships),
      ];
      expect(b).toStrictEqual(a);
      return memory;
    },
    async same(memory, call) {
      const expected = await call(memory);
      expect(await call(harness.store)).toStrictEqual(expected);
      return expected;
    },
  };
  return harness;
}

/** Runs `f` once; later calls share its outcome (a failure fails each caller). */
export function once(f: () => Promise<void>): () => Promise<void> {
  let started: Promise<void> | undefined;
  return () => (started ??= f());
}

/** Every node and relationship in the database, Citation nodes included. */
export async function rawCounts(): Promise<{ nodes: number; relationships: number }> {
  const [row] = await runCypher(
    NEO4J_URI,
    'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships',
  );
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}
