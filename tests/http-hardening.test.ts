import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../src/domain/entity.js';
import { hashApiKey } from '../src/server/auth.js';
import { TokenBuckets } from '../src/server/rate-limit.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { withSeed } from './support/stores.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';

const KEY = 'alice-key-0123456789abcdefghij';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The seed in a real embedded store; "boom" fails like a driver would, "slowpoke" answers after 1.5 s. */
class SeededStore extends MemoryStore {
  override async getEntities(ids: readonly string[]): Promise<(Entity | null)[]> {
    if (ids.includes('boom')) throw new Error('Neo.ClientError.Statement.SyntaxError: MATCH (n) secret');
    if (ids.includes('slowpoke')) await new Promise((resolve) => setTimeout(resolve, 1500));
    return super.getEntities(ids.map((id) => (id === 'slowpoke' ? 'china' : id)));
  }
}

const seeded = () => withSeed(new SeededStore());

/** Runs `test` against a server started with `env`, closing it afterwards. */
async function withServer(
  env: NodeJS.ProcessEnv,
  test: (api: TestServer) => Promise<void>,
  logger?: pino.Logger,
): Promise<void> {
  const api = await startTestServer(await seeded(), env, logger ? { logger } : {});
  try {
    await test(api);
  } finally {
    await api.close();
  }
}

