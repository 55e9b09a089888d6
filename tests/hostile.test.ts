import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../src/domain/entity.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { withSeed } from './support/stores.js';
import { startTestServer, type GqlResponse, type TestServer } from '../scripts/support/test-server.js';

/** The seed in a real embedded store; "slowpoke" is China, answered after 1.5 s. */
class SlowStore extends MemoryStore {
  calls = 0;
  override async getEntities(ids: readonly string[]): Promise<(Entity | null)[]> {
    this.calls++;
    if (ids.includes('slowpoke')) await new Promise((resolve) => setTimeout(resolve, 1500));
    return super.getEntities(ids.map((id) => (id === 'slowpoke' ? 'china' : id)));
  }
}

/** The report: 15 aliases of three nested `relationships(first: $n)`, depth 10 (about 2.6 KB). */
function hostileQuery(): string {
  let inner = 'relationships(first: $n) { nodes { id type } }';
  for (let i = 0; i < 2; i++) inner = `relationships(first: $n) { nodes { to { ${inner} } } }`;
  return `query Heavy($n: Int) { ${Array.from({ length: 15 }, (_, i) => `a${i}: entity(id: "china") { ${inner} }`).join(' ')} }`;
}

const NORMAL = '{ entity(id: "china") { name kind } }';

function expectError(res: GqlResponse, status: number, code: string, message: RegExp): void {
  expect(res.status).toBe(status);
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
  expect(res.body.errors?.[0]?.message).toMatch(message);
}

/** Runs `test` against a server over `store` started with `env`, closing it afterwards. */
async function withServer(
  env: NodeJS.ProcessEnv,
  test: (api: TestServer) => Promise<void>,
  store?: MemoryStore,
  logger?: pino.Logger,
): Promise<void> {
  const api = await startTestServer(
    store ?? (await withSeed(new MemoryStore())),
    env,
    logger ? { logger } : {},
  );
  try {
    await test(api);
  } finally {
    await api.close();
  }
}

describe('hostile requests beside normal traffic (defaults)', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(await withSeed(new MemoryStore()));
  });
  afterAll(() => api.close());

  it('refuses the 15-alias nested query with {n: 100} as QUERY_TOO_COMPLEX while normal queries and /health/live answer', async () => {
    const heavy = Array.from({ length: 6 }, () => api.gql(hostileQuery(), { n: 100 }));
    const normal = Array.from({ length: 6 }, () => api.gql(NORMAL));
    const live = fetch(`${api.url}/health/live`);
    for (const res of await Promise.all(heavy)) {
      expectError(res, 400, 'QUERY_TOO_COMPLEX', /^Query cost limit of 20000 exceeded, found \d+\.$/);
      expect(res.body.data).toBeUndefined();
    }
    for (const res of await Promise.all(normal))
      expect(res.body).toEqual({ data: { entity: { name: 'China', kind: 'COUNTRY' } } });
    expect((await live).status).toBe(200);
  });

  it('refuses the same query the same way whether `first` is a literal or a variable', async () => {
    const literal = await api.gql(
      hostileQuery().replace('query Heavy($n: Int)', 'query Heavy').replaceAll('$n', '100'),
    );
    const variable = await api.gql(hostileQuery(), { n: 100 });
    expect(literal.body.errors?.[0]?.message).toBe(variable.body.errors?.[0]?.message);
    expect(literal.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers a small page of the same shape ({n: 2}) in full', async () => {
    const res = await api.gql(hostileQuery(), { n: 2 });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(Object.keys(res.body.data ?? {})).toHaveLength(15);
  });
});

