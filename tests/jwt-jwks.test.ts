import { generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator, readAuthConfig, type Authenticate } from '../src/server/auth.js';
import { ConfigError, loadConfig } from '../src/server/config.js';
import { signToken } from '../scripts/support/credentials.js';

const AUDIENCE = 'graph-api';
const NOW_S = Math.floor(Date.now() / 1000);
const claims = { sub: 'carol', role: 'editor', exp: NOW_S + 600, aud: AUDIENCE };

/** An issuer's signing key: its private half signs test tokens, its public JWK is published with `kid`. */
function issuerKey(kid: string, kind: 'rsa' | 'ec' = 'rsa') {
  const { publicKey, privateKey } =
    kind === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const alg = kind === 'rsa' ? ('RS256' as const) : ('ES256' as const);
  return {
    kid,
    jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg },
    token: (extra: Record<string, unknown> = {}) =>
      signToken({ ...claims, ...extra }, alg, privateKey, { kid }),
  };
}
const A = issuerKey('key-a');
const B = issuerKey('key-b', 'ec');
const who = async (auth: Authenticate, token: string) => (await auth(`Bearer ${token}`)).caller;

describe('JWKS by URL (a loopback JWKS server)', () => {
  let server: Server;
  let served: { keys: object[] } = { keys: [A.jwk] };
  let fetches = 0;
  let url = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(served));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('picks keys by kid and follows a rotation without a restart (cooldown 0 makes the refetch deterministic)', async () => {
    const auth = createAuthenticator(
      readAuthConfig({ JWT_JWKS_URL: url, JWT_AUDIENCE: AUDIENCE, JWT_JWKS_COOLDOWN_SECONDS: '0' }),
    );
    expect(await who(auth, A.token())).toEqual({
      kind: 'identified',
      id: 'carol',
      role: 'editor',
      method: 'jwt',
    });
    expect(await who(auth, A.token({ sub: 'dave' }))).toMatchObject({ kind: 'identified', id: 'dave' });
    expect(fetches).toBe(1);

    served = { keys: [B.jwk] };
    expect(await who(auth, B.token())).toMatchObject({ kind: 'identified', id: 'carol' });
    expect(fetches).toBe(2);
    // Key A was retired with the rotation: its tokens now fail, after one more look at the set.
    expect(await who(auth, A.token())).toEqual({ kind: 'rejected', reason: 'invalid token' });
    expect(fetches).toBe(3);
  });

  it('within the cooldown, an unknown kid does not refetch the set (a flood of made-up kids cannot hammer the issuer)', async () => {
    served = { keys: [A.jwk] };
    fetches = 0;
    const auth = createAuthenticator(readAuthConfig({ JWT_JWKS_URL: url, JWT_AUDIENCE: AUDIENCE }));
    expect(await who(auth, A.token())).toMatchObject({ kind: 'identified' });
    served = { keys: [A.jwk, B.jwk] };
    for (let i = 0; i < 3; i++)
      expect(await who(auth, B.token())).toEqual({ kind: 'rejected', reason: 'invalid token' });
    expect(fetches).toBe(1);
  });

  it('refuses a token without a kid when no JWT_PUBLIC_KEY is configured, logging why', async () => {
    const auth = createAuthenticator(readAuthConfig({ JWT_JWKS_URL: url, JWT_AUDIENCE: AUDIENCE }));
    const unkeyed = signToken(
      claims,
      'RS256',
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
    );
    expect((await auth(`Bearer ${unkeyed}`)).refusal).toBe(
      'jwt: ERR_JWKS_NO_MATCHING_KEY: no key for alg RS256 without a kid',
    );
  });

  it('refuses a token whose served key is an RSA key under 2048 bits (jose checks keys it fetched when it uses them)', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    served = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'weak', alg: 'RS256' }] };
    const auth = createAuthenticator(readAuthConfig({ JWT_JWKS_URL: url, JWT_AUDIENCE: AUDIENCE }));
    expect((await auth(`Bearer ${signToken(claims, 'RS256', privateKey, { kid: 'weak' })}`)).refusal).toBe(
      'jwt: RS256 requires key modulusLength to be 2048 bits or larger',
    );
  });

  it('refuses a plain-http JWKS URL that is not on loopback', () => {
    expect(() =>
      loadConfig({ JWT_JWKS_URL: 'http://issuer.example/jwks.json', JWT_AUDIENCE: AUDIENCE }),
    ).toThrow('JWT_JWKS_URL must use https:// (plain http is allowed on loopback only)');
  });
});

describe('JWKS from a file', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jwks-'));
    file = path.join(dir, 'jwks.json');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (keys: object[], mtimeSeconds: number) => {
    writeFileSync(file, JSON.stringify({ keys }));
    utimesSync(file, mtimeSeconds, mtimeSeconds); // a distinct mtime, however coarse the file system's clock
  };

  it('picks keys by kid and re-reads the file when a token names a kid it lacks', async () => {
    write([A.jwk], 1_000_000);
    const auth = createAuthenticator(readAuthConfig({ JWT_JWKS_FILE: file, JWT_AUDIENCE: AUDIENCE }));
    expect(await who(auth, A.token())).toMatchObject({ kind: 'identified', id: 'carol' });
    expect(await who(auth, B.token())).toEqual({ kind: 'rejected', reason: 'invalid token' });
    write([B.jwk], 2_000_000);
    expect(await who(auth, B.token())).toMatchObject({ kind: 'identified', id: 'carol' });
    expect(await who(auth, A.token())).toEqual({ kind: 'rejected', reason: 'invalid token' });
  });

  it('keeps the loaded keys when the replacement file fails the checks', async () => {
    write([A.jwk], 3_000_000);
    const auth = createAuthenticator(readAuthConfig({ JWT_JWKS_FILE: file, JWT_AUDIENCE: AUDIENCE }));
    write([{ ...B.jwk, kid: undefined }], 4_000_000);
    expect((await auth(`Bearer ${B.token()}`)).refusal).toMatch(/^jwt: JWT_JWKS_FILE keys\[0\] has no "kid"/);
    expect(await who(auth, A.token())).toMatchObject({ kind: 'identified' });
  });

  const privateJwk = (key: KeyObject): JsonWebKey => key.export({ format: 'jwk' });
  it.each([
    [
      'a private key',
      () => [{ ...privateJwk(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey), kid: 'p' }],
      /keys\[0\] holds private or symmetric key material \("d"\)/,
    ],
    [
      'a symmetric key',
      () => [{ kty: 'oct', k: 'c2VjcmV0', kid: 's' }],
      /keys\[0\] holds private or symmetric key material \("k"\)/,
    ],
    [
      'an RSA key of 1024 bits',
      () => [
        A.jwk,
        {
          ...generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' }),
          kid: 'weak',
        },
      ],
      /keys\[1\] \(kid "weak"\) is an RSA key of 1024 bits/,
    ],
    ['a key without kid', () => [{ ...A.jwk, kid: undefined }], /keys\[0\] has no "kid"/],
    ['no keys', () => [], /must be a JSON Web Key Set/],
  ])('refuses a file holding %s at start', (_what, keys, message) => {
    write(keys(), 5_000_000);
    expect(() => loadConfig({ JWT_JWKS_FILE: file, JWT_AUDIENCE: AUDIENCE })).toThrow(ConfigError);
    expect(() => loadConfig({ JWT_JWKS_FILE: file, JWT_AUDIENCE: AUDIENCE })).toThrow(message);
  });
});
