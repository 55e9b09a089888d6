import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../src/domain/entity.js';
import {
  ForbiddenError,
  RateLimitedError,
  TimeoutError,
  UnauthenticatedError,
  UnavailableError,
} from '../src/domain/errors.js';
import { createAuthenticator, hashApiKey, readAuthConfig, writesEnabled } from '../src/server/auth.js';
import { ConfigError } from '../src/server/config.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { signToken } from '../scripts/support/credentials.js';
import { withSeed } from './support/stores.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';

const ALICE_KEY = 'alice-key-0123456789abcdefghij';
const BOB_KEY = 'bob-key-0123456789abcdefghijklm';
const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const AUDIENCE = 'graph-api';
const NOW = Date.UTC(2025, 10, 2, 12, 0, 0);
const NOW_S = NOW / 1000;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (
  claims: Record<string, unknown>,
  alg: 'HS256' | 'RS256' | 'ES256' | 'none' = 'HS256',
  key: string | KeyObject = SECRET,
  header: Record<string, unknown> = {},
) => signToken(claims, alg, key, header);

const editor = { sub: 'carol', role: 'editor', exp: NOW_S + 600, aud: AUDIENCE };
const bearer = (token: string) => `Bearer ${token}`;
/** What every refused token looks like to the caller: the reason is only in `refusal`, for the log. */
const refusedBecause = (reason: RegExp) => ({
  caller: { kind: 'rejected', reason: 'invalid token' },
  refusal: expect.stringMatching(reason) as unknown,
});

