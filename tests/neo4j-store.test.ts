import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ENTITY_KINDS, RELATION_TYPE_NAMES, SUPPLY_STAGES, type Direction, type RelationType } from '../src/domain/model.js';
import type { Entity } from '../src/domain/entity.js';
import { BadInputError, NotFoundError, TimeoutError, UnavailableError } from '../src/domain/errors.js';
import { relationshipId, type Relationship } from '../src/domain/relationship.js';
import type { Neighborhood } from '../src/domain/traversal.js';
import type { GraphStore, RelatedHop } from '../src/store/graph-store.js';
import { put } from './support/writes.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { createNeo4jStore, NotATestDatabaseError, resetForTests, type Neo4jStore } from '../src/store/neo4j/index.js';
import { toDomainError } from '../src/store/neo4j/neo4j-errors.js';
import { DEFAULT_SEED_DIR, loadSeed } from '../src/store/seed/seed-loader.js';
import { writeSeedFolder } from '../scripts/export-graph.js';

/*
 * The Neo4j adapter against a real server (the suite's: NEO4J_URI, or the one tests/global-setup.ts
 * starts; bolt://127.0.0.1:7687 when run without that set-up): every port
 * method must answer exactly as the embedded store does on the same data, for the seed and for
 * a small fixture built to hit the edge cases (partial dates, parallel edges, ties in names,
 * non-ASCII names, empty aliases, several citations, kinds without members). A server that
 * cannot be reached fails the run; nothing here is skipped.
 */

const URI = inject('neo4jUri') ?? process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';

const cite = (sourceId: string, extra: { quote?: string; locator?: string } = { locator: 'table 1' }) => ({ sourceId, ...extra });

function entity(id: string, kind: Entity['kind'], name: string, extra: Partial<Entity> = {}): Entity {
  return { id, kind, name, origin: 'SEED', ...extra };
}

function rel(type: RelationType, from: string, to: string, extra: Partial<Relationship> = {}): Relationship {
  const { citations = [cite('source-a')], ...props } = extra;
  return { id: relationshipId(type, from, to, props), type, from, to, citations, origin: 'SEED', ...props };
}

const FIXTURE_ENTITIES: Entity[] = [
  entity('source-a', 'SOURCE', 'Source A', { publisher: 'Reuters', date: '2025-10-30', url: 'https://example.org/a' }),
  entity('source-b', 'SOURCE', 'Source B', { ref: 'S4' }),
  entity('source-unused', 'SOURCE', 'Nobody Cites Me'),
  entity('china', 'COUNTRY', 'China', { aliases: ['PRC', "People's Republic of China"], iso2: 'CN' }),
  entity('united-states', 'COUNTRY', 'United States', { aliases: ['US', 'USA', 'America'], iso2: 'US' }),
  entity('australia', 'COUNTRY', 'Australia', { iso2: 'AU', aliases: [] }),
  entity('malaysia', 'COUNTRY', 'Malaysia', { iso2: 'MY' }),
  entity('world', 'COUNTRY', 'World'),
  entity('allied-coordination', 'ALLIANCE', 'Allied Supply Coordination'),
  entity('lynas', 'ORGANIZATION', 'Lynas', { aliases: ['Lynas Rare Earths'], category: 'company' }),
  entity('mp-materials', 'ORGANIZATION', 'MP Materials', { category: 'company' }),
  entity('lynas-malaysia', 'FACILITY', 'Lynas Malaysia', { status: 'OPERATING' }),
  entity('mountain-pass', 'FACILITY', 'Mountain Pass', { status: 'RAMPING' }),
  entity('dysprosium', 'MATERIAL', 'Dysprosium', { symbol: 'Dy', atomicNumber: 66, reeClass: 'HEAVY', iupacClass: 'lanthanide' }),
  entity('rare-earth-elements', 'MATERIAL', 'Rare earth elements', { aliases: ['REE', 'rare earths'] }),
  entity('magnets', 'APPLICATION', 'Permanent magnets'),
  entity('scott-bessent', 'PERSON', 'Scott Bessent', { aliases: ['Bessent'] }),
  entity('john-smith-2', 'PERSON', 'John Smith'),
  entity('john-smith-1', 'PERSON', 'John Smith'),
  entity('emile', 'PERSON', 'Émile Zoë', { aliases: ['ÉMILE'] }),
  entity('zeta', 'PERSON', 'Zeta'),
  entity('lower', 'PERSON', 'adam lower-case'),
  entity('export-control-61', 'MEASURE', 'Export control No. 61', {
    measureType: 'EXPORT_CONTROL',
    number: 'No. 61',
    date: '2025-10-09',
    validFrom: '2025-12',
    validUntil: '2026-Q4',
  }),
  entity('suspension-70', 'MEASURE', 'Suspension No. 70', { measureType: 'SUSPENSION', number: 'No. 70', date: '2025-11' }),
  entity('bessent-says', 'STATEMENT', 'Bessent on supply', { text: 'We are ready to use every tool.', date: '2025-10-12' }),
  entity('other-says', 'STATEMENT', 'A rebuttal', { text: 'They are not ready.' }),
];

