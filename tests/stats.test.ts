import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENTITY_KINDS, RELATION_TYPE_NAMES } from '../src/domain/model.js';
import { graphStats, validFromPeriod, type GraphStats } from '../src/domain/stats.js';
import type { MemoryStore } from '../src/store/memory/memory-store.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { AS_EDITOR, WRITE_ENV } from '../scripts/support/credentials.js';
import { once, useNeo4jHarness } from './support/neo4j-harness.js';
import { memoryFixture, STORE_FIXTURES, useApi } from './support/stores.js';

/*
 * `stats` by value: every figure is computed here from seed/*.yaml as written (its own YAML
 * reading, period buckets and date windows, not the loader's or the domain's), and both stores
 * must give exactly it, as of no day and as of several days; then one write through the API
 * moves a relationship out of the counts and into writesByMonth.
 */

interface SeedEntity {
  id: string;
  kind: string;
  name: string;
}
interface SeedRelationship {
  type: string;
  from: string;
  to: string;
  validFrom?: string | number;
  validUntil?: string | number;
  citations: { source: string }[];
}

const seedFiles = (await readdir('seed')).filter((f) => f.endsWith('.yaml'));
const docs = await Promise.all(
  seedFiles.map(
    async (f) =>
      parse(await readFile(`seed/${f}`, 'utf8')) as {
        entities?: SeedEntity[];
        relationships?: SeedRelationship[];
      },
  ),
);
const SEED_ENTITIES = docs.flatMap((d) => d.entities ?? []);
const SEED_RELATIONSHIPS = docs.flatMap((d) => d.relationships ?? []);

/** First and last day of a partial date as strings an ISO day compares with ("-31" ends any month). */
function window(value: string): [string, string] {
  const [y, rest] = [value.slice(0, 4), value.slice(5)];
  if (rest === '') return [`${y}-01-01`, `${y}-12-31`];
  const q = /^Q(\d)$/.exec(rest);
  if (q)
    return [
      `${y}-${String(Number(q[1]) * 3 - 2).padStart(2, '0')}-01`,
      `${y}-${String(Number(q[1]) * 3).padStart(2, '0')}-31`,
    ];
  if (rest === 'H1') return [`${y}-01-01`, `${y}-06-31`];
  if (rest === 'H2') return [`${y}-07-01`, `${y}-12-31`];
  if (rest.length === 2) return [`${value}-01`, `${value}-31`];
  return [value, value];
}

/** The bucket of a validFrom: its month when it names a month or a day, else itself. */
const bucketOf = (validFrom: string) =>
  /^\d{4}-\d{2}(-\d{2})?$/.test(validFrom) ? validFrom.slice(0, 7) : validFrom;

const tally = (keys: string[]) => {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
};

/** What `stats(asOf)` must answer for the seed without the relationships `leftOut` (type:from:to), by hand from the YAML. */
function expected(
  asOf?: string,
  leftOut: string[] = [],
  writesByMonth: GraphStats['writesByMonth'] = [],
): GraphStats {
  const counted = SEED_RELATIONSHIPS.filter((r) => {
    if (leftOut.includes(`${r.type}:${r.from}:${r.to}`)) return false;
    if (asOf === undefined) return true;
    const from = r.validFrom === undefined ? undefined : window(String(r.validFrom))[0];
    const until = r.validUntil === undefined ? undefined : window(String(r.validUntil))[1];
    return (from === undefined || from <= asOf) && (until === undefined || asOf <= until);
  });
  const kinds = tally(SEED_ENTITIES.map((e) => e.kind));
  const types = tally(counted.map((r) => r.type));
  const cited = tally(counted.flatMap((r) => r.citations.map((c) => c.source)));
  const buckets = tally(
    counted.flatMap((r) => (r.validFrom === undefined ? [] : [bucketOf(String(r.validFrom))])),
  );
  const names = new Map(SEED_ENTITIES.map((e) => [e.id, e.name]));
  return {
    asOf: asOf ?? null,
    entityCount: SEED_ENTITIES.length,
    relationshipCount: counted.length,
    entitiesByKind: ENTITY_KINDS.map((kind) => ({ kind, count: kinds.get(kind) ?? 0 })),
    relationshipsByType: RELATION_TYPE_NAMES.map((type) => ({ type, count: types.get(type) ?? 0 })),
    citationsBySource: [...cited]
      .map(([sourceId, count]) => ({ sourceId, name: names.get(sourceId)!, count }))
      .sort((a, b) => b.count - a.count || (a.sourceId < b.sourceId ? -1 : 1)),
    relationshipsByValidFrom: [...buckets]
      .sort(([a], [b]) => {
        const [[af, al], [bf, bl]] = [window(a), window(b)];
        return af < bf ? -1 : af > bf ? 1 : al > bl ? -1 : al < bl ? 1 : 0;
      })
      .map(([period, count]) => ({
        period,
        month: /^\d{4}-\d{2}$/.test(period) ? period : null,
        year: Number(period.slice(0, 4)),
        count,
      })),
    undated: counted.filter((r) => r.validFrom === undefined).length,
    writesByMonth,
  };
}

