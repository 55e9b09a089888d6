import { createServer, type RequestListener, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_KEY, signedJwt, WRITE_ENV } from '../scripts/support/credentials.js';
import { createApp, type App } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { collectingLogger } from './support/log-lines.js';
import { withSeed } from './support/stores.js';

/*
 * JSON POSTs to /graphql skip Express (src/server/graphql-lane.ts). Two apps with the same
 * settings on two copies of the seed: one served as main.ts serves it (the lane in front of
 * Express), the other as the Express application alone. Every request goes to both, in the same
 * order, and must get the same status, headers and body (the date and correlation ids aside) and
 * the same request log line; the lane's counts say which way it went.
 */

const ORIGIN = 'https://app.example.org';
const ENV = {
  ...WRITE_ENV,
  CORS_ORIGINS: ORIGIN,
  RATE_LIMIT_PER_MINUTE: '60',
  RATE_LIMIT_BURST: '400',
  BODY_LIMIT_BYTES: '2000',
};

interface Served {
  app: App;
  url: string;
  log: Record<string, unknown>[];
  close(): Promise<void>;
}

async function serve(env: NodeJS.ProcessEnv, listener: (app: App) => RequestListener): Promise<Served> {
  const { logger, lines: log } = collectingLogger();
  const store = await withSeed(new MemoryStore());
  const app = await createApp(store, loadConfig({ NODE_ENV: 'test', ...env }), logger);
  const server: Server = createServer(listener(app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    app,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.apollo.stop();
    },
  };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  log: Record<string, unknown>;
}

const PER_REQUEST = new Set(['date', 'x-request-id']);

/** Sends one request and returns what came back, with the correlation id (header, body, log) and the duration masked. */
async function send(served: Served, path: string, init: RequestInit): Promise<Answer> {
  const logged = served.log.length;
  const res = await fetch(served.url + path, init);
  const id = res.headers.get('x-request-id') ?? '';
  const body = (await res.text()).replaceAll(id, '<id>');
  const headers = Object.fromEntries([...res.headers].filter(([name]) => !PER_REQUEST.has(name)));
  // The log line is written when the response closes.
  for (let i = 0; served.log.length === logged && i < 100; i++) await new Promise((r) => setTimeout(r, 5));
  const log = { ...served.log.at(-1)! };
  expect(log.requestId).toBe(id);
  for (const varying of ['time', 'durationMs', 'requestId', 'pid', 'hostname']) delete log[varying];
  return { status: res.status, headers, body, log };
}

/** Sends a JSON POST's headers, declaring a body it never sends, and returns the first line of the answer (or "no answer" after 3 s). */
function headOnly(served: Served): Promise<string> {
  const { hostname, port } = new URL(served.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(
        'POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 50\r\n\r\n',
      ),
    );
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('no answer');
    }, 3000);
    socket.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(chunk.toString('latin1').split('\r\n')[0]!);
    });
    socket.once('error', reject);
  });
}

const post = (body: string | Uint8Array, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});
const query = (text: string, variables?: Record<string, unknown>) =>
  JSON.stringify({ query: text, variables });

const ENTITY = 'query($id: ID!) { entity(id: $id) { id name ... on Country { iso2 } } }';

/** Requests the lane answers itself, and requests it hands to Express: [name, path, request, lane?]. */
const CASES: [string, string, RequestInit, 'direct' | 'app'][] = [
  ['a query', '/graphql', post(query(ENTITY, { id: 'china' })), 'direct'],
  ['a query naming an unknown entity', '/graphql', post(query(ENTITY, { id: 'atlantis' })), 'direct'],
  ['a bad variable', '/graphql', post(query(ENTITY, { id: 7 })), 'direct'],
  ['a field that does not exist', '/graphql', post(query('{ entity(id: "china") { nope } }')), 'direct'],
  ['a body without a query', '/graphql', post('{}'), 'direct'],
  ['a batch (refused)', '/graphql', post(`[${query('{ __typename }')}]`), 'direct'],
  [
    'a JSON body with a charset',
    '/graphql',
    post(query('{ __typename }'), { 'content-type': 'application/json; charset=utf-8' }),
    'direct',
  ],
  ['an allowed origin', '/graphql', post(query(ENTITY, { id: 'japan' }), { origin: ORIGIN }), 'direct'],
  [
    'an origin not allowed',
    '/graphql',
    post(query(ENTITY, { id: 'japan' }), { origin: 'https://evil.example' }),
    'direct',
  ],
  [
    'an API key',
    '/graphql',
    post(query('{ __typename }'), { authorization: `Bearer ${EDITOR_KEY}` }),
    'direct',
  ],
  [
    'a JWT',
    '/graphql',
    post(query('{ __typename }'), { authorization: `Bearer ${signedJwt({ sub: 'jo', role: 'viewer' })}` }),
    'direct',
  ],
  [
    'a refused credential',
    '/graphql',
    post(query('{ __typename }'), { authorization: 'Bearer not-a-key' }),
    'direct',
  ],
  [
    'a write without a credential',
    '/graphql',
    post(
      query(
        'mutation { upsertEntity(input: { id: "china", kind: COUNTRY, name: "X" }, note: "x") { audit { sequence } } }',
      ),
    ),
    'direct',
  ],
  [
    "an editor's write",
    '/graphql',
    post(
      query(
        'mutation { upsertEntity(input: { id: "lane-test", kind: ORGANIZATION, name: "Lane" }, note: "lane") { audit { sequence action } } }',
      ),
      { authorization: `Bearer ${EDITOR_KEY}` },
    ),
    'direct',
  ],
  ['invalid JSON', '/graphql', post('{"query": '), 'app'],
  ['a JSON string', '/graphql', post('"{ __typename }"'), 'app'],
  ['JSON null', '/graphql', post('null'), 'app'],
  [
    'a byte-order mark',
    '/graphql',
    post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(query('{ __typename }'))])),
    'app',
  ],
  [
    'another charset',
    '/graphql',
    post(query('{ __typename }'), { 'content-type': 'application/json; charset=latin1' }),
    'app',
  ],
  [
    'another content type',
    '/graphql',
    post(query('{ __typename }'), { 'content-type': 'text/plain' }),
    'app',
  ],
  ['a body over the limit', '/graphql', post(query(`{ __typename } # ${'x'.repeat(2100)}`)), 'app'],
  ['a query string', '/graphql?debug=1', post(query('{ __typename }')), 'app'],
  [
    'a GET',
    `/graphql?query=${encodeURIComponent('{ entity(id: "china") { name } }')}`,
    { headers: { accept: 'application/json' } },
    'app',
  ],
  [
    'a preflight',
    '/graphql',
    { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } },
    'app',
  ],
  ['another path', '/health/live', {}, 'app'],
];

