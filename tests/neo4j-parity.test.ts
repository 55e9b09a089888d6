import { describe, expect, it } from 'vitest';
import type { Entity } from '../src/domain/entity.js';
import { ENTITY_KINDS, RELATION_TYPE_NAMES, SUPPLY_STAGES, type RelationType } from '../src/domain/model.js';
import type { Relationship } from '../src/domain/relationship.js';
import type { EntityKey, Seek } from '../src/domain/pagination.js';
import { entityKey } from '../src/domain/text-keys.js';
import type { RelatedHop } from '../src/store/graph-store.js';
import type { MemoryStore } from '../src/store/memory/memory-store.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import {
  AS_OF,
  DIRECTIONS,
  FIXTURE_ENTITIES,
  FIXTURE_RELATIONSHIPS,
  MISSING,
  TYPE_FILTERS,
} from './support/neo4j-fixture.js';
import { once, rawCounts, useNeo4jHarness } from './support/neo4j-harness.js';

/*
 * Parity: every port method of the Neo4j adapter must answer exactly as the embedded store does on
 * the same data, for the seed and for the edge-case fixture (tests/support/neo4j-fixture.ts).
 */

const h = useNeo4jHarness();

/** About `n` items spread evenly over `items`. */
function spread<T>(items: T[], n: number): T[] {
  const step = Math.max(1, Math.floor(items.length / n));
  return items.filter((_, i) => i % step === 0);
}

/** Search texts: fixed ones plus a mid-word slice of every name and alias. */
function searchTexts(entities: Entity[]): string[] {
  const fixed = [
    '',
    'a',
    'CH',
    'china',
    'rare',
    'EARTH',
    'é',
    'ÉMILE',
    "'s",
    ' ',
    'no such thing',
    'smith',
    'prc',
    'usa',
    'ss',
  ];
  const slices = [
    ...new Set(
      entities.flatMap((e) => [e.name, ...(e.aliases ?? [])]).map((t) => t.slice(1, Math.min(t.length, 5))),
    ),
  ];
  const step = Math.max(1, Math.ceil(slices.length / 60));
  return [...new Set([...fixed, ...slices.filter((_, i) => i % step === 0)])];
}