describe('the stats rules (domain)', () => {
  it('buckets a day or a month by its month, and a quarter, a half or a year by itself', () => {
    expect(['2025-11-07', '2025-11', '2026-Q4', '2026-H1', '2027'].map(validFromPeriod)).toStrictEqual([
      { period: '2025-11', month: '2025-11', year: 2025 },
      { period: '2025-11', month: '2025-11', year: 2025 },
      { period: '2026-Q4', month: null, year: 2026 },
      { period: '2026-H1', month: null, year: 2026 },
      { period: '2027', month: null, year: 2027 },
    ]);
  });

  it('sums rows by key, orders periods by first day (longer first) and sources by count, and keeps every kind and type', () => {
    const stats = graphStats('2026-01-01', {
      entities: [
        { kind: 'SOURCE', count: 2 },
        { kind: 'PERSON', count: 1 },
        { kind: 'SOURCE', count: 1 },
      ],
      relationships: [
        { type: 'SAID', validFrom: '2025-02-03', count: 1 },
        { type: 'SAID', validFrom: '2025-Q1', count: 2 },
        { type: 'LEADS', validFrom: '2025', count: 1 },
        { type: 'LEADS', validFrom: '2024-H2', count: 1 },
        { type: 'LEADS', validFrom: null, count: 3 },
        { type: 'SAID', validFrom: '2025-02', count: 1 },
      ],
      citations: [
        { sourceId: 'b', name: 'B', count: 1 },
        { sourceId: 'a', name: 'A', count: 1 },
        { sourceId: 'c', name: 'C', count: 2 },
      ],
      writes: [
        { month: '2026-02', count: 1 },
        { month: '2025-12', count: 1 },
        { month: '2026-02', count: 1 },
      ],
    });
    expect(stats.entitiesByKind).toHaveLength(ENTITY_KINDS.length);
    expect(stats.entitiesByKind.filter((k) => k.count > 0)).toStrictEqual([
      { kind: 'PERSON', count: 1 },
      { kind: 'SOURCE', count: 3 },
    ]);
    expect(stats.relationshipsByType.filter((t) => t.count > 0)).toStrictEqual([
      { type: 'LEADS', count: 5 },
      { type: 'SAID', count: 4 },
    ]);
    expect([stats.entityCount, stats.relationshipCount, stats.undated]).toStrictEqual([4, 9, 3]);
    expect(stats.relationshipsByValidFrom.map((b) => [b.period, b.count])).toStrictEqual([
      ['2024-H2', 1],
      ['2025', 1],
      ['2025-Q1', 2],
      ['2025-02', 2],
    ]);
    expect(stats.citationsBySource.map((c) => c.sourceId)).toStrictEqual(['c', 'a', 'b']);
    expect(stats.writesByMonth).toStrictEqual([
      { month: '2025-12', count: 1 },
      { month: '2026-02', count: 2 },
    ]);
  });
});

const h = useNeo4jHarness();
let memory: MemoryStore;
const ready = once(async () => {
  const { entities, relationships } = await loadSeed();
  memory = await h.loadBoth(entities, relationships);
});

/** Days on either side of the seed's dates: before everything, inside the suspensions, after they end. */
const DAYS = [undefined, '2000-01-01', '2025-10-31', '2025-11-09', '2026-11-10', '2026-11-11', '2030-06-30'];

describe('graphStats on both stores, by value from seed/*.yaml', () => {
  it('the seed as read here has what the figures need: year, quarter and month buckets, undated relationships, windows that end', async () => {
    await ready();
    const all = expected();
    expect(all.relationshipCount).toBe(SEED_RELATIONSHIPS.length);
    expect(all.relationshipsByValidFrom.some((b) => b.month === null && /^\d{4}$/.test(b.period))).toBe(true);
    expect(all.relationshipsByValidFrom.some((b) => /Q/.test(b.period))).toBe(true);
    expect(all.undated).toBeGreaterThan(0);
    expect(expected('2026-11-11').relationshipsByType.find((t) => t.type === 'SUSPENDS')!.count).toBeLessThan(
      expected('2026-11-10').relationshipsByType.find((t) => t.type === 'SUSPENDS')!.count,
    );
  });

  it.each(DAYS)(
    'as of %s: the embedded store and Neo4j both give the figures computed from the YAML',
    async (asOf) => {
      await ready();
      const want = expected(asOf);
      expect(await memory.graphStats(asOf)).toStrictEqual(want);
      expect(await h.store.graphStats(asOf)).toStrictEqual(want);
    },
  );

  it('asOf before any validFrom counts only the relationships without one', async () => {
    await ready();
    const stats = await h.same(memory, (s) => s.graphStats('1800-01-01'));
    expect(stats.relationshipsByValidFrom).toStrictEqual([]);
    expect(stats.relationshipCount).toBe(stats.undated);
  });
});

