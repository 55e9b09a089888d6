import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_EDITOR, EDITOR_KEY, signedJwt, WRITE_ENV } from '../scripts/support/credentials.js';
import { CLOCK_SKEW_SECONDS } from '../src/server/jwt.js';
import { createApp, type App } from '../src/server/app.js';
import { ConfigError, loadConfig } from '../src/server/config.js';
import { LruCache } from '../src/server/read-cache.js';
import type { GraphStore } from '../src/store/graph-store.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { createNeo4jStore, type Neo4jStore } from '../src/store/neo4j/index.js';
import { FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS } from './support/neo4j-fixture.js';
import { NEO4J_URI } from './support/neo4j-harness.js';
import { resetForTests } from './support/neo4j-reset.js';
import { collectingLogger } from './support/log-lines.js';
import { withSeed } from './support/stores.js';

/*
 * The opt-in read cache (READ_CACHE_*), through the real HTTP app: on the embedded store, then two
 * API instances over one real Neo4j database.
 */

const ENTITY = 'query($id: ID!) { entity(id: $id) { id name description } }';
const UPSERT = `mutation($id: ID!, $description: String) {
  upsertEntity(input: { id: $id, kind: ORGANIZATION, name: "Lynas", description: $description }, note: "cache test") {
    audit { sequence }
  }
}`;