const FIXTURE_RELATIONSHIPS: Relationship[] = [
  rel('PRODUCES', 'china', 'rare-earth-elements', { stage: 'MINING', year: 2024, volume: 270000, unit: 't', share: 69.2, citations: [cite('source-b')] }),
  rel('PRODUCES', 'china', 'rare-earth-elements', { stage: 'PROCESSING', share: 90, qualifier: 'nearly', confidence: 'CONFIRMED' }),
  rel('PRODUCES', 'united-states', 'rare-earth-elements', { stage: 'MINING', year: 2024, volume: 45000, unit: 't' }),
  rel('PRODUCES', 'world', 'rare-earth-elements', { stage: 'MINING', year: 2024, volume: 390000, unit: 't' }),
  rel('PRODUCES', 'lynas-malaysia', 'dysprosium', { stage: 'SEPARATION', capacity: 1500.5, unit: 't', status: 'RAMPING', validFrom: '2025-H1' }),
  rel('PRODUCES', 'mountain-pass', 'dysprosium', { stage: 'SEPARATION', status: 'PLANNED', validFrom: '2027' }),
  rel('PRODUCES', 'mp-materials', 'rare-earth-elements', { stage: 'MINING', year: 2024, basis: 'GROUP' }),
  rel('OPERATES', 'lynas', 'lynas-malaysia'),
  rel('OPERATES', 'mp-materials', 'mountain-pass'),
  rel('LOCATED_IN', 'lynas', 'australia'),
  rel('LOCATED_IN', 'lynas-malaysia', 'malaysia'),
  rel('LOCATED_IN', 'mountain-pass', 'united-states'),
  rel('LOCATED_IN', 'mp-materials', 'united-states'),
  rel('MEMBER_OF', 'australia', 'allied-coordination', { validFrom: '2025-10' }),
  rel('MEMBER_OF', 'united-states', 'allied-coordination', { validFrom: '2025-10-20', validUntil: '2026' }),
  rel('ISSUED', 'china', 'export-control-61', { citations: [cite('source-a', { quote: 'China announced' }), cite('source-b', { quote: 'controls', locator: 'p. 2' })] }),
  rel('APPLIES_TO', 'export-control-61', 'dysprosium'),
  rel('SUSPENDS', 'suspension-70', 'export-control-61', { validFrom: '2025-11-10', validUntil: '2026-11-10' }),
  rel('HOLDS_OFFICE', 'scott-bessent', 'united-states', { title: 'Treasury Secretary', validFrom: '2025-01-28' }),
  rel('PART_OF', 'dysprosium', 'rare-earth-elements'),
  rel('USED_IN', 'dysprosium', 'magnets', { validFrom: '2025-13', note: 'malformed date: holds always' }),
  rel('SAID', 'scott-bessent', 'bessent-says', { citations: [cite('source-a', { quote: 'ready to use' })] }),
  rel('CONTRADICTS', 'other-says', 'bessent-says', { disputed: true, confidence: 'DERIVED' }),
  rel('CLAIMS', 'source-a', 'bessent-says'),
  rel('DEPENDS_ON', 'united-states', 'china', { validUntil: '2025-12-31' }),
];

