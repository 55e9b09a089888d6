import { createHmac, sign, type KeyObject } from 'node:crypto';
import { hashApiKey } from '../../src/server/auth.js';

/** An editor's API key and a JWT secret, and the server settings that accept them. */
export const EDITOR_KEY = 'editor-key-for-tests-0123456789';
export const JWT_TEST_SECRET = 'jwt-secret-for-tests-at-least-32-bytes';
/** The audience the test servers require of JWTs (JWT_AUDIENCE is required with any JWT key). */
export const JWT_TEST_AUDIENCE = 'graph-api-tests';
export const WRITE_ENV = {
  API_KEYS: `alice:${hashApiKey(EDITOR_KEY)}`,
  JWT_SECRET: JWT_TEST_SECRET,
  JWT_AUDIENCE: JWT_TEST_AUDIENCE,
};

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A compact JWS over `claims`, signed the way an issuer would (a test-side signer written
 * without jose, so the server's verifier is not checked against itself). `header` adds to or
 * overrides `{ alg, typ: 'JWT' }`; `alg: 'none'` gives an empty signature.
 */
export function signToken(
  claims: Record<string, unknown>,
  alg: 'HS256' | 'RS256' | 'ES256' | 'none',
  key: string | KeyObject,
  header: Record<string, unknown> = {},
): string {
  const signed = `${part({ alg, typ: 'JWT', ...header })}.${part(claims)}`;
  if (alg === 'none') return `${signed}.`;
  if (alg === 'HS256') return `${signed}.${createHmac('sha256', key).update(signed).digest('base64url')}`;
  const signer =
    alg === 'ES256' ? { key: key as KeyObject, dsaEncoding: 'ieee-p1363' as const } : (key as KeyObject);
  return `${signed}.${sign('sha256', Buffer.from(signed), signer).toString('base64url')}`;
}

/** An HS256 JWT over `claims` (with a 10-minute `exp` and the test audience unless given), signed with the test secret. */
export function signedJwt(claims: Record<string, unknown>, secret = JWT_TEST_SECRET): string {
  return signToken(
    { exp: Math.floor(Date.now() / 1000) + 600, aud: JWT_TEST_AUDIENCE, ...claims },
    'HS256',
    secret,
  );
}

/** Request headers sending `token` as a bearer credential. */
export const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** The headers of the editor holding {@link EDITOR_KEY}. */
export const AS_EDITOR = bearer(EDITOR_KEY);