interface Api {
  app: App;
  url: string;
  /** The request log lines written so far. */
  log: Record<string, unknown>[];
  /** POSTs `body` (JSON-encoded unless a string) and returns the status and the exact body text. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

async function startApi(store: GraphStore, env: NodeJS.ProcessEnv): Promise<Api> {
  const { logger, lines: log } = collectingLogger();
  const config = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0', ...env });
  const app = await createApp(store, config, logger);
  const server: Server = createServer(app.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    app,
    url,
    log,
    async post(body, headers = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.apollo.stop();
    },
  };
}

/** The `readCache` field of the request log lines, in order (the last `n`). */
const cacheLog = (api: Api, n: number) =>
  api.log
    .filter((l) => l.msg === 'request')
    .slice(-n)
    .map((l) => l.readCache ?? 'none');

const description = (text: string) =>
  (JSON.parse(text) as { data: { entity: { description: string | null } } }).data.entity.description;

const write = async (api: Api, id: string, value: string) => {
  const res = await api.post({ query: UPSERT, variables: { id, description: value } }, AS_EDITOR.headers);
  expect(res.status).toBe(200);
  return (JSON.parse(res.text) as { data: { upsertEntity: { audit: { sequence: number } } } }).data
    .upsertEntity.audit.sequence;
};

describe('LruCache', () => {
  it('is bounded in entries and bytes, dropping the least recently used first', () => {
    const lru = new LruCache<string>(3, 10, (key, value) => key.length + value.length);
    lru.set('a', '1');
    lru.set('b', '2');
    lru.set('c', '3');
    expect(lru.get('a')).toBe('1'); // a is now the most recently used
    lru.set('d', '4'); // over 3 entries: b goes
    expect([lru.get('b'), lru.get('c'), lru.get('d'), lru.get('a')]).toStrictEqual([
      undefined,
      '3',
      '4',
      '1',
    ]);
    expect([lru.size, lru.bytes]).toStrictEqual([3, 6]);
    lru.set('e', '12345'); // 6 bytes: 12 over 10, c (the least recently used) goes
    expect([lru.size, lru.bytes]).toStrictEqual([3, 10]);
    expect([lru.get('c'), lru.get('d'), lru.get('a'), lru.get('e')]).toStrictEqual([
      undefined,
      '4',
      '1',
      '12345',
    ]);
    lru.set('f', '12'); // 3 bytes: 13 over 10, d then a go (e was read after them)
    expect([lru.get('d'), lru.get('a'), lru.get('e'), lru.get('f')]).toStrictEqual([
      undefined,
      undefined,
      '12345',
      '12',
    ]);
    expect([lru.size, lru.bytes]).toStrictEqual([2, 9]);
    lru.set('big', '123456789'); // larger than the bound alone: not held, nothing dropped
    expect([lru.get('big'), lru.size]).toStrictEqual([undefined, 2]);
  });
});

describe('read cache settings', () => {
  it('is off by default, and bad values stop the server at start', () => {
    expect(loadConfig({}).readCache).toStrictEqual({
      entries: 0,
      maxBytes: 64 * 2 ** 20,
      sequencePollMs: 250,
    });
    expect(() => loadConfig({ READ_CACHE_ENTRIES: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ READ_CACHE_MAX_BYTES: '10' })).toThrow(/READ_CACHE_MAX_BYTES/);
    expect(() => loadConfig({ READ_CACHE_SEQUENCE_POLL_MS: '0' })).toThrow(/READ_CACHE_SEQUENCE_POLL_MS/);
  });

  it('without READ_CACHE_ENTRIES nothing is cached: every answer is computed (and the log says nothing of a cache)', async () => {
    const api = await startApi(await withSeed(new MemoryStore()), WRITE_ENV);
    try {
      expect(api.app.readCache).toBeUndefined();
      const first = await api.post({ query: ENTITY, variables: { id: 'lynas' } });
      await write(api, 'lynas', 'changed');
      const second = await api.post({ query: ENTITY, variables: { id: 'lynas' } });
      expect(description(second.text)).toBe('changed');
      expect(first.text).not.toBe(second.text);
      expect(cacheLog(api, 3)).toStrictEqual(['none', 'none', 'none']);
    } finally {
      await api.close();
    }
  });
});

describe('read cache on the embedded store', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(await withSeed(new MemoryStore()), { ...WRITE_ENV, READ_CACHE_ENTRIES: '100' });
  });
  afterAll(() => api?.close());

  it('a hit returns the same bytes, logged as a hit; the document is normalised (spacing, commas)', async () => {
    const first = await api.post({ query: ENTITY, variables: { id: 'lynas' } });
    const again = await api.post({ query: ENTITY, variables: { id: 'lynas' } });
    const respaced = await api.post({
      query: 'query ( $id : ID! ) {\n  entity(id: $id) { id, name, description }\n}',
      variables: { id: 'lynas' },
    });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text)).toMatchObject({ data: { entity: { id: 'lynas', description: null } } });
    expect(again.text).toBe(first.text);
    expect(respaced.text).toBe(first.text);
    expect(cacheLog(api, 3)).toStrictEqual(['miss', 'hit', 'hit']);
    const line = api.log.filter((l) => l.msg === 'request').at(-1)!;
    expect(line).toMatchObject({ path: '/graphql', status: 200, readCache: 'hit' });
  });

  it('a hit has the headers of the miss (CORS included) and its own request id; what it does not serve is answered as without it', async () => {
    const cors = await startApi(await withSeed(new MemoryStore()), {
      READ_CACHE_ENTRIES: '10',
      CORS_ORIGINS: 'https://app.example.org',
    });
    try {
      const ask = () =>
        fetch(cors.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'https://app.example.org' },
          body: JSON.stringify({ query: ENTITY, variables: { id: 'china' } }),
        });
      const [miss, hit] = [await ask(), await ask()];
      const headers = (r: Response) =>
        [...r.headers].filter(
          ([name]) => !['date', 'x-request-id', 'keep-alive', 'connection'].includes(name),
        );
      expect(headers(hit)).toStrictEqual(headers(miss));
      expect(hit.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
      expect(hit.headers.get('x-request-id')).not.toBe(miss.headers.get('x-request-id'));
      expect(await hit.text()).toBe(await miss.text());
      expect(cacheLog(cors, 2)).toStrictEqual(['miss', 'hit']);
      // A body that is not JSON reaches the app's parser, which refuses it as ever.
      const bad = await cors.post('{"query": ');
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.text)).toMatchObject({
        errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
      });
    } finally {
      await cors.close();
    }
  });

  it('a write changes the answer at once, on the very next request', async () => {
    const before = await api.post({ query: ENTITY, variables: { id: 'lynas' } });
    expect(cacheLog(api, 1)).toStrictEqual(['hit']);
    const sequence = await write(api, 'lynas', 'rewritten');
    const after = await api.post({ query: ENTITY, variables: { id: 'lynas' } });
    expect(description(after.text)).toBe('rewritten');
    expect(description(before.text)).not.toBe('rewritten');
    const seq = await api.post({ query: '{ changeSequence }' });
    expect(JSON.parse(seq.text)).toStrictEqual({ data: { changeSequence: sequence } });
    // The mutation was not looked up; the read after it was computed anew.
    expect(cacheLog(api, 4)).toStrictEqual(['hit', 'none', 'miss', 'miss']);
  });

  it('different variables are different entries; each hit gives its own answer', async () => {
    const lynas = await api.post({ query: ENTITY, variables: { id: 'lynas' } });
    const mp = await api.post({ query: ENTITY, variables: { id: 'mp-materials' } });
    const [lynas2, mp2] = [
      await api.post({ query: ENTITY, variables: { id: 'lynas' } }),
      await api.post({ query: ENTITY, variables: { id: 'mp-materials' } }),
    ];
    expect(JSON.parse(mp.text)).toMatchObject({
      data: { entity: { id: 'mp-materials', name: 'MP Materials' } },
    });
    expect([lynas2.text, mp2.text]).toStrictEqual([lynas.text, mp.text]);
    expect(cacheLog(api, 4)).toStrictEqual(['hit', 'miss', 'hit', 'hit']);
  });

  it('never keeps an answer with errors, a refused document, or a mutation', async () => {
    const held = api.app.readCache!.stats().entries;
    const bad = { query: '{ entities(first: -1) { totalCount } }' };
    const refused = { query: '{ entity(id: "lynas") { nope } }' };
    const results = [
      await api.post(bad),
      await api.post(bad),
      await api.post(refused),
      await api.post(refused),
    ];
    expect(results.map((r) => r.status)).toStrictEqual([200, 200, 400, 400]);
    for (const r of results) expect(JSON.parse(r.text)).toHaveProperty('errors');
    // Each request id is in its own errors: nothing was replayed.
    expect(new Set(results.map((r) => r.text)).size).toBe(4);
    expect(cacheLog(api, 4)).toStrictEqual(['miss', 'miss', 'miss', 'miss']);
    await write(api, 'mp-materials', 'once');
    await write(api, 'mp-materials', 'twice');
    const audit = await api.post({ query: '{ auditLog(first: 2) { nodes { changes { after } } } }' });
    expect(audit.text).toContain('twice');
    expect(audit.text).toContain('once');
    expect(cacheLog(api, 3)).toStrictEqual(['none', 'none', 'miss']);
    expect(api.app.readCache!.stats().entries).toBeLessThanOrEqual(held + 1);
  });

  it("keeps answers per role: an editor's proposals are never served to an anonymous caller", async () => {
    const text =
      'Lynas Rare Earths operates the Mount Weld mine in Western Australia, the company said on Monday.';
    const ingest = await api.post(
      {
        query: `mutation($input: IngestDocumentInput!) { ingestDocument(input: $input, note: "cache roles") { document { id } } }`,
        variables: { input: { title: 'Roles', publisher: 'Test wire', published: '2026-11-30', text } },
      },
      AS_EDITOR.headers,
    );
    expect(ingest.status).toBe(200);
    const PROPOSALS = { query: '{ proposals(first: 5) { totalCount } }' };
    const asEditor = await api.post(PROPOSALS, AS_EDITOR.headers);
    expect(JSON.parse(asEditor.text)).toMatchObject({
      data: { proposals: { totalCount: expect.any(Number) } },
    });
    expect(await api.post(PROPOSALS, AS_EDITOR.headers)).toStrictEqual(asEditor); // kept for editors
    const anonymous = await api.post(PROPOSALS);
    expect(anonymous.text).not.toBe(asEditor.text);
    expect(
      (JSON.parse(anonymous.text) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
        .code,
    ).toBe('UNAUTHENTICATED');
    expect(cacheLog(api, 3)).toStrictEqual(['miss', 'hit', 'miss']);
  });

  it('is bounded by entries and by bytes, the least recently used going first', async () => {
    const small = await startApi(await withSeed(new MemoryStore()), { READ_CACHE_ENTRIES: '2' });
    try {
      const ask = (id: string) => small.post({ query: ENTITY, variables: { id } });
      await ask('lynas');
      await ask('mp-materials');
      await ask('lynas'); // mp-materials is now the least recently used
      await ask('china'); // a third entry: mp-materials goes
      await ask('lynas');
      await ask('china');
      await ask('mp-materials');
      expect(cacheLog(small, 7)).toStrictEqual(['miss', 'miss', 'hit', 'miss', 'hit', 'hit', 'miss']);
      expect(small.app.readCache!.stats().entries).toBe(2);
    } finally {
      await small.close();
    }
    const tight = await startApi(await withSeed(new MemoryStore()), {
      READ_CACHE_ENTRIES: '100',
      READ_CACHE_MAX_BYTES: '1000',
    });
    try {
      const ask = (id: string) => tight.post({ query: ENTITY, variables: { id } });
      for (const id of ['lynas', 'mp-materials', 'china', 'lynas-malaysia', 'lynas-kalgoorlie'])
        await ask(id);
      const { entries, bytes } = tight.app.readCache!.stats();
      expect(bytes).toBeLessThanOrEqual(1000);
      expect(entries).toBeGreaterThan(0);
      expect(entries).toBeLessThan(5);
      // The newest is held, the oldest was dropped.
      await ask('lynas-kalgoorlie');
      await ask('lynas');
      expect(cacheLog(tight, 2)).toStrictEqual(['hit', 'miss']);
    } finally {
      await tight.close();
    }
  });

  it('on one connection, a credential is checked again whenever the header changes, and a JWT on every request (it expires)', async () => {
    // One keep-alive connection: the front door remembers per connection the last header's check.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ask = (authorization?: string) =>
      new Promise<{ status: number; port: number; text: string }>((resolve, reject) => {
        const body = JSON.stringify({ query: ENTITY, variables: { id: 'iluka' } });
        const req = request(
          api.url,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              ...(authorization && { authorization }),
            },
          },
          (res) => {
            const parts: Buffer[] = [];
            res.on('data', (c: Buffer) => parts.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode!,
                port: req.socket!.localPort!,
                text: Buffer.concat(parts).toString(),
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      const key = await ask(`Bearer ${EDITOR_KEY}`);
      const keyAgain = await ask(`Bearer ${EDITOR_KEY}`);
      const wrongKey = await ask(`Bearer ${EDITOR_KEY}x`);
      const anonymous = await ask();
      // Valid for about one more second (the verifier allows CLOCK_SKEW_SECONDS past exp).
      const jwt = `Bearer ${signedJwt({ sub: 'carol', role: 'editor', exp: Math.floor(Date.now() / 1000) - CLOCK_SKEW_SECONDS + 1 })}`;
      const fresh = await ask(jwt);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const expired = await ask(jwt);
      expect(new Set([key, keyAgain, wrongKey, anonymous, fresh, expired].map((r) => r.port)).size).toBe(1);
      // Reads are public: a refused credential is answered as anonymous, never from the cache, and logged.
      for (const r of [key, keyAgain, wrongKey, anonymous, fresh, expired]) {
        expect(r.status).toBe(200);
        expect(r.text).toBe(key.text);
      }
      const lines = api.log.filter((l) => l.msg === 'request').slice(-6);
      expect(lines.map((l) => [l.readCache ?? 'none', l.client, l.authRefusal])).toStrictEqual([
        ['miss', 'api-key:alice', undefined],
        ['hit', 'api-key:alice', undefined],
        ['none', expect.stringMatching(/^ip:/), 'api-key: no configured key matches'],
        ['miss', expect.stringMatching(/^ip:/), undefined], // entries are per role
        ['hit', 'jwt:carol', undefined], // an editor, as alice is
        ['none', expect.stringMatching(/^ip:/), expect.stringMatching(/^jwt: ERR_JWT_EXPIRED/)],
      ]);
    } finally {
      agent.destroy();
    }
  });

  it('a hit is charged to the rate limit as a miss is: the same number of answers before 429', async () => {
    const answered = async (env: NodeJS.ProcessEnv) => {
      const limited = await startApi(await withSeed(new MemoryStore()), {
        RATE_LIMIT_PER_MINUTE: '1',
        RATE_LIMIT_BURST: '20',
        ...env,
      });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 30 && !statuses.includes(429); i++)
          statuses.push((await limited.post({ query: ENTITY, variables: { id: 'lynas' } })).status);
        return { statuses, log: cacheLog(limited, statuses.length) };
      } finally {
        await limited.close();
      }
    };
    const cached = await answered({ READ_CACHE_ENTRIES: '10' });
    const uncached = await answered({});
    expect(cached.statuses).toStrictEqual(uncached.statuses);
    expect(cached.statuses.at(-1)).toBe(429);
    expect(cached.statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
    expect(cached.log.slice(0, 3)).toStrictEqual(['miss', 'hit', 'hit']);
  });
});