describe.each(STORE_FIXTURES)('stats through the API on the $name store', (fixture) => {
  const ctx = useApi(fixture, WRITE_ENV);
  const STATS = `query ($asOf: Date) {
    stats(asOf: $asOf) {
      asOf entityCount relationshipCount undated
      entitiesByKind { kind count }
      relationshipsByType { type count }
      citationsBySource(first: 100) { sourceId name count }
      relationshipsByValidFrom { period month year count }
      writesByMonth { month count }
    }
  }`;
  const RETRACTED = 'SUSPENDS:china-one-year-suspension:china-october-2025-rare-earth-export-restrictions';

  it('answers the seed figures, then a retraction leaves its relationship out and counts one write in its month', async () => {
    expect((await ctx.api.data(STATS)).stats).toStrictEqual(expected());
    expect((await ctx.api.data(STATS, { asOf: '2025-11-09' })).stats).toStrictEqual(expected('2025-11-09'));

    const res = await ctx.api.data(
      `mutation { retractRelationship(id: "suspends:china-one-year-suspension:china-october-2025-rare-earth-export-restrictions", note: "stats test") { audit { at } } }`,
      {},
      AS_EDITOR,
    );
    const month = (res.retractRelationship.audit.at as string).slice(0, 7);
    const after = (await ctx.api.data(STATS)).stats;
    expect(after).toStrictEqual(expected(undefined, [RETRACTED], [{ month, count: 1 }]));
    // The retracted SUSPENDS had three citations (two of the article, one of Reuters) and validFrom 2025-10-30.
    const before = expected();
    const diff = (pick: (s: GraphStats) => { count: number }[], i: (x: any) => boolean) =>
      pick(before).find(i)!.count - pick(after).find(i)!.count;
    expect(
      diff(
        (s) => s.relationshipsByType,
        (t) => t.type === 'SUSPENDS',
      ),
    ).toBe(1);
    expect(
      diff(
        (s) => s.citationsBySource,
        (c) => c.sourceId === 'source-article',
      ),
    ).toBe(2);
    expect(
      diff(
        (s) => s.citationsBySource,
        (c) => c.sourceId === 'reuters-trump-xi-busan',
      ),
    ).toBe(1);
    expect(
      diff(
        (s) => s.relationshipsByValidFrom,
        (b) => b.period === '2025-10',
      ),
    ).toBe(1);
    expect((await ctx.api.data(STATS, { asOf: '2025-11-09' })).stats).toStrictEqual(
      expected('2025-11-09', [RETRACTED], [{ month, count: 1 }]),
    );
  });

  it('refuses a citationsBySource page outside 1-100 and a partial asOf', async () => {
    const big = await ctx.api.gql('{ stats { citationsBySource(first: 101) { sourceId } } }');
    expect(big.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const partial = await ctx.api.gql('{ stats(asOf: "2025-11") { entityCount } }');
    expect(partial.status).toBe(400);
    // The first 3 of the whole list (the earlier test's retraction included).
    const all = (await ctx.api.data(STATS)).stats.citationsBySource;
    const top = await ctx.api.data('{ stats { citationsBySource(first: 3) { sourceId name count } } }');
    expect(top.stats.citationsBySource).toStrictEqual(all.slice(0, 3));
    expect(all.length).toBe(expected().citationsBySource.length);
  });
});

describe('stats under the default limits (real server, default rate limit on)', () => {
  const ctx = useApi(memoryFixture, { RATE_LIMIT_PER_MINUTE: '300000' });

  it('answers every figure, and refuses four scans in one request as too complex', async () => {
    const full = await ctx.api.gql(
      '{ stats { entityCount entitiesByKind { kind count } relationshipsByType { type count } citationsBySource(first: 100) { sourceId name count } relationshipsByValidFrom { period month year count } undated writesByMonth { month count } } }',
    );
    expect(full.status).toBe(200);
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data).toStrictEqual({
      stats: expect.objectContaining({ entityCount: SEED_ENTITIES.length }),
    });
    const four = await ctx.api.gql(
      '{ a: stats { undated } b: stats { undated } c: stats { undated } d: stats { undated } }',
    );
    expect(four.status).toBe(400);
    expect(four.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});
