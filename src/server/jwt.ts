import { createHmac, createPublicKey, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import { ConfigError, text } from './env.js';

/** How a signed JWT is checked. At least one of `secret` (HS256) and `publicKey` (RS256 or ES256) is set. */
export interface JwtConfig {
  secret: Buffer | undefined;
  publicKey: KeyObject | undefined;
  /** When set, the `iss` claim must equal it. */
  issuer: string | undefined;
  /** When set, the `aud` claim (a string or a list) must contain it. */
  audience: string | undefined;
}

/** Allowance for clocks that disagree, on `exp` and `nbf`. */
export const CLOCK_SKEW_SECONDS = 30;

/** HS256 secrets shorter than this are refused at start (RFC 7518 §3.2: at least the hash size). */
const MIN_SECRET_BYTES = 32;

/** The claims the API uses, from a token whose signature and dates were checked. */
export interface VerifiedClaims {
  sub: string;
  role: string;
}

export type JwtResult = { ok: true; claims: VerifiedClaims } | { ok: false; reason: string };

/** JWT_SECRET, JWT_PUBLIC_KEY (PEM; `\n` escapes allowed), JWT_ISSUER, JWT_AUDIENCE; null when neither key is set. */
export function readJwtConfig(env: NodeJS.ProcessEnv): JwtConfig | null {
  const secret = text(env, 'JWT_SECRET');
  const pem = text(env, 'JWT_PUBLIC_KEY');
  if (secret === undefined && pem === undefined) return null;
  if (secret !== undefined && Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    throw new ConfigError(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long`);
  }
  return { secret: secret === undefined ? undefined : Buffer.from(secret), publicKey: pem === undefined ? undefined : publicKey(pem), issuer: text(env, 'JWT_ISSUER'), audience: text(env, 'JWT_AUDIENCE') };
}

function publicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem.replace(/\\n/g, '\n'));
  } catch {
    throw new ConfigError('JWT_PUBLIC_KEY must be a PEM public key (RSA, or EC on P-256)');
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType === 'rsa' || (key.asymmetricKeyType === 'ec' && curve === 'prime256v1')) return key;
  throw new ConfigError('JWT_PUBLIC_KEY must be an RSA key (RS256) or an EC key on P-256 (ES256)');
}

/** The algorithms a configuration accepts: never `none`, and never HS256 keyed with a public key. */
function acceptedAlgorithms(config: JwtConfig): string[] {
  const algs = config.secret ? ['HS256'] : [];
  if (config.publicKey) algs.push(config.publicKey.asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256');
  return algs;
}

function signatureValid(alg: string, signed: Buffer, signature: Buffer, config: JwtConfig): boolean {
  if (alg === 'HS256' && config.secret) {
    const expected = createHmac('sha256', config.secret).update(signed).digest();
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  }
  if (!config.publicKey) return false;
  const key = alg === 'ES256' ? { key: config.publicKey, dsaEncoding: 'ieee-p1363' as const } : config.publicKey;
  return verify('sha256', signed, key, signature);
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Three base64url parts separated by dots. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

/** Checks the dated and addressed claims; the reason, when one fails. */
function claimProblem(claims: Record<string, unknown>, config: JwtConfig, nowSeconds: number): string | undefined {
  const { exp, nbf, iss, aud } = claims;
  if (typeof exp !== 'number') return 'token has no expiry (exp)';
  if (nowSeconds > exp + CLOCK_SKEW_SECONDS) return 'token has expired';
  if (nbf !== undefined && (typeof nbf !== 'number' || nowSeconds < nbf - CLOCK_SKEW_SECONDS)) return 'token is not valid yet (nbf)';
  if (config.issuer !== undefined && iss !== config.issuer) return 'token issuer (iss) is not accepted';
  if (config.audience !== undefined && !(aud === config.audience || (Array.isArray(aud) && aud.includes(config.audience)))) {
    return 'token audience (aud) is not accepted';
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') return 'token has no subject (sub)';
  if (typeof claims.role !== 'string' || claims.role === '') return 'token has no role claim';
  return undefined;
}

/**
 * Verifies a compact JWS: an accepted algorithm, a valid signature, then `exp` (required),
 * `nbf`, `iss` and `aud`, with {@link CLOCK_SKEW_SECONDS} of leeway. Never throws; a refusal
 * carries a reason safe to show the caller.
 */
export function verifyJwt(token: string, config: JwtConfig, nowSeconds: number): JwtResult {
  const [h, p, s] = token.split('.');
  const header = h === undefined ? null : decodeJson(h);
  const claims = p === undefined ? null : decodeJson(p);
  if (!header || !claims || s === undefined) return { ok: false, reason: 'token is malformed' };
  const alg = typeof header.alg === 'string' ? header.alg : '';
  if (!acceptedAlgorithms(config).includes(alg)) return { ok: false, reason: `token algorithm "${alg}" is not accepted` };
  if (header.crit !== undefined) return { ok: false, reason: 'token has critical header parameters this server does not support' };
  if (!signatureValid(alg, Buffer.from(`${h}.${p}`), Buffer.from(s, 'base64url'), config)) return { ok: false, reason: 'token signature is invalid' };
  const problem = claimProblem(claims, config, nowSeconds);
  if (problem !== undefined) return { ok: false, reason: problem };
  return { ok: true, claims: { sub: claims.sub as string, role: claims.role as string } };
}