describe('read cache on two API instances over one Neo4j database', () => {
  /** READ_CACHE_SEQUENCE_POLL_MS here: the bound within which an instance that did not write sees a write. */
  const BOUND_MS = 1500;
  /** Time for the sequence read and the query themselves once the bound has passed. */
  const MARGIN_MS = 1000;
  let stores: Neo4jStore[] = [];
  let a: Api;
  let b: Api;
  beforeAll(async () => {
    await resetForTests(NEO4J_URI);
    stores = [await createNeo4jStore({ uri: NEO4J_URI }), await createNeo4jStore({ uri: NEO4J_URI })];
    await stores[0]!.loadSeed(FIXTURE_ENTITIES, [...FIXTURE_RELATIONSHIPS]);
    const env = {
      ...WRITE_ENV,
      NEO4J_URI,
      READ_CACHE_ENTRIES: '100',
      READ_CACHE_SEQUENCE_POLL_MS: String(BOUND_MS),
    };
    a = await startApi(stores[0]!, env);
    b = await startApi(stores[1]!, env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const s of stores) await s.close();
  });

  it('a write on A is read back at once on A, and seen on B within READ_CACHE_SEQUENCE_POLL_MS', async () => {
    const ask = (api: Api) => api.post({ query: ENTITY, variables: { id: 'lynas' } });
    // Both instances hold the answer (the second request of each is a hit).
    const bStarted = Date.now();
    const old = await ask(b);
    for (const api of [a, a, b]) expect((await ask(api)).text).toBe(old.text);
    expect([cacheLog(a, 2), cacheLog(b, 2)]).toStrictEqual([
      ['miss', 'hit'],
      ['miss', 'hit'],
    ]);
    expect(description(old.text)).toBeNull();

    await write(a, 'lynas', 'written on A');
    const written = Date.now();
    // The writer reads its own write at once.
    expect(description((await ask(a)).text)).toBe('written on A');
    expect(cacheLog(a, 1)).toStrictEqual(['miss']);

    // B: the old answer or the new one until the bound, the new one after it.
    const seen: { at: number; value: string | null }[] = [];
    for (;;) {
      const at = Date.now();
      seen.push({ at, value: description((await ask(b)).text) });
      if (at - written > BOUND_MS + MARGIN_MS) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const s of seen) expect([null, 'written on A']).toContain(s.value);
    // Every request B began more than the bound after the write was done answered fresh, and
    // once fresh, never stale again.
    const late = seen.filter((s) => s.at > written + BOUND_MS);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((s) => s.value === 'written on A')).toBe(true);
    const firstFresh = seen.findIndex((s) => s.value === 'written on A');
    expect(seen.slice(firstFresh).every((s) => s.value === 'written on A')).toBe(true);
    // B's number was read when its first request came, less than the bound before the write was
    // done: its first answer after the write came from the cache, stale (the cache really served it).
    if (seen[0]!.at - bStarted < BOUND_MS) expect(seen[0]!.value).toBeNull();
    expect(b.log.filter((l) => l.msg === 'request' && l.readCache === 'hit').length).toBeGreaterThan(1);

    // And the other way round: B reads its own write at once, A within the bound.
    await write(b, 'lynas', 'written on B');
    const writtenOnB = Date.now();
    expect(description((await ask(b)).text)).toBe('written on B');
    let onA: string | null;
    while ((onA = description((await ask(a)).text)) !== 'written on B') {
      expect(onA).toBe('written on A');
      expect(Date.now() - writtenOnB).toBeLessThanOrEqual(BOUND_MS + MARGIN_MS);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});