describe('the /graphql lane (JSON POSTs without Express)', () => {
  let lane: Served;
  let express: Served;

  beforeAll(async () => {
    [lane, express] = await Promise.all([serve(ENV, (app) => app.handler), serve(ENV, (app) => app.app)]);
  });
  afterAll(async () => {
    await Promise.all([lane?.close(), express?.close()]);
  });

  it.each(CASES)('answers %s as Express does', async (_name, path, init, way) => {
    const before = { ...lane.app.lane };
    const direct = await send(lane, path, init);
    const viaExpress = await send(express, path, init);
    expect(direct).toEqual(viaExpress);
    expect(lane.app.lane.direct - before.direct).toBe(way === 'direct' ? 1 : 0);
    expect(lane.app.lane.app - before.app).toBe(way === 'app' ? 1 : 0);
  });

  it('answers a real query from the seed by value', async () => {
    const answer = await send(lane, '/graphql', post(query(ENTITY, { id: 'china' })));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { entity: { id: 'china', name: 'China', iso2: 'CN' } } });
    expect(answer.log).toMatchObject({ method: 'POST', path: '/graphql', status: 200 });
  });

  it('refuses past the rate limit with the same 429 and Retry-After', async () => {
    const env = { ...ENV, RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '2' };
    const [a, b] = await Promise.all([serve(env, (app) => app.handler), serve(env, (app) => app.app)]);
    try {
      const asked = post(query('{ __typename }'));
      const answers: [Answer, Answer][] = [];
      for (let i = 0; i < 3; i++)
        answers.push([await send(a, '/graphql', asked), await send(b, '/graphql', asked)]);
      for (const [direct, viaExpress] of answers) expect(direct).toEqual(viaExpress);
      expect(answers.map(([direct]) => direct.status)).toEqual([200, 200, 429]);
      expect(answers[2]![0].headers['retry-after']).toMatch(/^[1-9][0-9]*$/);
      expect(a.app.lane).toEqual({ direct: 3, app: 0 });
      // An empty bucket is refused before the body is read: a request whose body never comes is answered.
      for (const served of [a, b]) expect(await headOnly(served)).toMatch(/^HTTP\/1\.1 429 /);
      // A body the lane hands to Express after taking the first point is not charged twice.
      const c = await serve(env, (app) => app.handler);
      try {
        expect((await send(c, '/graphql', post('{"query": '))).status).toBe(400);
        expect((await send(c, '/graphql', asked)).status).toBe(200);
        expect((await send(c, '/graphql', asked)).status).toBe(429);
        expect(c.app.lane).toEqual({ direct: 2, app: 1 });
      } finally {
        await c.close();
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('leaves every request to Express behind a proxy (TRUST_PROXY: the client address is its to work out)', async () => {
    const behind = await serve({ ...ENV, TRUST_PROXY: '1' }, (app) => app.handler);
    try {
      const answer = await send(
        behind,
        '/graphql',
        post(query(ENTITY, { id: 'china' }), { 'x-forwarded-for': '203.0.113.9' }),
      );
      expect(answer.status).toBe(200);
      expect(answer.log.client).toBe('ip:203.0.113.9');
      expect(behind.app.lane).toEqual({ direct: 0, app: 1 });
    } finally {
      await behind.close();
    }
  });
});