const AS_OF = [undefined, '2024-12-31', '2025-01-28', '2025-10-19', '2025-10-20', '2025-11-30', '2025-12-01', '2026-06-30', '2026-12-31', '2027-01-01'];
const TYPE_FILTERS: (RelationType[] | undefined)[] = [undefined, [], ['PRODUCES'], ['LOCATED_IN', 'OPERATES'], ['MEMBER_OF', 'SUSPENDS', 'HOLDS_OFFICE']];
const DIRECTIONS: Direction[] = ['OUT', 'IN', 'BOTH'];
const MISSING = ['no-such-entity', ''];

let store: Neo4jStore;
let connecting: Promise<Neo4jStore> | undefined;

/**
 * Connects once. Set-up runs inside the tests (not in hooks), so an unreachable server fails
 * every test with the connection error instead of skipping them.
 */
async function connected(): Promise<void> {
  store = await (connecting ??= createNeo4jStore({ uri: URI }));
}

/** Runs `f` once; later calls share its outcome (a failure fails each caller). */
function once(f: () => Promise<void>): () => Promise<void> {
  let started: Promise<void> | undefined;
  return () => (started ??= f());
}

afterAll(async () => {
  const opened = await connecting?.catch(() => undefined);
  await opened?.close();
});

/** A fresh Neo4j store and a memory store holding the same records. */
async function loadBoth(entities: Entity[], relationships: Relationship[]): Promise<MemoryStore> {
  await connected();
  await resetForTests(store);
  const memory = new MemoryStore();
  const [a, b] = [await memory.loadSeed(entities, relationships), await store.loadSeed(entities, relationships)];
  expect(b).toStrictEqual(a);
  return memory;
}

/** Asserts both stores answer `call` identically (order, fields, absent optional fields). */
async function same<T>(memory: GraphStore, call: (s: GraphStore) => Promise<T>): Promise<T> {
  const expected = await call(memory);
  expect(await call(store)).toStrictEqual(expected);
  return expected;
}

/** About `n` items spread evenly over `items`. */
function spread<T>(items: T[], n: number): T[] {
  const step = Math.max(1, Math.floor(items.length / n));
  return items.filter((_, i) => i % step === 0);
}

/** Search texts: fixed ones plus a mid-word slice of every name and alias. */
function searchTexts(entities: Entity[]): string[] {
  const fixed = ['', 'a', 'CH', 'china', 'rare', 'EARTH', 'é', 'ÉMILE', "'s", ' ', 'no such thing', 'smith', 'prc', 'usa', 'ss'];
  const slices = [...new Set(entities.flatMap((e) => [e.name, ...(e.aliases ?? [])]).map((t) => t.slice(1, Math.min(t.length, 5))))];
  const step = Math.max(1, Math.ceil(slices.length / 60));
  return [...new Set([...fixed, ...slices.filter((_, i) => i % step === 0)])];
}

