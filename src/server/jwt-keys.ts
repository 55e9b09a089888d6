import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { ConfigError } from './env.js';

/** RSA keys shorter than this are refused (RFC 7518 §3.3 and NIST SP 800-131A: 2048 bits at least). */
export const MIN_RSA_BITS = 2048;

/** JWK members that only a private or symmetric key has: a key set holding them is refused. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** The problem with a public key, or undefined when it is an RSA key of 2048+ bits or an EC key on P-256. */
function keyProblem(key: KeyObject): string | undefined {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details?.modulusLength ?? 0;
    return bits >= MIN_RSA_BITS
      ? undefined
      : `is an RSA key of ${bits} bits; at least ${MIN_RSA_BITS} are required`;
  }
  if (key.asymmetricKeyType === 'ec' && details?.namedCurve === 'prime256v1') return undefined;
  return 'must be an RSA key (RS256) or an EC key on P-256 (ES256)';
}

/**
 * JWT_PUBLIC_KEY as a key object: a PEM public key (`\n` escapes allowed), RSA of 2048+ bits or
 * EC on P-256. A private key is refused: Node would quietly derive its public half, and a
 * private key in the API's environment is a leak to fix at the issuer.
 */
export function readPublicKeyPem(raw: string): KeyObject {
  const pem = raw.replace(/\\n/g, '\n');
  let isPrivate = false;
  try {
    createPrivateKey(pem);
    isPrivate = true;
  } catch {
    // Not a private key: the expected case.
  }
  if (isPrivate)
    throw new ConfigError(
      "JWT_PUBLIC_KEY holds a private key; give the issuer's public key (SPKI PEM) and keep the private key with the issuer",
    );
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new ConfigError('JWT_PUBLIC_KEY must be a PEM public key (RSA of 2048+ bits, or EC on P-256)');
  }
  const problem = keyProblem(key);
  if (problem !== undefined) throw new ConfigError(`JWT_PUBLIC_KEY ${problem}`);
  return key;
}

/** Checks a parsed key set: every key public, with a `kid`, RSA 2048+ or EC P-256; `source` names it in messages. */
export function checkKeySet(value: unknown, source: string): JSONWebKeySet {
  const keys: unknown =
    typeof value === 'object' && value !== null ? (value as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys) || keys.length === 0)
    throw new ConfigError(`${source} must be a JSON Web Key Set: {"keys": [...]} with at least one key`);
  for (const [i, jwk] of (keys as unknown[]).entries()) {
    if (typeof jwk !== 'object' || jwk === null)
      throw new ConfigError(`${source} keys[${i}] is not a JSON object`);
    const member = jwk as Record<string, unknown>;
    const secret = PRIVATE_MEMBERS.find((name) => member[name] !== undefined);
    if (secret !== undefined)
      throw new ConfigError(
        `${source} keys[${i}] holds private or symmetric key material ("${secret}"); publish public keys only`,
      );
    if (typeof member.kid !== 'string' || member.kid === '')
      throw new ConfigError(`${source} keys[${i}] has no "kid": tokens pick their key by kid`);
    let key: KeyObject;
    try {
      key = createPublicKey({ key: member as JsonWebKey, format: 'jwk' });
    } catch {
      throw new ConfigError(`${source} keys[${i}] (kid "${member.kid}") is not a usable public JWK`);
    }
    const problem = keyProblem(key);
    if (problem !== undefined) throw new ConfigError(`${source} keys[${i}] (kid "${member.kid}") ${problem}`);
  }
  return value as JSONWebKeySet;
}

/** Loopback hosts, the only ones a JWKS may be fetched from over plain http. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * JWT_JWKS_URL as a key resolver (jose's remote key set): fetched on first use, cached 10
 * minutes, fetched again when a token names a `kid` the cache lacks (at most once per
 * `cooldownSeconds`), so the issuer can rotate keys without a restart. https only, except on loopback.
 */
export function remoteKeySet(raw: string, cooldownSeconds: number): JWTVerifyGetKey {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`JWT_JWKS_URL must be an absolute https:// URL (got "${raw.slice(0, 200)}")`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new ConfigError('JWT_JWKS_URL must use https:// (plain http is allowed on loopback only)');
  }
  return createRemoteJWKSet(url, { cooldownDuration: cooldownSeconds * 1000, timeoutDuration: 5000 });
}

interface LoadedFile {
  mtimeMs: number;
  getKey: JWTVerifyGetKey;
}

function loadKeyFile(file: string, mtimeMs: number): LoadedFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`JWT_JWKS_FILE cannot be read as JSON (${(error as Error).message})`);
  }
  return { mtimeMs, getKey: createLocalJWKSet(checkKeySet(parsed, 'JWT_JWKS_FILE')) };
}

/**
 * JWT_JWKS_FILE as a key resolver: the set is checked and loaded at start; when a token names a
 * `kid` it lacks and the file has changed since (its mtime), the file is read again, so
 * replacing it rotates keys without a restart. A replacement that fails the checks is refused
 * and the keys already loaded stay in use.
 */
export function fileKeySet(file: string): JWTVerifyGetKey {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    throw new ConfigError(`JWT_JWKS_FILE "${file}" does not exist or cannot be read`);
  }
  let loaded = loadKeyFile(file, mtimeMs);
  return async (header, token) => {
    try {
      return await loaded.getKey(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      const current = (await stat(file)).mtimeMs;
      if (current === loaded.mtimeMs) throw error;
      loaded = loadKeyFile(file, current);
      return loaded.getKey(header, token);
    }
  };
}
