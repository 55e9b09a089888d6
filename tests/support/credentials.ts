import { createHmac } from 'node:crypto';
import { hashApiKey } from '../../src/server/auth.js';

/** An editor's API key and a JWT secret, and the server settings that accept them. */
export const EDITOR_KEY = 'editor-key-for-tests-0123456789';
export const JWT_TEST_SECRET = 'jwt-secret-for-tests-at-least-32-bytes';
/** The audience the test servers require of JWTs (JWT_AUDIENCE is required with any JWT key). */
export const JWT_TEST_AUDIENCE = 'graph-api-tests';
export const WRITE_ENV = { API_KEYS: `alice:${hashApiKey(EDITOR_KEY)}`, JWT_SECRET: JWT_TEST_SECRET, JWT_AUDIENCE: JWT_TEST_AUDIENCE };

/** An HS256 JWT over `claims` (with a 10-minute `exp` and the test audience unless given), signed with the test secret (a test-side issuer; the server only verifies). */
export function signedJwt(claims: Record<string, unknown>, secret = JWT_TEST_SECRET): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ exp: Math.floor(Date.now() / 1000) + 600, aud: JWT_TEST_AUDIENCE, ...claims })}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

/** Request headers sending `token` as a bearer credential. */
export const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** The headers of the editor holding {@link EDITOR_KEY}. */
export const AS_EDITOR = bearer(EDITOR_KEY);