/** The whole port, compared on data loaded into both stores. */
function paritySuite(name: string, data: () => Promise<{ entities: Entity[]; relationships: Relationship[] }>) {
  describe(`parity with the embedded store: ${name}`, () => {
    let memory: MemoryStore;
    let entities: Entity[];
    let relationships: Relationship[];

    const ready = once(async () => {
      ({ entities, relationships } = await data());
      memory = await loadBoth(entities, relationships);
    });
    const test = (title: string, body: () => Promise<void>) => it(title, async () => (await ready(), await body()));

    test('getEntities and getRelationships: every id, unknown ids and repeats, in the order asked', async () => {
      const ids = [...entities.map((e) => e.id), ...MISSING, entities[0]?.id ?? 'x'];
      await same(memory, (s) => s.getEntities(ids));
      await same(memory, (s) => s.getRelationships([...relationships.map((r) => r.id), ...MISSING]));
      await same(memory, (s) => s.getEntities([]));
    });

    test('listEntities: every kind, pages, and searches', async () => {
      for (const kind of [undefined, ...ENTITY_KINDS]) {
        for (const [offset, limit] of [[0, 1000], [0, 3], [2, 5], [7, 1], [10_000, 5], [0, 0]] as const) {
          await same(memory, (s) => s.listEntities({ ...(kind && { kind }), offset, limit }));
        }
      }
      for (const search of searchTexts(entities)) {
        await same(memory, (s) => s.listEntities({ search, offset: 0, limit: 50 }));
        await same(memory, (s) => s.listEntities({ search, kind: 'PERSON', offset: 1, limit: 2 }));
        // A cursor may carry any safe integer; Cypher's list indexes are 32-bit (found by the fuzz).
        await same(memory, (s) => s.listEntities({ search, offset: 3_000_000_000, limit: 5 }));
      }
    });

    test('searchCandidates: case-insensitive substrings of names and aliases, mid-word included', async () => {
      for (const text of searchTexts(entities)) {
        await same(memory, (s) => s.searchCandidates(text, 100));
        await same(memory, (s) => s.searchCandidates(text, 2));
      }
    });

    for (const direction of DIRECTIONS) {
      test(`relationshipsOf ${direction}: each type filter and asOf (partial dates), batched over every id`, async () => {
        const ids = [...entities.map((e) => e.id), ...MISSING, entities[0]?.id ?? 'x'];
        for (const types of TYPE_FILTERS) {
          for (const asOf of AS_OF) {
            await same(memory, (s) => s.relationshipsOf(ids, { direction, ...(types && { types }), ...(asOf && { asOf }) }));
          }
        }
        await same(memory, (s) => s.relationshipsOf(ids.slice(0, 3), { direction, asOf: '2025-11-15' }));
      });
    }

    test('relationshipsCiting: every source, unknown ids and repeats', async () => {
      const sources = entities.filter((e) => e.kind === 'SOURCE').map((e) => e.id);
      await same(memory, (s) => s.relationshipsCiting([...sources, ...MISSING, ...sources.slice(0, 1)]));
    });

    test('relatedEntities and relatedTrees: every type both ways, nested and repeated hops, unknown ids and repeats', async () => {
      const ids = [...entities.map((e) => e.id), ...MISSING, entities[0]?.id ?? 'x'];
      for (const type of RELATION_TYPE_NAMES) {
        for (const direction of ['OUT', 'IN'] as const) await same(memory, (s) => s.relatedEntities(ids, { types: [type], direction }));
      }
      const hop = (type: RelationType, direction: 'OUT' | 'IN', ...next: RelatedHop[]): RelatedHop => ({ type, direction, next });
      const trees: RelatedHop[][] = [
        [hop('OPERATES', 'OUT', hop('LOCATED_IN', 'OUT'), hop('OPERATES', 'IN'))],
        [hop('PRODUCES', 'IN', hop('LOCATED_IN', 'OUT', hop('MEMBER_OF', 'OUT', hop('MEMBER_OF', 'IN')))), hop('PART_OF', 'OUT')],
        [hop('PARTY_TO', 'IN'), hop('PART_OF', 'IN', hop('COMMITTED_TO', 'IN'))],
        RELATION_TYPE_NAMES.slice(0, 8).map((type) => hop(type, 'OUT')),
      ];
      for (const hops of trees) {
        const answer = await same(memory, (s) => s.relatedTrees(ids, hops));
        expect(answer.filter((t) => t !== null)).toHaveLength(entities.length + 1);
      }
      const reached = await same(memory, (s) => s.relatedTrees(ids, trees[0]!));
      expect(reached.some((t) => (t?.ends[0]?.length ?? 0) > 0)).toBe(true);
    });

    test('shortestPaths over a spread of pairs, hops and type filters', async () => {
      const sample = spread(entities.map((e) => e.id), 12);
      for (const from of sample) {
        for (const to of [...sample, 'no-such-entity']) {
          await same(memory, (s) => s.shortestPaths(from, to, { maxHops: 4, limit: 50 }));
        }
        await same(memory, (s) => s.shortestPaths(from, sample[sample.length - 1]!, { maxHops: 2, limit: 3, types: ['PRODUCES', 'LOCATED_IN', 'OPERATES'] }));
      }
    });

    test('shortestPaths cut by limit between ends joined by many shortest paths (parallel ones too)', async () => {
      // The pairs with 2 to 999 shortest paths (fewer than PATH_ENUMERATION_CAP: both stores then give the first in comparePaths order).
      const sample = spread(entities.map((e) => e.id), 40);
      const many: [string, string, number][] = [];
      for (const from of sample) {
        for (const to of sample) {
          const { paths } = await memory.shortestPaths(from, to, { maxHops: 4, limit: 1000 });
          if (paths.length >= 2 && paths.length < 1000) many.push([from, to, paths.length]);
        }
      }
      expect(many.length).toBeGreaterThan(0);
      for (const [from, to, count] of spread(many, 15)) {
        for (const limit of new Set([1, 2, count - 1, count])) await same(memory, (s) => s.shortestPaths(from, to, { maxHops: 4, limit }));
      }
    });

    test('neighborhood over a spread of centres, depths, limits and type filters', async () => {
      for (const from of spread(entities.map((e) => e.id), 16)) {
        for (const depth of [1, 2, 3]) {
          await same(memory, (s) => s.neighborhood(from, { depth, limit: 500 }));
          await same(memory, (s) => s.neighborhood(from, { depth, limit: 4 }));
          await same(memory, (s) => s.neighborhood(from, { depth, limit: 50, types: ['PRODUCES', 'MEMBER_OF'] }));
        }
      }
      await same(memory, (s) => s.neighborhood('no-such-entity', { depth: 1, limit: 5 }));
    });

    test('supplyRows: every material, with and without a stage', async () => {
      const materials = entities.filter((e) => e.kind === 'MATERIAL').map((e) => e.id);
      await same(memory, (s) => s.supplyRows([...materials, 'no-such-entity', ...materials]));
      for (const stage of SUPPLY_STAGES) await same(memory, (s) => s.supplyRows(materials, stage));
    });

    test('exportAll and stats', async () => {
      await same(memory, (s) => s.exportAll());
      const stats = await same(memory, (s) => s.stats());
      expect(stats).toStrictEqual({ entities: entities.length, relationships: relationships.length });
    });

    test('a second load changes nothing: all unchanged, same counts, same stored nodes', async () => {
      const before = await rawCounts();
      const report = await store.loadSeed(entities, relationships);
      expect(report).toStrictEqual({ created: 0, updated: 0, unchanged: entities.length + relationships.length, skipped: 0 });
      expect(report).toStrictEqual(await memory.loadSeed(entities, relationships));
      expect(await rawCounts()).toStrictEqual(before);
    });
  });
}

