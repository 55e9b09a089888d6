import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator, readAuthConfig } from '../src/server/auth.js';
import { ConfigError, loadConfig } from '../src/server/config.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { bearer, signedJwt, signToken, WRITE_ENV } from '../scripts/support/credentials.js';
import { withSeed } from './support/stores.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const AUDIENCE = 'graph-api';
const NOW_S = Date.UTC(2025, 10, 2, 12, 0, 0) / 1000;
const claims = { sub: 'carol', role: 'editor', exp: NOW_S + 600, aud: AUDIENCE };
const header = (token: string) => `Bearer ${token}`;
const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();

/** An authenticator over `env` (plus the audience) at the fixed test clock. */
const authWith = (env: NodeJS.ProcessEnv) =>
  createAuthenticator(readAuthConfig({ JWT_AUDIENCE: AUDIENCE, ...env }), () => NOW_S * 1000);
const hs = authWith({ JWT_SECRET: SECRET });
const refusal = async (auth: ReturnType<typeof authWith>, token: string) => {
  const { caller, refusal: why } = await auth(header(token));
  expect(caller).toEqual({ kind: 'rejected', reason: 'invalid token' });
  return why;
};

describe('JWT_AUDIENCE is required', () => {
  it.each([
    [{ JWT_SECRET: SECRET }],
    [{ JWT_PUBLIC_KEY: spki(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey) }],
    [{ JWT_JWKS_URL: 'https://issuer.example/.well-known/jwks.json' }],
  ])('the server refuses to start with %o and no JWT_AUDIENCE, saying why', (env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(
      /^JWT_AUDIENCE is required when JWTs are accepted .*minted for another service/,
    );
  });

  it('a token for another audience, or for none, is refused; one listing ours among others is accepted', async () => {
    expect(await refusal(hs, signToken({ ...claims, aud: 'billing-api' }, 'HS256', SECRET))).toMatch(
      /unexpected "aud" claim value/,
    );
    expect(await refusal(hs, signToken({ ...claims, aud: undefined }, 'HS256', SECRET))).toMatch(
      /missing required "aud"/,
    );
    expect(
      (await hs(header(signToken({ ...claims, aud: ['billing-api', AUDIENCE] }, 'HS256', SECRET)))).caller,
    ).toMatchObject({ kind: 'identified', id: 'carol' });
  });

  it('with JWT_ISSUER, a token from another issuer is refused', async () => {
    const auth = authWith({ JWT_SECRET: SECRET, JWT_ISSUER: 'https://issuer.test' });
    expect(await refusal(auth, signToken({ ...claims, iss: 'https://evil.test' }, 'HS256', SECRET))).toMatch(
      /unexpected "iss" claim value/,
    );
    expect(
      (await auth(header(signToken({ ...claims, iss: 'https://issuer.test' }, 'HS256', SECRET)))).caller.kind,
    ).toBe('identified');
  });
});

describe('keys refused at start', () => {
  it('an RSA public key under 2048 bits', () => {
    const weak = spki(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey);
    expect(() => loadConfig({ JWT_PUBLIC_KEY: weak, JWT_AUDIENCE: AUDIENCE })).toThrow(
      'JWT_PUBLIC_KEY is an RSA key of 1024 bits; at least 2048 are required',
    );
  });

  it.each([
    [
      'an RSA private key (PKCS#8)',
      generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    ],
    [
      'an RSA private key (PKCS#1)',
      generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs1', format: 'pem' })
        .toString(),
    ],
    [
      'an EC private key (SEC1, with \\n escapes)',
      generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ type: 'sec1', format: 'pem' })
        .toString()
        .replace(/\n/g, '\\n'),
    ],
  ])('%s given as JWT_PUBLIC_KEY', (_what, pem) => {
    expect(() => loadConfig({ JWT_PUBLIC_KEY: pem, JWT_AUDIENCE: AUDIENCE })).toThrow(
      /^JWT_PUBLIC_KEY holds a private key/,
    );
  });

  it('a maximum age that is not a positive whole number of seconds', () => {
    expect(() =>
      loadConfig({ JWT_SECRET: SECRET, JWT_AUDIENCE: AUDIENCE, JWT_MAX_AGE_SECONDS: '0' }),
    ).toThrow(/JWT_MAX_AGE_SECONDS must be an integer from 1/);
  });
});

