import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeMatches, missedChanges, type GraphChange } from '../src/domain/changes.js';
import type { Entity } from '../src/domain/entity.js';
import type { GraphStore } from '../src/store/graph-store.js';
import { Journal } from '../src/store/memory/journal.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { entity, FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS, rel } from './support/neo4j-fixture.js';
import { once, useNeo4jHarness } from './support/neo4j-harness.js';
import { put } from './support/writes.js';

/*
 * The change sequence on both stores (the port's `changeSequence` / `changesSince`): every
 * audited write and every seed load that changed something takes the next number, in order,
 * and the stores keep each change under its number; the embedded store across restarts.
 */

const h = useNeo4jHarness();
let memory: MemoryStore;
const ready = once(async () => {
  memory = await h.loadBoth(FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS);
});

const stores: [string, () => GraphStore][] = [
  ['the embedded store', () => memory],
  ['Neo4j', () => h.store],
];

const org = (id: string, extra: Partial<Entity> = {}) => entity(id, 'ORGANIZATION', `Org ${id}`, extra);
/** What a change is, in a line: its number and kind, and for a write the ids it changed. */
const shown = (c: GraphChange) =>
  c.kind === 'SEED'
    ? `${c.sequence} SEED`
    : `${c.sequence} WRITE ${c.entry.changes.map((x) => x.id).join(',')}`;

describe.each(stores)('the change sequence: %s', (_name, store) => {
  it('the fixture load was change 1 (a SEED); each write takes the next number, returned on its audit entry and kept in order', async () => {
    await ready();
    const s = store();
    expect(await s.changeSequence()).toBe(1);
    const first = await s.applyWrite(put({ entities: [org('seq-a')], relationships: [] }));
    const second = await s.applyWrite(
      put({ entities: [org('seq-b')], relationships: [rel('LOCATED_IN', 'seq-b', 'australia')] }),
    );
    // A write that changes nothing is still an audited write: it takes a number too.
    const repeat = await s.applyWrite(put({ entities: [org('seq-a')], relationships: [] }));
    expect([first.sequence, second.sequence, repeat.sequence]).toStrictEqual([2, 3, 4]);
    expect(await s.changeSequence()).toBe(4);

    const page = await s.changesSince(0, 10);
    expect(page.oldestRetained).toBe(1);
    expect(page.entries.map(shown)).toStrictEqual([
      '1 SEED',
      '2 WRITE seq-a',
      '3 WRITE seq-b,located-in:seq-b:australia',
      '4 WRITE ',
    ]);
    const write = page.entries[1]!;
    expect(write.kind === 'WRITE' && write.entry).toStrictEqual(first);
    expect((await s.changesSince(2, 1)).entries.map(shown)).toStrictEqual([
      '3 WRITE seq-b,located-in:seq-b:australia',
    ]);
    expect((await s.changesSince(4, 10)).entries).toStrictEqual([]);
    // The audit trail shows the same numbers.
    const [stored] = await s.getAuditEntries([second.id]);
    expect(stored?.sequence).toBe(3);
  });

  it('a refused write takes no number; a seed load takes one only when it created or updated a record', async () => {
    await ready();
    const s = store();
    const before = await s.changeSequence();
    await expect(
      s.applyWrite(put({ entities: [], relationships: [rel('LOCATED_IN', 'seq-a', 'no-such-place')] })),
    ).rejects.toThrow('No entity with id "no-such-place"');
    expect(await s.changeSequence()).toBe(before);

    const unchanged = await s.loadSeed(FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS);
    expect(unchanged.created + unchanged.updated).toBe(0);
    expect(await s.changeSequence()).toBe(before);

    const edited = FIXTURE_ENTITIES.map((e) => (e.id === 'zeta' ? { ...e, description: 'reseeded' } : e));
    expect((await s.loadSeed(edited, FIXTURE_RELATIONSHIPS)).updated).toBe(1);
    expect(await s.changeSequence()).toBe(before + 1);
    const [seed] = (await s.changesSince(before, 10)).entries;
    expect(seed).toMatchObject({ kind: 'SEED', sequence: before + 1 });
    expect(Date.parse((seed as { at: string }).at)).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('the change sequence on Neo4j under concurrent writers', () => {
  it('twenty concurrent writes take twenty distinct consecutive numbers, and the numbers follow commit order', async () => {
    await ready();
    const start = await h.store.changeSequence();
    const entries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.store.applyWrite(put({ entities: [org(`concurrent-${i}`)], relationships: [] })),
      ),
    );
    expect(entries.map((e) => e.sequence).sort((a, b) => a! - b!)).toStrictEqual(
      Array.from({ length: 20 }, (_, i) => start + 1 + i),
    );
    const page = await h.store.changesSince(start, 100);
    expect(page.entries.map((c) => c.sequence)).toStrictEqual(entries.map((_, i) => start + 1 + i));
    // Each number names the write that took it.
    const byId = new Map(entries.map((e) => [e.id, e.sequence]));
    for (const c of page.entries) expect(c.kind === 'WRITE' && byId.get(c.entry.id)).toBe(c.sequence);
  });
});

describe('the embedded store keeps the sequence in its journal', () => {
  async function open(dir: string, seed = FIXTURE_ENTITIES) {
    const store = new MemoryStore(new Journal(path.join(dir, 'journal.jsonl')));
    await store.loadSeed(seed, FIXTURE_RELATIONSHIPS);
    await store.open();
    return store;
  }

  it('survives a restart: the seed at start is the base (no number), writes go on from the last number', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sequence-'));
    const first = await open(dir);
    expect(await first.changeSequence()).toBe(0);
    await first.applyWrite(put({ entities: [org('one')], relationships: [] }));
    await first.applyWrite(put({ entities: [org('two')], relationships: [] }));
    await first.close();

    const second = await open(dir);
    expect(await second.changeSequence()).toBe(2);
    expect((await second.changesSince(0, 10)).entries.map(shown)).toStrictEqual([
      '1 WRITE one',
      '2 WRITE two',
    ]);
    expect((await second.applyWrite(put({ entities: [org('three')], relationships: [] }))).sequence).toBe(3);
    await second.close();
  });

  it('a seed edited between two starts is the next change, journalled at start (so a third start agrees)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sequence-'));
    const first = await open(dir);
    await first.applyWrite(put({ entities: [org('one')], relationships: [] }));
    await first.close();

    const edited = FIXTURE_ENTITIES.map((e) => (e.id === 'zeta' ? { ...e, description: 'edited seed' } : e));
    const second = await open(dir, edited);
    expect(await second.changeSequence()).toBe(2);
    expect((await second.changesSince(1, 10)).entries).toMatchObject([{ kind: 'SEED', sequence: 2 }]);
    await second.close();
    const lines = (await readFile(path.join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);

    const third = await open(dir, edited);
    expect(await third.changeSequence()).toBe(2);
    expect((await third.changesSince(0, 10)).entries.map(shown)).toStrictEqual(['1 WRITE one', '2 SEED']);
    await third.close();
  });
});

