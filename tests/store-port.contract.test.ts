import { describe, expect, it } from 'vitest';
import type { RelationshipFact } from '../src/domain/relationship.js';
import type { SupplyRow } from '../src/domain/supply.js';
import type { Route } from '../src/domain/traversal.js';
import type { GraphStore } from '../src/store/graph-store.js';
import type { MemoryStore } from '../src/store/memory/memory-store.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { once, useNeo4jHarness } from './support/neo4j-harness.js';

/*
 * The store port's contract, by value: facts checked by hand in seed/*.yaml, asserted on each
 * store on its own (not one store against the other; tests/neo4j-parity.test.ts does that too).
 */

const h = useNeo4jHarness();
let memory: MemoryStore;
const ready = once(async () => {
  const { entities, relationships } = await loadSeed();
  memory = await h.loadBoth(entities, relationships);
});

const stores: [string, () => GraphStore][] = [
  ['the embedded store', () => memory],
  ['Neo4j', () => h.store],
];

const arrow = (r: RelationshipFact) => `${r.type} ${r.from}->${r.to}`;
/** A route as the entities it passes and, per hop, its relationships. */
const shown = (route: Route) => route.map((hop) => hop.map(arrow).join(' + '));
/** The countries supply rows name (sites' and operators'), with `asked`: the test's own reading of the port's rule. */
const namedCountries = (rows: SupplyRow[], asked: string[]) => {
  const named = new Set(asked);
  for (const r of rows) {
    if (r.siteCountryId) named.add(r.siteCountryId);
    for (const o of r.operators) if (o.countryId) named.add(o.countryId);
  }
  return named;
};