describe('authenticate with API keys', () => {
  const auth = createAuthenticator(
    readAuthConfig({ API_KEYS: `alice:${hashApiKey(ALICE_KEY)}, bob:${hashApiKey(BOB_KEY).toUpperCase()}` }),
  );

  it('identifies each key holder as an editor, by the name configured for the key', async () => {
    expect(await auth(bearer(ALICE_KEY))).toEqual({
      caller: { kind: 'identified', id: 'alice', role: 'editor', method: 'api-key' },
    });
    expect(await auth(`bearer   ${BOB_KEY}`)).toEqual({
      caller: { kind: 'identified', id: 'bob', role: 'editor', method: 'api-key' },
    });
  });

  it('is anonymous without a header, and rejects a wrong key as "invalid token" and a malformed header with the expected form', async () => {
    expect(await auth(undefined)).toEqual({ caller: { kind: 'anonymous' } });
    expect(await auth('')).toEqual({ caller: { kind: 'anonymous' } });
    expect(await auth(bearer(`${ALICE_KEY}x`))).toEqual(
      refusedBecause(/^api-key: no configured key matches$/),
    );
    for (const header of [
      ALICE_KEY,
      `Basic ${ALICE_KEY}`,
      'Bearer',
      `Bearer ${ALICE_KEY} extra`,
      `Bearer ${'x'.repeat(9000)}`,
    ]) {
      expect((await auth(header)).caller).toEqual({
        kind: 'rejected',
        reason: 'the Authorization header must be "Bearer <token>"',
      });
    }
  });

  it('hashes keys as hex SHA-256 (what `npm run hash-key` prints)', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('authenticate with HS256 tokens', () => {
  const auth = createAuthenticator(
    readAuthConfig({ JWT_SECRET: SECRET, JWT_ISSUER: 'https://issuer.test', JWT_AUDIENCE: AUDIENCE }),
    () => NOW,
  );
  const good = { ...editor, iss: 'https://issuer.test', aud: ['other', AUDIENCE] };

  it('identifies the subject with the role claim as given', async () => {
    expect(await auth(bearer(jwt(good)))).toEqual({
      caller: {
        kind: 'identified',
        id: 'carol',
        issuer: 'https://issuer.test',
        role: 'editor',
        method: 'jwt',
      },
    });
    // A known caller with another role: identified, and the write rule (FORBIDDEN) decides.
    expect(await auth(bearer(jwt({ ...good, role: 'viewer' })))).toEqual({
      caller: {
        kind: 'identified',
        id: 'carol',
        issuer: 'https://issuer.test',
        role: 'viewer',
        method: 'jwt',
      },
    });
  });

  it.each([
    [
      'a signature made with another secret',
      jwt(good, 'HS256', 'another-secret-of-at-least-32-bytes!'),
      /signature verification failed/,
    ],
    [
      'a payload changed after signing',
      (() => {
        const [h, , s] = jwt(good).split('.');
        return `${h}.${b64({ ...good, role: 'admin' })}.${s}`;
      })(),
      /signature verification failed/,
    ],
    ['an expired token', jwt({ ...good, exp: NOW_S - 31 }), /ERR_JWT_EXPIRED: "exp"/],
    ['a token without exp', jwt({ ...good, exp: undefined }), /missing required "exp"/],
    ['a token not valid yet', jwt({ ...good, nbf: NOW_S + 120 }), /"nbf" claim timestamp check failed/],
    ['a wrong audience', jwt({ ...good, aud: 'someone-else' }), /unexpected "aud" claim value/],
    ['no audience', jwt({ ...good, aud: undefined }), /missing required "aud"/],
    ['a wrong issuer', jwt({ ...good, iss: 'https://evil.test' }), /unexpected "iss" claim value/],
    ['no issuer', jwt({ ...good, iss: undefined }), /missing required "iss"/],
    ['no role claim', jwt({ ...good, role: undefined }), /^jwt: no role claim$/],
    ['no subject', jwt({ ...good, sub: '' }), /^jwt: no subject \(sub\)$/],
    ['alg none', jwt(good, 'none'), /ERR_JOSE_ALG_NOT_ALLOWED/],
    [
      'a critical header',
      jwt(good, 'HS256', SECRET, { crit: ['exp'] }),
      /ERR_JOSE_NOT_SUPPORTED: Extension Header Parameter "exp"/,
    ],
    ['garbage in JWT shape', 'abc.def.AAAA', /ERR_JWS_INVALID/],
  ])('rejects %s as "invalid token", logging why', async (_what, token, reason) => {
    expect(await auth(bearer(token))).toEqual(refusedBecause(reason));
  });

  it('allows 30 s of clock skew on exp and nbf', async () => {
    expect((await auth(bearer(jwt({ ...good, exp: NOW_S - 29, nbf: NOW_S + 29 })))).caller).toMatchObject({
      kind: 'identified',
    });
  });

  it('does not take an API-key-shaped token as a JWT when no keys are configured', async () => {
    expect(await auth(bearer(ALICE_KEY))).toEqual(refusedBecause(/^api-key: no configured key matches$/));
  });
});

describe('authenticate with public-key tokens', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();

  it('verifies RS256 with an RSA key, and refuses HS256 signed with the public key text (algorithm confusion)', async () => {
    const auth = createAuthenticator(
      readAuthConfig({ JWT_PUBLIC_KEY: pem(rsa.publicKey), JWT_AUDIENCE: AUDIENCE }),
      () => NOW,
    );
    expect((await auth(bearer(jwt(editor, 'RS256', rsa.privateKey)))).caller).toMatchObject({
      kind: 'identified',
      id: 'carol',
      method: 'jwt',
    });
    expect(await auth(bearer(jwt(editor, 'HS256', pem(rsa.publicKey))))).toEqual(
      refusedBecause(/"alg" \(Algorithm\) Header Parameter value not allowed/),
    );
    expect(
      await auth(
        bearer(jwt(editor, 'RS256', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)),
      ),
    ).toEqual(refusedBecause(/signature verification failed/));
  });

  it('with both a secret and an RSA key, still refuses HS256 keyed with the public key text', async () => {
    const auth = createAuthenticator(
      readAuthConfig({ JWT_SECRET: SECRET, JWT_PUBLIC_KEY: pem(rsa.publicKey), JWT_AUDIENCE: AUDIENCE }),
      () => NOW,
    );
    expect(await auth(bearer(jwt(editor, 'HS256', pem(rsa.publicKey))))).toEqual(
      refusedBecause(/signature verification failed/),
    );
    expect(await auth(bearer(jwt(editor, 'none')))).toEqual(refusedBecause(/ERR_JOSE_ALG_NOT_ALLOWED/));
  });

  it('verifies ES256 with a P-256 key given with \\n escapes, as env files often hold it', async () => {
    const auth = createAuthenticator(
      readAuthConfig({ JWT_PUBLIC_KEY: pem(ec.publicKey).replace(/\n/g, '\\n'), JWT_AUDIENCE: AUDIENCE }),
      () => NOW,
    );
    expect((await auth(bearer(jwt(editor, 'ES256', ec.privateKey)))).caller).toMatchObject({
      kind: 'identified',
      id: 'carol',
    });
    expect(await auth(bearer(jwt(editor, 'RS256', rsa.privateKey)))).toEqual(
      refusedBecause(/"alg" \(Algorithm\) Header Parameter value not allowed/),
    );
  });
});

describe('auth configuration', () => {
  it('with no credential configured, is anonymous only and writes are off', async () => {
    const config = readAuthConfig({});
    expect(writesEnabled(config)).toBe(false);
    expect((await createAuthenticator(config)(bearer(ALICE_KEY))).caller).toEqual({
      kind: 'rejected',
      reason: 'this server accepts no credentials',
    });
    expect(writesEnabled(readAuthConfig({ API_KEYS: `a:${hashApiKey(ALICE_KEY)}` }))).toBe(true);
    expect(writesEnabled(readAuthConfig({ JWT_SECRET: SECRET, JWT_AUDIENCE: AUDIENCE }))).toBe(true);
  });

  it.each([
    [{ API_KEYS: 'alice:not-a-hash' }, /API_KEYS entries must look like/],
    [
      { API_KEYS: `alice:${hashApiKey(ALICE_KEY)},alice:${hashApiKey(BOB_KEY)}` },
      /API_KEYS names "alice" twice/,
    ],
    [{ JWT_SECRET: 'short', JWT_AUDIENCE: AUDIENCE }, /JWT_SECRET must be at least 32 bytes/],
    [{ JWT_PUBLIC_KEY: 'not a pem', JWT_AUDIENCE: AUDIENCE }, /JWT_PUBLIC_KEY must be a PEM public key/],
  ])('refuses %o at start', (env, message) => {
    expect(() => readAuthConfig(env)).toThrow(ConfigError);
    expect(() => readAuthConfig(env)).toThrow(message);
  });
});

/** A real embedded store where asking for an entity id named after an error throws that error. */
class PlantedErrorStore extends MemoryStore {
  override getEntities(ids: readonly string[]): Promise<(Entity | null)[]> {
    const planted = {
      unauthenticated: () => new UnauthenticatedError('a credential is required to write'),
      forbidden: () => new ForbiddenError('role viewer may not write'),
      limited: () => new RateLimitedError('too many requests', 17),
      down: () => new UnavailableError('the database is unavailable'),
      slow: () => new TimeoutError('the database did not answer in time'),
    }[ids[0] ?? ''];
    return planted ? Promise.reject(planted()) : super.getEntities(ids);
  }
}

describe('over HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(await withSeed(new PlantedErrorStore()), {
      API_KEYS: `alice:${hashApiKey(ALICE_KEY)}`,
    });
  });
  afterAll(() => api.close());

  it.each([
    ['unauthenticated', 401, 'UNAUTHENTICATED', 'a credential is required to write'],
    ['forbidden', 403, 'FORBIDDEN', 'role viewer may not write'],
    ['limited', 429, 'RATE_LIMITED', 'too many requests'],
    ['down', 503, 'DB_UNAVAILABLE', 'the database is unavailable'],
    ['slow', 504, 'TIMEOUT', 'the database did not answer in time'],
  ])('an error %s answers HTTP %i with code %s and its message', async (id, status, code, message) => {
    const res = await api.gql(`{ entity(id: "${id}") { id } }`);
    expect(res.status).toBe(status);
    expect(res.body.errors?.[0]).toMatchObject({ message, extensions: { code } });
    if (status === 401) expect(res.headers.get('www-authenticate')).toBe('Bearer realm="graphql"');
    if (status === 429) expect(res.headers.get('retry-after')).toBe('17');
  });

  it('reads stay public with or without a credential', async () => {
    const query = `{ entity(id: "scott-bessent") { name } }`;
    expect(await api.data(query)).toEqual({ entity: { name: 'Scott Bessent' } });
    expect(await api.data(query, {}, { headers: { authorization: bearer(ALICE_KEY) } })).toEqual({
      entity: { name: 'Scott Bessent' },
    });
  });

  it('echoes a sane x-request-id, and replaces an unsafe one with a fresh UUID', async () => {
    const kept = await api.gql(
      `{ entity(id: "scott-bessent") { id } }`,
      {},
      { headers: { 'x-request-id': 'client-req-0001' } },
    );
    expect(kept.headers.get('x-request-id')).toBe('client-req-0001');
    const replaced = await api.gql(
      `{ entity(id: "scott-bessent") { id } }`,
      {},
      { headers: { 'x-request-id': 'bad id <script>' } },
    );
    expect(replaced.headers.get('x-request-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });
});