describe('CSRF prevention', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(await seeded());
  });
  afterAll(() => api.close());

  it('answers a simple GET query (no preflight header) and refuses a text/plain POST with 4xx and a correlation id', async () => {
    const get = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('{ entity(id: "china") { name } }')}`,
    );
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { entity: { name: 'China' } } });

    // A mutation over GET (405) and other form-style POSTs: tests/clients/defaults.test.ts.
    const post = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(post.status).toBeLessThan(500);
    const body: any = await post.json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toMatchObject({ correlationId: post.headers.get('x-request-id') });
  });

  it('refuses a JSON POST without a query (before any resolver runs) with 400 BAD_REQUEST and the correlation id', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'no-query-0001' },
      body: JSON.stringify({ variables: {} }),
    });
    expect(res.status).toBe(400);
    const body: any = await res.json();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', correlationId: 'no-query-0001' });
  });

  it('serves a GET query that carries apollo-require-preflight, and a JSON POST', async () => {
    const get = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('{ entity(id: "china") { name } }')}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { entity: { name: 'China' } } });
    expect(await api.data('{ entity(id: "china") { name } }')).toEqual({ entity: { name: 'China' } });
  });

  it('answers a body that is not JSON with 400 BAD_REQUEST, GraphQL-shaped', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [
        {
          message: 'The request body is not valid JSON.',
          extensions: { code: 'BAD_REQUEST', correlationId: res.headers.get('x-request-id') },
        },
      ],
    });
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });

  it('allows only the configured origins', async () => {
    await withServer({ CORS_ORIGINS: 'https://app.example.org, http://localhost:5173' }, async (api) => {
      const allowed = await preflight(api.url, 'https://app.example.org');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
      expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(allowed.headers.get('access-control-allow-methods')).toBe('GET,POST');
      const denied = await preflight(api.url, 'https://evil.example');
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
      const post = await api.gql('{ __typename }', {}, { headers: { origin: 'http://localhost:5173' } });
      expect(post.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(post.headers.get('access-control-expose-headers')).toContain('x-request-id');
    });
  });

  it('allows no cross-origin caller when CORS_ORIGINS is unset', async () => {
    await withServer({}, async (api) => {
      expect(
        (await preflight(api.url, 'https://app.example.org')).headers.get('access-control-allow-origin'),
      ).toBeNull();
    });
  });
});

describe('introspection and field suggestions', () => {
  const introspect = '{ __schema { queryType { name } } }';
  const typo = '{ entity(id: "china") { nam } }';

  it('are on outside production', async () => {
    await withServer({}, async (api) => {
      expect(await api.data(introspect)).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect((await api.gql(typo)).body.errors?.[0]?.message).toBe(
        'Cannot query field "nam" on type "Entity". Did you mean "name"?',
      );
    });
  });

  it('are off in production, and INTROSPECTION / FIELD_SUGGESTIONS turn them back on', async () => {
    await withServer({ NODE_ENV: 'production' }, async (api) => {
      const res = await api.gql(introspect);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
      expect((await api.gql(typo)).body.errors?.[0]).toMatchObject({
        message: 'Cannot query field "nam" on type "Entity".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    });
    await withServer(
      { NODE_ENV: 'production', INTROSPECTION: 'true', FIELD_SUGGESTIONS: 'true' },
      async (api) => {
        expect(await api.data(introspect)).toEqual({ __schema: { queryType: { name: 'Query' } } });
        expect((await api.gql(typo)).body.errors?.[0]?.message).toMatch(/Did you mean "name"\?$/);
      },
    );
  });
});

describe('rate limit', () => {
  it('refuses a client beyond its burst with 429, Retry-After and RATE_LIMITED; others and health checks are not affected', async () => {
    await withServer(
      { RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '2', API_KEYS: `alice:${hashApiKey(KEY)}` },
      async (api) => {
        expect((await api.gql('{ __typename }')).status).toBe(200);
        expect((await api.gql('{ __typename }')).status).toBe(200);
        const limited = await api.gql('{ __typename }');
        expect(limited.status).toBe(429);
        const wait = Number(limited.headers.get('retry-after'));
        expect(wait).toBeGreaterThanOrEqual(1);
        expect(wait).toBeLessThanOrEqual(60);
        expect(limited.body).toEqual({
          errors: [
            {
              message: `Too many requests; retry after ${wait} s.`,
              extensions: { code: 'RATE_LIMITED', correlationId: limited.headers.get('x-request-id') },
            },
          ],
        });
        // An identified caller is its own client, whatever its address.
        expect(
          (await api.gql('{ __typename }', {}, { headers: { authorization: `Bearer ${KEY}` } })).status,
        ).toBe(200);
        expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
        expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
      },
    );
  });

  it('refills at the configured rate (token bucket, clock under test control)', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, 2, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 1]);
    expect(buckets.take('b')).toBe(0);
    now += 1000;
    expect([buckets.take('a'), buckets.take('a')]).toEqual([0, 1]);
    now += 60_000;
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 1]);
  });
});

describe('request log and errors', () => {
  it('logs one line per request with requestId, operationName, status, duration and client; unexpected errors are logged under the same id', async () => {
    const lines: Record<string, any>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    await withServer(
      { API_KEYS: `alice:${hashApiKey(KEY)}` },
      async (api) => {
        const ok = await api.gql(
          'query Who { entity(id: "china") { name } }',
          {},
          { headers: { authorization: `Bearer ${KEY}`, 'x-request-id': 'trace-0001-abc' } },
        );
        expect(ok.headers.get('x-request-id')).toBe('trace-0001-abc');
        await vi.waitFor(() =>
          expect(lines.find((l) => l.requestId === 'trace-0001-abc' && l.msg === 'request')).toBeDefined(),
        );
        const line = lines.find((l) => l.requestId === 'trace-0001-abc' && l.msg === 'request')!;
        expect(line).toMatchObject({
          method: 'POST',
          path: '/graphql',
          operationName: 'Who',
          status: 200,
          client: 'api-key:alice',
        });
        expect(typeof line.durationMs).toBe('number');

        const failed = await api.gql('query Boom { entity(id: "boom") { id } }');
        const id = failed.headers.get('x-request-id')!;
        expect(id).toMatch(UUID);
        expect(failed.status).toBe(500);
        expect(failed.body.errors?.[0]).toEqual({
          message: 'Internal server error',
          path: ['entity'],
          extensions: { code: 'INTERNAL', correlationId: id },
        });
        await vi.waitFor(() =>
          expect(lines.find((l) => l.requestId === id && l.msg === 'request')).toBeDefined(),
        );
        expect(lines.find((l) => l.requestId === id && l.msg === 'request')).toMatchObject({
          operationName: 'Boom',
          status: 500,
          client: 'ip:127.0.0.1',
          errorCodes: ['INTERNAL'],
        });
        const logged = lines.find((l) => l.requestId === id && l.msg === 'unexpected error');
        expect(logged?.err?.message).toMatch(/secret/);
      },
      pino({ level: 'info' }, sink),
    );
  });

  it('resolves no field and makes no store call once REQUEST_TIMEOUT_MS has passed: one TIMEOUT, HTTP 504', async () => {
    await withServer({ REQUEST_TIMEOUT_MS: '1000' }, async (api) => {
      const res = await api.gql(
        '{ entity(id: "slowpoke") { name relationships(first: 1) { nodes { id } } } }',
      );
      expect(res.status).toBe(504);
      // The entity arrived past the deadline: it is not used (nothing below it resolves) and reports the TIMEOUT.
      expect(res.body.data).toEqual({ entity: null });
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors?.[0]).toMatchObject({
        message: 'The request took longer than 1000 ms (REQUEST_TIMEOUT_MS).',
        path: ['entity'],
        extensions: { code: 'TIMEOUT' },
      });
    });
  });
});