describe.each(stores)('the store port, by value: %s', (_name, store) => {
  it("scott-bessent's relationships: one office and the interviews and statements, by id", async () => {
    await ready();
    const [rels] = await store().relationshipsOf(['scott-bessent'], { direction: 'BOTH' });
    expect(rels!.map((r) => r.id)).toStrictEqual([
      'holds-office:scott-bessent:us-treasury:treasury-secretary',
      'participated-in:scott-bessent:bessent-cnn-interview',
      'participated-in:scott-bessent:bessent-fox-news-interview',
      'said:scott-bessent:bessent-asleep-at-the-switch',
      'said:scott-bessent:bessent-chinese-cornered-market',
      'said:scott-bessent:bessent-decouple-de-risk',
      'said:scott-bessent:bessent-follow-through-tariffs',
      'said:scott-bessent:bessent-maximum-leverage',
      'said:scott-bessent:bessent-single-country-hostage',
      'said:scott-bessent:bessent-stability-trust',
      'said:scott-bessent:bessent-stable-relationship',
      'said:scott-bessent:bessent-step-forward',
      'said:scott-bessent:bessent-warp-speed',
    ]);
  });

  it('paths Bessent -> Xi (default first: 10): six distinct routes by entity ids, the parallel hop into Xi one hop with both relationships', async () => {
    await ready();
    const { paths, entities } = await store().shortestPaths('scott-bessent', 'xi-jinping', {
      maxHops: 4,
      limit: 10,
    });
    const last = 'HOLDS_OFFICE xi-jinping->china + LEADS xi-jinping->china';
    expect(paths.map(shown)).toStrictEqual(
      [
        'chinese-cornered-market',
        'decouple-de-risk',
        'maximum-leverage',
        'stability-trust',
        'stable-relationship',
        'warp-speed',
      ].map((s) => [`SAID scott-bessent->bessent-${s}`, `CONCERNS bessent-${s}->china`, last]),
    );
    expect(paths[0]![2]!.map((r) => r.id)).toStrictEqual([
      'holds-office:xi-jinping:china:president',
      'leads:xi-jinping:china:chinese-president',
    ]);
    expect(entities.map((e) => e.id)).toContain('bessent-warp-speed');
  });

  it('paths say which ends are unknown ids (from first), and none when both are known, with or without a path', async () => {
    await ready();
    const q = { maxHops: 4, limit: 10 };
    const missing = async (from: string, to: string, hops = 4) => {
      const answer = await store().shortestPaths(from, to, { ...q, maxHops: hops });
      return { missing: answer.missing, paths: answer.paths.length };
    };
    expect(await missing('nobody', 'china')).toStrictEqual({ missing: ['from'], paths: 0 });
    expect(await missing('china', 'nobody')).toStrictEqual({ missing: ['to'], paths: 0 });
    expect(await missing('nobody', 'no-one')).toStrictEqual({ missing: ['from', 'to'], paths: 0 });
    expect(await missing('nobody', 'nobody')).toStrictEqual({ missing: ['from', 'to'], paths: 0 });
    expect(await missing('china', 'china')).toStrictEqual({ missing: [], paths: 1 });
    expect(await missing('scott-bessent', 'xi-jinping', 1)).toStrictEqual({ missing: [], paths: 0 });
    expect(await missing('scott-bessent', 'xi-jinping')).toStrictEqual({ missing: [], paths: 6 });
  });

  it('paths Xi -> China: one route of one hop listing HOLDS_OFFICE and LEADS, by id', async () => {
    await ready();
    const { paths } = await store().shortestPaths('xi-jinping', 'china', { maxHops: 4, limit: 10 });
    expect(paths.map(shown)).toStrictEqual([['HOLDS_OFFICE xi-jinping->china + LEADS xi-jinping->china']]);
  });

  it('first: 2 cuts routes, not parallel relationships', async () => {
    await ready();
    const { paths } = await store().shortestPaths('scott-bessent', 'xi-jinping', { maxHops: 4, limit: 2 });
    expect(paths.map((p) => p.map((hop) => hop.length))).toStrictEqual([
      [1, 1, 2],
      [1, 1, 2],
    ]);
    expect(paths.map((p) => p[0]![0]!.to)).toStrictEqual([
      'bessent-chinese-cornered-market',
      'bessent-decouple-de-risk',
    ]);
  });

  it("a facility's site is its own country, its operator's country is the operator's: Lynas Malaysia", async () => {
    await ready();
    const { rows } = await store().supplyContext(['dysprosium'], 'SEPARATION', []);
    const row = rows.find((r) => r.supplier.id === 'lynas-malaysia')!;
    expect({ site: row.siteCountryId, operators: row.operators }).toStrictEqual({
      site: 'malaysia',
      operators: [{ id: 'lynas', countryId: 'australia' }],
    });
  });

  it('supply rows come with the memberships and entities of the countries they name and of those asked, and nothing else', async () => {
    await ready();
    const context = await store().supplyContext(['dysprosium'], 'SEPARATION', ['united-states']);
    const named = namedCountries(context.rows, ['united-states']);
    // Lynas Malaysia's operator is Australian: Australia's membership qualifies it, as the asked United States' does.
    expect(named.has('australia') && named.has('malaysia')).toBe(true);
    const members = context.memberships.map((m) => `${m.from}->${m.to}`);
    expect(members).toContain('australia->us-allied-supply-coordination');
    expect(members).toContain('united-states->us-allied-supply-coordination');
    expect(context.memberships.every((m) => m.type === 'MEMBER_OF' && named.has(m.from))).toBe(true);
    // Memberships carry their citations, as relationshipsOf gives them.
    const australia = await store().relationshipsOf(['australia'], {
      types: ['MEMBER_OF'],
      direction: 'OUT',
    });
    expect(context.memberships.filter((m) => m.from === 'australia')).toStrictEqual(australia[0]);
    const ids = context.entities.map((e) => e.id);
    expect(ids).toStrictEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(['australia', 'malaysia', 'lynas', 'united-states']));
    const operators = new Set(context.rows.flatMap((r) => r.operators.map((o) => o.id)));
    expect(ids.every((id) => named.has(id) || operators.has(id))).toBe(true);
    // China is neither asked nor named by a separation row outside it... unless it is: then it is here.
    expect(ids.includes('china')).toBe(named.has('china'));
  });

  it('asked with no alliance question (countries null), the rows come with their countries and nothing for alliances', async () => {
    await ready();
    const asked = await store().supplyContext(['dysprosium'], 'SEPARATION', ['united-states']);
    const context = await store().supplyContext(['dysprosium'], 'SEPARATION', null);
    expect(context.rows).toStrictEqual(asked.rows);
    expect(context.memberships).toStrictEqual([]);
    const countries = namedCountries(context.rows, []);
    // Malaysia (Lynas Malaysia's site) and Australia (its operator's country), not Lynas itself.
    expect(context.entities.map((e) => e.id)).toStrictEqual([...countries].sort());
    expect(context.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['australia', 'malaysia']));
    expect(context.entities.some((e) => e.id === 'lynas')).toBe(false);
    expect(context.entities).toStrictEqual(asked.entities.filter((e) => countries.has(e.id)));
  });
});
