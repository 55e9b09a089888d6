import { createHash, timingSafeEqual } from 'node:crypto';
import { EDITOR_ROLE, ANONYMOUS, type Caller } from '../domain/caller.js';
import { ConfigError, list } from './env.js';
import { createJwtVerifier, looksLikeJwt, readJwtConfig, type JwtConfig } from './jwt.js';

/** One API key: who holds it and the SHA-256 of the key (the key itself is never stored). */
export interface ApiKey {
  id: string;
  hash: Buffer;
}

/** The credentials the server accepts. With none, every request is anonymous and writes are off. */
export interface AuthConfig {
  apiKeys: readonly ApiKey[];
  jwt: JwtConfig | null;
}

/** Who sent a request, and when a credential was refused, why (for the log only). */
export interface Authentication {
  caller: Caller;
  /** The real reason of a refusal; the caller only ever sees {@link INVALID_TOKEN}. */
  refusal?: string;
}

/** Decides who sent a request from its `Authorization` header; never rejects. */
export type Authenticate = (authorization: string | undefined) => Promise<Authentication>;

/** What a caller is told about any token that was not accepted: nothing about the configuration or which check failed. */
export const INVALID_TOKEN = 'invalid token';

/** The shortest API key `hashApiKey` accepts (a key is a secret, not a password to remember). */
export const MIN_API_KEY_LENGTH = 24;

/** Longest Authorization header considered; longer ones are refused without being parsed. */
const MAX_HEADER_LENGTH = 8192;

/** The hex SHA-256 of a key, as API_KEYS stores it (`npm run hash-key -- <key>` prints it). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** API_KEYS: `id:<sha256 hex>` pairs, comma-separated; ids unique. */
function readApiKeys(env: NodeJS.ProcessEnv): ApiKey[] {
  const keys = list(env, 'API_KEYS').map((entry) => {
    const match = /^([A-Za-z0-9_.@-]{1,64}):([0-9a-fA-F]{64})$/.exec(entry);
    if (!match)
      throw new ConfigError(
        `API_KEYS entries must look like "name:<64 hex digits of SHA-256>" (npm run hash-key -- <key>); got "${entry.slice(0, 80)}"`,
      );
    return { id: match[1]!, hash: Buffer.from(match[2]!, 'hex') };
  });
  const ids = keys.map((k) => k.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) throw new ConfigError(`API_KEYS names "${repeated}" twice`);
  return keys;
}

/** API_KEYS and the JWT settings (see jwt.ts); throws {@link ConfigError} on a bad one. */
export function readAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  return { apiKeys: readApiKeys(env), jwt: readJwtConfig(env) };
}

/** Writes are possible only when at least one credential is configured. */
export function writesEnabled(config: AuthConfig): boolean {
  return config.apiKeys.length > 0 || config.jwt !== null;
}

/** The key holder whose hash matches; every stored hash is compared, in constant time each. */
function matchApiKey(keys: readonly ApiKey[], token: string): ApiKey | undefined {
  const presented = createHash('sha256').update(token, 'utf8').digest();
  let found: ApiKey | undefined;
  for (const key of keys) if (timingSafeEqual(key.hash, presented) && found === undefined) found = key;
  return found;
}

/** A refused credential: the caller sees {@link INVALID_TOKEN}, the log sees `refusal`. */
const refused = (refusal: string): Authentication => ({
  caller: { kind: 'rejected', reason: INVALID_TOKEN },
  refusal,
});

/**
 * Builds the server's one authentication rule. No header: anonymous. `Bearer <token>`: a JWT
 * (when JWT is configured and the token has its shape) must verify (see jwt.ts), with `sub` as
 * id and the `role` claim as role; any other token must be a configured API key (role
 * editor). A malformed header is `rejected` with a message saying the expected form; a token
 * that is not accepted is `rejected` as {@link INVALID_TOKEN}, with the reason in `refusal`.
 * `now` is for tests.
 */
export function createAuthenticator(config: AuthConfig, now: () => number = Date.now): Authenticate {
  const verifyJwt = config.jwt ? createJwtVerifier(config.jwt) : undefined;
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return { caller: ANONYMOUS };
    const match =
      authorization.length <= MAX_HEADER_LENGTH ? /^Bearer +([\x21-\x7e]+) *$/i.exec(authorization) : null;
    if (!match)
      return {
        caller: { kind: 'rejected', reason: 'the Authorization header must be "Bearer <token>"' },
        refusal: 'malformed Authorization header',
      };
    const token = match[1]!;
    if (!writesEnabled(config))
      return {
        caller: { kind: 'rejected', reason: 'this server accepts no credentials' },
        refusal: 'no credential is configured',
      };
    if (verifyJwt && looksLikeJwt(token)) {
      const result = await verifyJwt(token, Math.floor(now() / 1000));
      return result.ok
        ? {
            caller: {
              kind: 'identified',
              id: result.claims.sub,
              role: result.claims.role,
              method: 'jwt',
              ...(result.claims.iss !== undefined && { issuer: result.claims.iss }),
            },
          }
        : refused(`jwt: ${result.reason}`);
    }
    const key = matchApiKey(config.apiKeys, token);
    return key
      ? { caller: { kind: 'identified', id: key.id, role: EDITOR_ROLE, method: 'api-key' } }
      : refused('api-key: no configured key matches');
  };
}