describe('answers bounded while they are built', () => {
  it('stops past MAX_RESULT_OBJECTS with RESPONSE_TOO_LARGE, HTTP 400 and no partial data', async () => {
    await withServer({ MAX_RESULT_OBJECTS: '50' }, async (api) => {
      const res = await api.gql('{ entities(first: 100) { nodes { id } } }');
      expectError(
        res,
        400,
        'RESPONSE_TOO_LARGE',
        /^The answer holds more than 50 entities and relationships \(MAX_RESULT_OBJECTS\); ask for fewer\.$/,
      );
      expect(res.body.data).toBeNull();
      expect(res.body.errors?.[0]?.extensions?.correlationId).toBe(res.headers.get('x-request-id'));
      // Within the cap, the same server answers.
      expect(
        (await api.gql('{ entities(first: 40) { nodes { id } } }')).body.data?.entities.nodes,
      ).toHaveLength(40);
    });
  });

  it('stops a query that passes the cost check past MAX_RESPONSE_BYTES, with RESPONSE_TOO_LARGE', async () => {
    await withServer({ MAX_RESPONSE_BYTES: '3000' }, async (api) => {
      const res = await api.gql(hostileQuery(), { n: 2 });
      expectError(
        res,
        400,
        'RESPONSE_TOO_LARGE',
        /^The answer is larger than 3000 bytes \(MAX_RESPONSE_BYTES\)/,
      );
      expect(res.body.data).toBeNull();
      expect(await api.data(NORMAL)).toEqual({ entity: { name: 'China', kind: 'COUNTRY' } });
    });
  });

  it('stops resolvers and loaders at the deadline: TIMEOUT, 504, the data resolved before it kept', async () => {
    const store = await withSeed(new SlowStore());
    await withServer(
      { REQUEST_TIMEOUT_MS: '1000' },
      async (api) => {
        const before = store.calls;
        const res = await api.gql(
          '{ __typename slow: entity(id: "slowpoke") { name relationships(first: 1) { nodes { to { name } } } } }',
        );
        expect(res.status).toBe(504);
        expect(res.body.data).toEqual({ __typename: 'Query', slow: null });
        expect(res.body.errors).toHaveLength(1);
        expect(res.body.errors?.[0]).toMatchObject({
          path: ['slow'],
          extensions: { code: 'TIMEOUT' },
        });
        // The one entity load; nothing after the deadline: the entity arrived past it and nothing below it resolved.
        expect(store.calls - before).toBe(1);
      },
      store,
    );
  });
});

describe('deeply nested variables', () => {
  it('refuse 9,000 levels (18-54 KB) with 400 VARIABLES_TOO_DEEP, logging no error', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    await withServer(
      {},
      async (api) => {
        const query =
          'query ($ex: [ID!]!) { supplyRisk(material: "dysprosium", stage: SEPARATION, excluding: $ex) { hhi } }';
        // Written by hand: JSON.stringify itself overflows the stack on values this deep.
        for (const [open, close] of [
          ['[', ']'],
          ['{"a":', '}'],
        ] as const) {
          const body = `{"query":${JSON.stringify(query)},"variables":{"ex":${open.repeat(9000)}"china"${close.repeat(9000)}}}`;
          const res = await fetch(`${api.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          expectError(
            { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse['body'] },
            400,
            'VARIABLES_TOO_DEEP',
            /^The variables are nested more than 16 levels deep \(MAX_VARIABLE_DEPTH\)\.$/,
          );
        }
        expect(
          (
            await api.gql(
              'query ($ex: [ID!]!) { supplyRisk(material: "dysprosium", stage: SEPARATION, excluding: $ex) { hhi } }',
              { ex: ['china'] },
            )
          ).status,
        ).toBe(200);
      },
      undefined,
      pino({ level: 'info' }, sink),
    );
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
    expect(lines.filter((l) => l.msg === 'request').map((l) => l.status)).toEqual([400, 400, 200]);
  });
});

describe('rate limit by cost', () => {
  it('charges each operation its cost: a cheap one passes where a costly one is refused with 429 and Retry-After', async () => {
    await withServer({ RATE_LIMIT_PER_MINUTE: '600', RATE_LIMIT_BURST: '150' }, async (api) => {
      // 1 + 1 + 100 = 102 of the 150
      expect((await api.gql('{ entities(first: 100) { nodes { id } } }')).status).toBe(200);
      const refused = await api.gql('{ entities(first: 100) { nodes { id } } }');
      expectError(refused, 429, 'RATE_LIMITED', /^This operation costs 102; retry after \d+ s\.$/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await api.data(NORMAL)).toEqual({ entity: { name: 'China', kind: 'COUNTRY' } });
    });
  });
});