describe('token checks', () => {
  it.each(['JWT', 'jwt', 'application/jwt', undefined])(
    'accepts typ %s (absent is accepted too)',
    async (typ) => {
      expect((await hs(header(signToken(claims, 'HS256', SECRET, { typ })))).caller.kind).toBe('identified');
    },
  );

  it.each(['at+jwt', 'dpop+jwt', 'secevent+jwt', 'JOSE'])('refuses typ %s', async (typ) => {
    expect(await refusal(hs, signToken(claims, 'HS256', SECRET, { typ }))).toBe(
      `jwt: typ "${typ}" is not accepted`,
    );
  });

  it('refuses an iat more than 30 s in the future, and takes one within the skew', async () => {
    expect(await refusal(hs, signToken({ ...claims, iat: NOW_S + 31 }, 'HS256', SECRET))).toBe(
      'jwt: iat is in the future',
    );
    expect((await hs(header(signToken({ ...claims, iat: NOW_S + 29 }, 'HS256', SECRET)))).caller.kind).toBe(
      'identified',
    );
  });

  it('with JWT_MAX_AGE_SECONDS, requires iat and refuses a token older than the maximum (plus skew)', async () => {
    const auth = authWith({ JWT_SECRET: SECRET, JWT_MAX_AGE_SECONDS: '300' });
    expect(
      (await auth(header(signToken({ ...claims, iat: NOW_S - 329 }, 'HS256', SECRET)))).caller.kind,
    ).toBe('identified');
    expect(await refusal(auth, signToken({ ...claims, iat: NOW_S - 331 }, 'HS256', SECRET))).toMatch(
      /"iat" claim timestamp check failed \(too far in the past\)/,
    );
    expect(await refusal(auth, signToken(claims, 'HS256', SECRET))).toMatch(/missing required "iat"/);
  });

  it('refuses a signature spelled in a non-canonical base64url, though it decodes to the same bytes', async () => {
    const token = signToken(claims, 'HS256', SECRET);
    const signature = token.slice(token.lastIndexOf('.') + 1);
    // 32 bytes take 43 characters, whose last carries 2 unused low bits: flip one.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.at(-1)!) ^ 1]!;
    expect(Buffer.from(twin, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    expect((await hs(header(token))).caller.kind).toBe('identified');
    expect(await refusal(hs, token.slice(0, -1) + twin.at(-1)!)).toBe(
      'jwt: signature is not canonical base64url',
    );
  });

  it('refuses alg none, and HS256 keyed with the RSA public key text (algorithm confusion)', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const auth = authWith({ JWT_PUBLIC_KEY: spki(rsa.publicKey) });
    expect((await auth(header(signToken(claims, 'RS256', rsa.privateKey)))).caller.kind).toBe('identified');
    expect(await refusal(auth, signToken(claims, 'HS256', spki(rsa.publicKey)))).toMatch(
      /ERR_JOSE_ALG_NOT_ALLOWED/,
    );
    expect(await refusal(auth, signToken(claims, 'none', ''))).toMatch(/ERR_JOSE_ALG_NOT_ALLOWED/);
  });
});

describe('a refused token over HTTP', () => {
  let api: TestServer;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    api = await startTestServer(await withSeed(new MemoryStore()), WRITE_ENV, {
      logger: pino({ level: 'info' }, sink),
    });
  });
  afterAll(() => api.close());

  it('tells the client "invalid token" (401) and nothing about the configuration; the log line keeps the reason', async () => {
    const token = signedJwt({ sub: 'mallory', role: 'editor', aud: 'billing-api' });
    const input = { id: 'test-magnetics', kind: 'ORGANIZATION', name: 'Test Magnetics', category: 'company' };
    const res = await api.gql(
      'mutation($input: EntityInput!) { upsertEntity(input: $input, note: "n") { entity { id } } }',
      { input },
      bearer(token),
    );
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="graphql"');
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'The credential was not accepted: invalid token',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/aud|JWT_|graph-api/);
    const line = lines.find((l) => l.requestId === res.headers.get('x-request-id'));
    expect(line).toMatchObject({
      status: 401,
      errorCodes: ['UNAUTHENTICATED'],
      authRefusal: 'jwt: ERR_JWT_CLAIM_VALIDATION_FAILED: unexpected "aud" claim value',
    });
  });
});