/** The whole port, compared on data loaded into both stores. */
function paritySuite(
  name: string,
  data: () => Promise<{ entities: Entity[]; relationships: Relationship[] }>,
) {
  describe(`parity with the embedded store: ${name}`, () => {
    let memory: MemoryStore;
    let entities: Entity[];
    let relationships: Relationship[];

    const ready = once(async () => {
      ({ entities, relationships } = await data());
      memory = await h.loadBoth(entities, relationships);
    });
    const test = (title: string, body: () => Promise<void>) =>
      it(title, async () => (await ready(), await body()));

    test('getEntities and getRelationships: every id, unknown ids and repeats, in the order asked', async () => {
      const ids = [...entities.map((e) => e.id), ...MISSING, entities[0]?.id ?? 'x'];
      await h.same(memory, (s) => s.getEntities(ids));
      await h.same(memory, (s) => s.getRelationships([...relationships.map((r) => r.id), ...MISSING]));
      await h.same(memory, (s) => s.getEntities([]));
    });

    test('listEntities: every kind, seek pages both ways, and searches', async () => {
      const mid = entityKey(entities[Math.floor(entities.length / 2)] ?? { id: 'x', name: 'x' });
      const bounds: Seek<EntityKey>[] = [
        { limit: 1000, backward: false },
        { limit: 3, backward: false },
        { limit: 5, backward: false, after: mid },
        { limit: 5, backward: true },
        { limit: 4, backward: true, before: mid },
        { limit: 7, backward: false, after: { sortKey: 'c', id: '' }, before: { sortKey: 'm', id: 'zzz' } },
        { limit: 1, backward: false, after: { sortKey: '\uffff', id: '' } },
      ];
      for (const kind of [undefined, ...ENTITY_KINDS]) {
        for (const seek of bounds)
          await h.same(memory, (s) => s.listEntities({ ...(kind && { kind }), seek }));
      }
      for (const search of searchTexts(entities)) {
        // Two bounds per text (forward from the start, backward from the end) keep the seed's run short.
        for (const seek of [bounds[1], bounds[3]])
          if (seek) await h.same(memory, (s) => s.listEntities({ search, seek }));
        await h.same(memory, (s) =>
          s.listEntities({ search, kind: 'PERSON', seek: { limit: 2, backward: false, after: mid } }),
        );
      }
    });

    test('searchCandidates: case-insensitive substrings of names and aliases, mid-word included', async () => {
      for (const text of searchTexts(entities)) {
        await h.same(memory, (s) => s.searchCandidates(text, 100));
        await h.same(memory, (s) => s.searchCandidates(text, 2));
      }
    });

    for (const direction of DIRECTIONS) {
      test(`relationshipsOf ${direction}: each type filter and asOf (partial dates), batched over every id`, async () => {
        const ids = [...entities.map((e) => e.id), ...MISSING, entities[0]?.id ?? 'x'];
        for (const types of TYPE_FILTERS) {
          for (const asOf of AS_OF) {
            await h.same(memory, (s) =>
              s.relationshipsOf(ids, { direction, ...(types && { types }), ...(asOf && { asOf }) }),
            );
          }
        }
        await h.same(memory, (s) => s.relationshipsOf(ids.slice(0, 3), { direction, asOf: '2025-11-15' }));
      });
    }

    test('relationshipsCiting: every source, unknown ids and repeats', async () => {
      const sources = entities.filter((e) => e.kind === 'SOURCE').map((e) => e.id);
      await h.same(memory, (s) => s.relationshipsCiting([...sources, ...MISSING, ...sources.slice(0, 1)]));
    });

    test('relatedEntities and relatedTrees: every type both ways, nested and repeated hops, unknown ids and repeats', async () => {
      const ids = [...entities.map((e) => e.id), ...MISSING, entities[0]?.id ?? 'x'];
      for (const type of RELATION_TYPE_NAMES) {
        for (const direction of ['OUT', 'IN'] as const)
          await h.same(memory, (s) => s.relatedEntities(ids, { types: [type], direction }));
      }
      const hop = (type: RelationType, direction: 'OUT' | 'IN', ...next: RelatedHop[]): RelatedHop => ({
        type,
        direction,
        next,
      });
      const trees: RelatedHop[][] = [
        [hop('OPERATES', 'OUT', hop('LOCATED_IN', 'OUT'), hop('OPERATES', 'IN'))],
        [
          hop('PRODUCES', 'IN', hop('LOCATED_IN', 'OUT', hop('MEMBER_OF', 'OUT', hop('MEMBER_OF', 'IN')))),
          hop('PART_OF', 'OUT'),
        ],
        [hop('PARTY_TO', 'IN'), hop('PART_OF', 'IN', hop('COMMITTED_TO', 'IN'))],
        RELATION_TYPE_NAMES.slice(0, 8).map((type) => hop(type, 'OUT')),
      ];
      for (const hops of trees) {
        const answer = await h.same(memory, (s) => s.relatedTrees(ids, hops));
        expect(answer.filter((t) => t !== null)).toHaveLength(entities.length + 1);
      }
      const reached = await h.same(memory, (s) => s.relatedTrees(ids, trees[0]!));
      expect(reached.some((t) => (t?.ends[0]?.length ?? 0) > 0)).toBe(true);
    });

    test('shortestPaths over a spread of pairs, hops and type filters', async () => {
      const sample = spread(
        entities.map((e) => e.id),
        12,
      );
      for (const from of sample) {
        for (const to of [...sample, 'no-such-entity']) {
          await h.same(memory, (s) => s.shortestPaths(from, to, { maxHops: 4, limit: 50 }));
        }
        await h.same(memory, (s) =>
          s.shortestPaths(from, sample[sample.length - 1]!, {
            maxHops: 2,
            limit: 3,
            types: ['PRODUCES', 'LOCATED_IN', 'OPERATES'],
          }),
        );
      }
    });

    test('shortestPaths cut by limit between ends joined by many shortest paths (parallel ones too)', async () => {
      // The pairs with 2 to 999 shortest paths (fewer than PATH_ENUMERATION_CAP: both stores then give the first in comparePaths order).
      const sample = spread(
        entities.map((e) => e.id),
        40,
      );
      const many: [string, string, number][] = [];
      for (const from of sample) {
        for (const to of sample) {
          const { paths } = await memory.shortestPaths(from, to, { maxHops: 4, limit: 1000 });
          if (paths.length >= 2 && paths.length < 1000) many.push([from, to, paths.length]);
        }
      }
      expect(many.length).toBeGreaterThan(0);
      for (const [from, to, count] of spread(many, 15)) {
        for (const limit of new Set([1, 2, count - 1, count]))
          await h.same(memory, (s) => s.shortestPaths(from, to, { maxHops: 4, limit }));
      }
    });

    test('neighborhood over a spread of centres, depths, limits and type filters', async () => {
      for (const from of spread(
        entities.map((e) => e.id),
        16,
      )) {
        for (const depth of [1, 2, 3]) {
          await h.same(memory, (s) => s.neighborhood(from, { depth, limit: 500 }));
          await h.same(memory, (s) => s.neighborhood(from, { depth, limit: 4 }));
          await h.same(memory, (s) =>
            s.neighborhood(from, { depth, limit: 50, types: ['PRODUCES', 'MEMBER_OF'] }),
          );
        }
      }
      await h.same(memory, (s) => s.neighborhood('no-such-entity', { depth: 1, limit: 5 }));
    });

    test('supplyContext: every material, with and without a stage, with and without countries asked', async () => {
      const materials = entities.filter((e) => e.kind === 'MATERIAL').map((e) => e.id);
      const countries = entities.filter((e) => e.kind === 'COUNTRY').map((e) => e.id);
      await h.same(memory, (s) =>
        s.supplyContext([...materials, 'no-such-entity', ...materials], undefined, []),
      );
      await h.same(memory, (s) => s.supplyContext(materials, undefined, [...countries, 'no-such-entity']));
      await h.same(memory, (s) => s.supplyContext(materials, undefined, null));
      await h.same(memory, (s) => s.supplyContext(materials, 'MINING', null));
      for (const stage of SUPPLY_STAGES)
        await h.same(memory, (s) => s.supplyContext(materials, stage, countries.slice(0, 3)));
      for (const material of materials.slice(0, 12))
        await h.same(memory, (s) => s.supplyContext([material], undefined, countries.slice(-2)));
    });

    test('exportAll and stats', async () => {
      await h.same(memory, (s) => s.exportAll());
      const stats = await h.same(memory, (s) => s.stats());
      expect(stats).toStrictEqual({ entities: entities.length, relationships: relationships.length });
    });

    test('a second load changes nothing: all unchanged, same counts, same stored nodes', async () => {
      const before = await rawCounts();
      const report = await h.store.loadSeed(entities, relationships);
      expect(report).toStrictEqual({
        created: 0,
        updated: 0,
        unchanged: entities.length + relationships.length,
        skipped: 0,
      });
      expect(report).toStrictEqual(await memory.loadSeed(entities, relationships));
      expect(await rawCounts()).toStrictEqual(before);
    });
  });
}

paritySuite('the seed (seed/*.yaml)', () => loadSeed());
paritySuite('the edge-case fixture', () =>
  Promise.resolve({ entities: FIXTURE_ENTITIES, relationships: FIXTURE_RELATIONSHIPS }),
);
