import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../src/store/graph-store.js';
import type { MemoryStore } from '../src/store/memory/memory-store.js';
import type { Neighborhood } from '../src/domain/traversal.js';
import { FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS } from './support/neo4j-fixture.js';
import { once, useNeo4jHarness } from './support/neo4j-harness.js';
import { put } from './support/writes.js';

/* The neighbourhood on the Neo4j adapter, by value on the edge-case fixture (and equal to the embedded store's). */

const h = useNeo4jHarness();

describe('neighbourhood: cut, type filter, retraction', () => {
  let memory: MemoryStore;
  const ready = once(async () => {
    memory = await h.loadBoth(FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS);
  });
  const test = (title: string, body: () => Promise<void>) =>
    it(title, async () => (await ready(), await body()));
  const drawn = (hood: Neighborhood | null) => ({
    nodes: hood?.nodes.map((n) => `${n.distance} ${n.entity.id}`),
    relationships: hood?.relationships.map((r) => r.id),
    truncated: hood?.truncated,
  });

  test('limit keeps the first nodes by (distance, id), flags the cut, and keeps only the relationships among them', async () => {
    const cut = await h.same(memory, (s) => s.neighborhood('united-states', { depth: 2, limit: 4 }));
    expect(drawn(cut)).toStrictEqual({
      nodes: ['0 united-states', '1 allied-coordination', '1 china', '1 mountain-pass'],
      relationships: [
        'depends-on:united-states:china',
        'located-in:mountain-pass:united-states',
        'member-of:united-states:allied-coordination',
      ],
      truncated: true,
    });
    // Exactly as many nodes as reached is no cut; one fewer is.
    const whole = await h.same(memory, (s) => s.neighborhood('united-states', { depth: 1, limit: 7 }));
    expect([whole?.nodes.length, whole?.truncated]).toStrictEqual([7, false]);
    const oneShort = await h.same(memory, (s) => s.neighborhood('united-states', { depth: 1, limit: 6 }));
    expect([oneShort?.nodes.length, oneShort?.truncated]).toStrictEqual([6, true]);
    const centreOnly = await h.same(memory, (s) => s.neighborhood('united-states', { depth: 3, limit: 1 }));
    expect(drawn(centreOnly)).toStrictEqual({
      nodes: ['0 united-states'],
      relationships: [],
      truncated: true,
    });
  });

  test('types: only relationships of the given types are walked and returned', async () => {
    const hood = await h.same(memory, (s) =>
      s.neighborhood('united-states', { depth: 3, limit: 50, types: ['LOCATED_IN', 'OPERATES'] }),
    );
    expect(drawn(hood)).toStrictEqual({
      nodes: ['0 united-states', '1 mountain-pass', '1 mp-materials'],
      relationships: [
        'located-in:mountain-pass:united-states',
        'located-in:mp-materials:united-states',
        'operates:mp-materials:mountain-pass',
      ],
      truncated: false,
    });
  });

  test('a retracted relationship is neither walked nor returned', async () => {
    const dependsOn = FIXTURE_RELATIONSHIPS.find((r) => r.id === 'depends-on:united-states:china')!;
    for (const s of [memory, h.store] as GraphStore[]) {
      await s.applyWrite(
        put({ entities: [], relationships: [{ ...dependsOn, retractedAt: '2026-01-01T00:00:00.000Z' }] }),
      );
    }
    const hood = await h.same(memory, (s) => s.neighborhood('china', { depth: 2, limit: 50 }));
    expect(hood?.nodes.map((n) => `${n.distance} ${n.entity.id}`)).toContain('2 united-states');
    expect(hood?.relationships.map((r) => r.id)).not.toContain(dependsOn.id);
    const paths = await h.same(memory, (s) =>
      s.shortestPaths('united-states', 'china', { maxHops: 4, limit: 50 }),
    );
    // One route over rare-earth-elements; its second hop holds both parallel PRODUCES.
    expect(paths.paths.map((p) => p.map((hop) => hop.map((r) => r.id)))).toStrictEqual([
      [
        ['produces:united-states:rare-earth-elements:mining:2024'],
        ['produces:china:rare-earth-elements:mining:2024', 'produces:china:rare-earth-elements:processing'],
      ],
    ]);
  });
});
