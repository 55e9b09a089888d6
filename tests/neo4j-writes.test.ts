import { describe, expect, it } from 'vitest';
import { BadInputError, NotFoundError } from '../src/domain/errors.js';
import type { Relationship } from '../src/domain/relationship.js';
import type { GraphStore } from '../src/store/graph-store.js';
import type { MemoryStore } from '../src/store/memory/memory-store.js';
import { cite, entity, FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS, rel } from './support/neo4j-fixture.js';
import { once, rawCounts, useNeo4jHarness } from './support/neo4j-harness.js';
import { put } from './support/writes.js';

/* Writes on the Neo4j adapter: the same outcome as on the embedded store, all or nothing. */

const h = useNeo4jHarness();

describe('writes', () => {
  let memory: MemoryStore;
  const ready = once(async () => {
    memory = await h.loadBoth(FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS);
  });
  const test = (title: string, body: () => Promise<void>) =>
    it(title, async () => (await ready(), await body()));

  test('applyWrite is all or nothing: a batch with one missing end writes nothing, on both stores', async () => {
    const before = await rawCounts();
    const batch = {
      entities: [entity('new-org', 'ORGANIZATION', 'New Org')],
      relationships: [
        rel('LOCATED_IN', 'new-org', 'australia'),
        rel('OPERATES', 'new-org', 'no-such-facility'),
      ],
    };
    for (const s of [memory, h.store] as GraphStore[]) {
      const error = await s.applyWrite(put(batch)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toBe('No entity with id "no-such-facility"');
    }
    expect(await h.store.getEntities(['new-org'])).toStrictEqual([null]);
    expect(await rawCounts()).toStrictEqual(before);
    await h.same(memory, (s) => s.exportAll());
  });

  test('applyWrite refuses to move a relationship to other ends (BAD_USER_INPUT), on both stores', async () => {
    const moved = { ...FIXTURE_RELATIONSHIPS[7]!, to: 'mountain-pass' };
    for (const s of [memory, h.store] as GraphStore[]) {
      await expect(s.applyWrite(put({ entities: [], relationships: [moved] }))).rejects.toBeInstanceOf(
        BadInputError,
      );
    }
    await h.same(memory, (s) => s.exportAll());
  });

  test('applyWrite may change the type of a relationship kept under its id, on both stores', async () => {
    const retyped: Relationship = {
      ...FIXTURE_RELATIONSHIPS[12]!,
      type: 'INVESTED_IN',
      citations: [cite('source-unused', { quote: 'moved' })],
    };
    for (const s of [memory, h.store] as GraphStore[])
      await s.applyWrite(put({ entities: [], relationships: [retyped] }));
    await h.same(memory, (s) => s.getRelationships([retyped.id]));
    await h.same(memory, (s) =>
      s.relationshipsOf(['mp-materials'], { direction: 'OUT', types: ['INVESTED_IN', 'LOCATED_IN'] }),
    );
    await h.same(memory, (s) => s.relationshipsCiting(['source-a', 'source-unused']));
    await h.same(memory, (s) => s.stats());
  });

  test('applyWrite upserts as API-owned records; the seed then skips them and updates what it owns', async () => {
    const batch = {
      entities: [
        entity('new-org', 'ORGANIZATION', 'Néw Org', { aliases: ['NO'] }),
        { ...FIXTURE_ENTITIES[3]!, name: 'China (edited)' },
        entity('zeta', 'COUNTRY', 'Zeta Land'),
      ],
      relationships: [
        rel('LOCATED_IN', 'new-org', 'australia', { citations: [cite('source-b', { quote: 'q' })] }),
        { ...FIXTURE_RELATIONSHIPS[1]!, share: 91, citations: [cite('source-unused')] },
      ],
    };
    for (const s of [memory, h.store] as GraphStore[]) await s.applyWrite(put(batch));
    await h.same(memory, (s) => s.exportAll());
    await h.same(memory, (s) => s.listEntities({ kind: 'COUNTRY', seek: { limit: 100, backward: false } }));
    await h.same(memory, (s) => s.listEntities({ kind: 'PERSON', seek: { limit: 100, backward: false } }));
    await h.same(memory, (s) => s.searchCandidates('edited', 10));
    await h.same(memory, (s) => s.relationshipsCiting(['source-a', 'source-b', 'source-unused']));

    const reseed = [{ ...FIXTURE_ENTITIES[4]!, name: 'USA (seed edit)' }, ...FIXTURE_ENTITIES];
    const report = await h.same(memory, (s) => s.loadSeed(reseed.slice(0, 1), FIXTURE_RELATIONSHIPS));
    expect(report).toStrictEqual({
      created: 0,
      updated: 1,
      unchanged: FIXTURE_RELATIONSHIPS.length - 2,
      skipped: 2,
    });
    const full = await h.same(memory, (s) => s.loadSeed(FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS));
    expect(full.skipped).toBe(4);
    await h.same(memory, (s) => s.exportAll());
    await h.same(memory, (s) => s.stats());
  });
});