describe('the change rules (domain)', () => {
  const write = (changes: GraphChange & { kind: 'WRITE' }): GraphChange => changes;
  const entityChange = write({
    kind: 'WRITE',
    sequence: 7,
    entry: {
      id: 'e',
      at: '2026-01-01T00:00:00.000Z',
      actor: { method: 'api-key', id: 'alice' },
      action: 'UPSERT_ENTITY',
      note: 'n',
      sequence: 7,
      changes: [{ target: 'ENTITY', id: 'lynas', before: null, after: org('lynas') }],
    },
  });
  const relChange = write({
    kind: 'WRITE',
    sequence: 8,
    entry: {
      id: 'r',
      at: '2026-01-01T00:00:00.000Z',
      actor: { method: 'api-key', id: 'alice' },
      action: 'ADD_RELATIONSHIP',
      note: 'n',
      sequence: 8,
      changes: [
        {
          target: 'RELATIONSHIP',
          id: 'located-in:lynas:australia',
          before: null,
          after: rel('LOCATED_IN', 'lynas', 'australia'),
        },
      ],
    },
  });

  it('filters: ids match the record or a relationship end; kinds entity changes, types relationship changes; fields combine with AND, kinds and types with OR', () => {
    const matching = (filter: Parameters<typeof changeMatches>[1]) =>
      [entityChange, relChange].filter((c) => changeMatches(c, filter)).map((c) => c.sequence);
    expect(matching({})).toStrictEqual([7, 8]);
    expect(matching({ ids: ['lynas'] })).toStrictEqual([7, 8]);
    expect(matching({ ids: ['australia'] })).toStrictEqual([8]);
    expect(matching({ kinds: ['ORGANIZATION'] })).toStrictEqual([7]);
    expect(matching({ kinds: ['PERSON'] })).toStrictEqual([]);
    expect(matching({ types: ['LOCATED_IN'] })).toStrictEqual([8]);
    expect(matching({ kinds: ['ORGANIZATION'], types: ['LOCATED_IN'] })).toStrictEqual([7, 8]);
    expect(matching({ ids: ['australia'], kinds: ['ORGANIZATION'] })).toStrictEqual([]);
    expect(changeMatches({ kind: 'SEED', sequence: 9, at: '' }, { ids: ['nothing'] })).toBe(true);
  });

  it('a resume misses what lies before the last `retention` changes or before the oldest held', () => {
    expect(missedChanges(10, 20, 1, 100)).toBeNull();
    expect(missedChanges(2, 20, 1, 5)).toStrictEqual({ from: 3, to: 15 });
    expect(missedChanges(15, 20, 1, 5)).toBeNull();
    expect(missedChanges(0, 20, 4, 100)).toStrictEqual({ from: 1, to: 3 });
  });
});