/** Every node and relationship in the database, Citation nodes included. */
async function rawCounts(): Promise<{ nodes: number; relationships: number }> {
  return store.gatewayForTests.read(async (tx) => {
    const [row] = await tx.rows('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships');
    return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
  });
}

paritySuite('the seed (seed/*.yaml)', () => loadSeed());
paritySuite('the edge-case fixture', () => Promise.resolve({ entities: FIXTURE_ENTITIES, relationships: FIXTURE_RELATIONSHIPS }));

describe('writes', () => {
  let memory: MemoryStore;
  const ready = once(async () => {
    memory = await loadBoth(FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS);
  });
  const test = (title: string, body: () => Promise<void>) => it(title, async () => (await ready(), await body()));

  test('applyWrite is all or nothing: a batch with one missing end writes nothing, on both stores', async () => {
    const before = await rawCounts();
    const batch = {
      entities: [entity('new-org', 'ORGANIZATION', 'New Org')],
      relationships: [rel('LOCATED_IN', 'new-org', 'australia'), rel('OPERATES', 'new-org', 'no-such-facility')],
    };
    for (const s of [memory, store] as GraphStore[]) {
      const error = await s.applyWrite(put(batch)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toBe('No entity with id "no-such-facility"');
    }
    expect(await store.getEntities(['new-org'])).toStrictEqual([null]);
    expect(await rawCounts()).toStrictEqual(before);
    await same(memory, (s) => s.exportAll());
  });

  test('applyWrite refuses to move a relationship to other ends (BAD_USER_INPUT), on both stores', async () => {
    const moved = { ...FIXTURE_RELATIONSHIPS[7]!, to: 'mountain-pass' };
    for (const s of [memory, store] as GraphStore[]) {
      await expect(s.applyWrite(put({ entities: [], relationships: [moved] }))).rejects.toBeInstanceOf(BadInputError);
    }
    await same(memory, (s) => s.exportAll());
  });

  test('applyWrite may change the type of a relationship kept under its id, on both stores', async () => {
    const retyped: Relationship = { ...FIXTURE_RELATIONSHIPS[12]!, type: 'INVESTED_IN', citations: [cite('source-unused', { quote: 'moved' })] };
    for (const s of [memory, store] as GraphStore[]) await s.applyWrite(put({ entities: [], relationships: [retyped] }));
    await same(memory, (s) => s.getRelationships([retyped.id]));
    await same(memory, (s) => s.relationshipsOf(['mp-materials'], { direction: 'OUT', types: ['INVESTED_IN', 'LOCATED_IN'] }));
    await same(memory, (s) => s.relationshipsCiting(['source-a', 'source-unused']));
    await same(memory, (s) => s.stats());
  });

  test('applyWrite upserts as API-owned records; the seed then skips them and updates what it owns', async () => {
    const batch = {
      entities: [entity('new-org', 'ORGANIZATION', 'Néw Org', { aliases: ['NO'] }), { ...FIXTURE_ENTITIES[3]!, name: 'China (edited)' }, entity('zeta', 'COUNTRY', 'Zeta Land')],
      relationships: [
        rel('LOCATED_IN', 'new-org', 'australia', { citations: [cite('source-b', { quote: 'q' })] }),
        { ...FIXTURE_RELATIONSHIPS[1]!, share: 91, citations: [cite('source-unused')] },
      ],
    };
    for (const s of [memory, store] as GraphStore[]) await s.applyWrite(put(batch));
    await same(memory, (s) => s.exportAll());
    await same(memory, (s) => s.listEntities({ kind: 'COUNTRY', offset: 0, limit: 100 }));
    await same(memory, (s) => s.listEntities({ kind: 'PERSON', offset: 0, limit: 100 }));
    await same(memory, (s) => s.searchCandidates('edited', 10));
    await same(memory, (s) => s.relationshipsCiting(['source-a', 'source-b', 'source-unused']));

    const reseed = [{ ...FIXTURE_ENTITIES[4]!, name: 'USA (seed edit)' }, ...FIXTURE_ENTITIES];
    const report = await same(memory, (s) => s.loadSeed(reseed.slice(0, 1), FIXTURE_RELATIONSHIPS));
    expect(report).toStrictEqual({ created: 0, updated: 1, unchanged: FIXTURE_RELATIONSHIPS.length - 2, skipped: 2 });
    const full = await same(memory, (s) => s.loadSeed(FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS));
    expect(full.skipped).toBe(4);
    await same(memory, (s) => s.exportAll());
    await same(memory, (s) => s.stats());
  });
});

describe('neighbourhood: cut, type filter, retraction', () => {
  let memory: MemoryStore;
  const ready = once(async () => {
    memory = await loadBoth(FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS);
  });
  const test = (title: string, body: () => Promise<void>) => it(title, async () => (await ready(), await body()));
  const drawn = (hood: Neighborhood | null) => ({
    nodes: hood?.nodes.map((n) => `${n.distance} ${n.entity.id}`),
    relationships: hood?.relationships.map((r) => r.id),
    truncated: hood?.truncated,
  });

  test('limit keeps the first nodes by (distance, id), flags the cut, and keeps only the relationships among them', async () => {
    const cut = await same(memory, (s) => s.neighborhood('united-states', { depth: 2, limit: 4 }));
    expect(drawn(cut)).toStrictEqual({
      nodes: ['0 united-states', '1 allied-coordination', '1 china', '1 mountain-pass'],
      relationships: ['depends-on:united-states:china', 'located-in:mountain-pass:united-states', 'member-of:united-states:allied-coordination'],
      truncated: true,
    });
    // Exactly as many nodes as reached is no cut; one fewer is.
    const whole = await same(memory, (s) => s.neighborhood('united-states', { depth: 1, limit: 7 }));
    expect([whole?.nodes.length, whole?.truncated]).toStrictEqual([7, false]);
    const oneShort = await same(memory, (s) => s.neighborhood('united-states', { depth: 1, limit: 6 }));
    expect([oneShort?.nodes.length, oneShort?.truncated]).toStrictEqual([6, true]);
    const centreOnly = await same(memory, (s) => s.neighborhood('united-states', { depth: 3, limit: 1 }));
    expect(drawn(centreOnly)).toStrictEqual({ nodes: ['0 united-states'], relationships: [], truncated: true });
  });

  test('types: only relationships of the given types are walked and returned', async () => {
    const hood = await same(memory, (s) => s.neighborhood('united-states', { depth: 3, limit: 50, types: ['LOCATED_IN', 'OPERATES'] }));
    expect(drawn(hood)).toStrictEqual({
      nodes: ['0 united-states', '1 mountain-pass', '1 mp-materials'],
      relationships: ['located-in:mountain-pass:united-states', 'located-in:mp-materials:united-states', 'operates:mp-materials:mountain-pass'],
      truncated: false,
    });
  });

  test('a retracted relationship is neither walked nor returned', async () => {
    const dependsOn = FIXTURE_RELATIONSHIPS.find((r) => r.id === 'depends-on:united-states:china')!;
    for (const s of [memory, store] as GraphStore[]) {
      await s.applyWrite(put({ entities: [], relationships: [{ ...dependsOn, retractedAt: '2026-01-01T00:00:00.000Z' }] }));
    }
    const hood = await same(memory, (s) => s.neighborhood('china', { depth: 2, limit: 50 }));
    expect(hood?.nodes.map((n) => `${n.distance} ${n.entity.id}`)).toContain('2 united-states');
    expect(hood?.relationships.map((r) => r.id)).not.toContain(dependsOn.id);
    const paths = await same(memory, (s) => s.shortestPaths('united-states', 'china', { maxHops: 4, limit: 50 }));
    expect(paths.paths.map((p) => p.map((r) => r.id))).toStrictEqual([
      ['produces:united-states:rare-earth-elements:mining:2024', 'produces:china:rare-earth-elements:mining:2024'],
      ['produces:united-states:rare-earth-elements:mining:2024', 'produces:china:rare-earth-elements:processing'],
    ]);
  });
});

describe('availability and errors', () => {
  it('an unreachable server fails creation fast, with one error naming the URI', async () => {
    const started = Date.now();
    const error = await createNeo4jStore({ uri: 'bolt://127.0.0.1:1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toBe('Cannot connect to Neo4j at bolt://127.0.0.1:1: no server answered (connection refused or timed out)');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a malformed URI is refused before connecting', async () => {
    await expect(createNeo4jStore({ uri: 'http://127.0.0.1:7474' })).rejects.toBeInstanceOf(BadInputError);
  });

  it('driver errors map to domain errors without the driver text', () => {
    const down = toDomainError(new Neo4jError('connect ECONNREFUSED 127.0.0.1:7687', neo4j.error.SERVICE_UNAVAILABLE, '08000', 'connection exception'));
    expect(down).toBeInstanceOf(UnavailableError);
    expect((down as Error).message).not.toMatch(/ECONNREFUSED/);
    const slow = toDomainError(new Neo4jError('MATCH (n) ... timed out', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '25N05', 'timed out'));
    expect(slow).toBeInstanceOf(TimeoutError);
    expect((slow as Error).message).not.toMatch(/MATCH/);
    const bug = new Error('a bug');
    expect(toDomainError(bug)).toBe(bug);
    const syntax = toDomainError(new Neo4jError('Invalid input: MATCH (n', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax'));
    expect(syntax).not.toBeInstanceOf(Neo4jError);
    expect((syntax as Error).message).toBe('Unexpected Neo4j error (Neo.ClientError.Statement.SyntaxError)');
  });

  it('ping answers true while the server is up', async () => {
    await connected();
    expect(await store.ping()).toBe(true);
  });

  it('resetForTests refuses a database without the test marker', async () => {
    await connected();
    await store.gatewayForTests.write((tx) => tx.rows('MATCH (m:RareEarthsGraphTestMarker) DELETE m'));
    await store.applyWrite(put({ entities: [entity('someone-elses', 'PERSON', 'Not Ours')], relationships: [] }));
    await expect(resetForTests(store)).rejects.toBeInstanceOf(NotATestDatabaseError);
    expect(await store.getEntities(['someone-elses'])).not.toStrictEqual([null]);
    await store.gatewayForTests.write((tx) => tx.rows("CREATE (:RareEarthsGraphTestMarker {createdBy: 'tests/neo4j-store.test.ts'})"));
    await resetForTests(store);
    expect(await store.stats()).toStrictEqual({ entities: 0, relationships: 0 });
  });

  it('only allow-listed relationship types reach Cypher', async () => {
    await connected();
    const bad = 'HOLDS_OFFICE]->() DETACH DELETE n //' as RelationType;
    await expect(store.relationshipsOf(['china'], { direction: 'OUT', types: [bad] })).rejects.toBeInstanceOf(BadInputError);
    expect(RELATION_TYPE_NAMES.length).toBeGreaterThan(0);
  });
});

describe('export in seed format', () => {
  it('round-trips the seed: export, then read the export as a seed folder, gives the seed back', async () => {
    const seed = await loadSeed();
    await loadBoth(seed.entities, seed.relationships);
    const dir = await mkdtemp(path.join(tmpdir(), 'rare-earths-export-'));
    try {
      await writeSeedFolder(await store.exportAll(), dir, DEFAULT_SEED_DIR);
      const back = await loadSeed(dir);
      const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(byId(back.entities)).toStrictEqual(byId(seed.entities));
      expect(byId(back.relationships)).toStrictEqual(byId(seed.relationships));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('marks API-owned records with a comment and quotes dates', async () => {
    await loadBoth(FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS);
    await store.applyWrite(put({ entities: [{ ...FIXTURE_ENTITIES[3]!, name: 'China (edited)' }], relationships: [] }));
    const dir = await mkdtemp(path.join(tmpdir(), 'rare-earths-export-'));
    try {
      await writeSeedFolder(await store.exportAll(), dir, DEFAULT_SEED_DIR);
      const countries = await readFile(path.join(dir, 'country.yaml'), 'utf8');
      expect(countries).toContain('# origin: API (edited through the API; the seed never overwrites it)\n  - id: china\n');
      expect(countries).toContain('validFrom: "2025-10-20"');
      expect(countries).toContain('aliases: [ US, USA, America ]');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** A TCP relay in front of the real server, to take the database "down" and bring it back. */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let mode: 'pass' | 'hang' = 'pass';
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (mode === 'hang') return;
    const upstream = net.connect(Number(target.port || 7687), target.hostname);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const cut = () => sockets.forEach((s) => s.destroy());
  return {
    uri: `bolt://127.0.0.1:${port}`,
    /** Refuse connections (server down). */
    down: () => new Promise<void>((resolve) => (cut(), server.close(() => resolve()))),
    /** Listen again, answering (`pass`) or accepting and never answering (`hang`). */
    up: (next: 'pass' | 'hang') => ((mode = next), cut(), new Promise<void>((resolve) => (server.listening ? resolve() : server.listen(port, '127.0.0.1', resolve)))),
    close: () => new Promise<void>((resolve) => (cut(), server.listening ? server.close(() => resolve()) : resolve())),
  };
}

describe('outages', () => {
  it('fails within seconds while the database is down or hangs, and resumes by itself when it is back', async () => {
    const proxy = await relay(new URL(URI.replace(/^[a-z+]+:/, 'http:')));
    const through = await createNeo4jStore({ uri: proxy.uri });
    const timed = async (call: () => Promise<unknown>) => {
      const started = Date.now();
      const outcome = await call().then(() => 'ok', (e: unknown) => e);
      return { outcome, ms: Date.now() - started };
    };
    try {
      expect((await timed(() => through.stats())).outcome).toBe('ok');
      await proxy.down();
      const refused = await timed(() => through.getEntities(['china']));
      expect(refused.outcome).toBeInstanceOf(UnavailableError);
      expect(refused.ms).toBeLessThan(6_000);
      expect(await through.ping()).toBe(false);
      await proxy.up('hang');
      const hung = await timed(() => through.listEntities({ offset: 0, limit: 5 }));
      expect(hung.outcome).toBeInstanceOf(UnavailableError);
      expect(hung.ms).toBeLessThan(10_000);
      await proxy.up('pass');
      expect((await timed(() => through.stats())).outcome).toBe('ok');
      expect(await through.ping()).toBe(true);
      console.info(`outage: refused -> ${refused.ms} ms, hanging -> ${hung.ms} ms`);
    } finally {
      await through.close();
      await proxy.close();
    }
  }, 40_000);
});
