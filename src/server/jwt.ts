import type { KeyObject } from 'node:crypto';
import { errors, jwtVerify, type JWTHeaderParameters, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ConfigError, integer, text } from './env.js';
import { fileKeySet, readPublicKeyPem, remoteKeySet } from './jwt-keys.js';

/** How a signed JWT is checked. At least one key source (`secret`, `publicKey`, `keySet`) is set. */
export interface JwtConfig {
  /** HS256 secret (JWT_SECRET). */
  secret: Uint8Array | undefined;
  /** RS256 or ES256 key for tokens without a `kid`, or when no key set is configured (JWT_PUBLIC_KEY). */
  publicKey: KeyObject | undefined;
  /** RS256 and ES256 keys picked by the token's `kid` (JWT_JWKS_URL or JWT_JWKS_FILE). */
  keySet: JWTVerifyGetKey | undefined;
  /** When set, the `iss` claim must equal it. */
  issuer: string | undefined;
  /** The `aud` claim (a string or a list) must contain it. */
  audience: string;
  /** When set, `iat` is required and a token older than this many seconds is refused. */
  maxAgeSeconds: number | undefined;
}

/** Allowance for clocks that disagree, on `exp`, `nbf`, `iat` and the maximum age. */
export const CLOCK_SKEW_SECONDS = 30;

/** HS256 secrets shorter than this are refused at start (RFC 7518 §3.2: at least the hash size). */
const MIN_SECRET_BYTES = 32;

/**
 * Accepted `typ` header values, compared case-insensitively with an optional `application/`
 * prefix (RFC 7515 §4.1.9). Only plain `JWT`: other typed tokens (`at+jwt`, `dpop+jwt`,
 * `secevent+jwt`...) carry profiles this server does not check, so they are not taken as ours.
 */
const ACCEPTED_TYP = new Set(['jwt']);

/** The claims the API uses, from a token whose signature and dates were checked. */
export interface VerifiedClaims {
  sub: string;
  role: string;
  /** The issuer, when the token names one (checked against JWT_ISSUER when that is set). */
  iss?: string;
}

/** A verdict: the claims, or the reason for the refusal (for the log, never for the caller). */
export type JwtResult = { ok: true; claims: VerifiedClaims } | { ok: false; reason: string };

/** Checks a token against one configuration at `nowSeconds`; never rejects. */
export type JwtVerifier = (token: string, nowSeconds: number) => Promise<JwtResult>;

/**
 * JWT_SECRET, JWT_PUBLIC_KEY, JWT_JWKS_URL or JWT_JWKS_FILE (any of them, except both JWKS
 * sources), then JWT_AUDIENCE (required with any key), JWT_ISSUER, JWT_MAX_AGE_SECONDS and
 * JWT_JWKS_COOLDOWN_SECONDS; null when no key source is set. Throws {@link ConfigError}.
 */
export function readJwtConfig(env: NodeJS.ProcessEnv): JwtConfig | null {
  const secret = text(env, 'JWT_SECRET');
  const pem = text(env, 'JWT_PUBLIC_KEY');
  const jwksUrl = text(env, 'JWT_JWKS_URL');
  const jwksFile = text(env, 'JWT_JWKS_FILE');
  if (secret === undefined && pem === undefined && jwksUrl === undefined && jwksFile === undefined)
    return null;
  const audience = text(env, 'JWT_AUDIENCE');
  if (audience === undefined) {
    throw new ConfigError(
      'JWT_AUDIENCE is required when JWTs are accepted (JWT_SECRET, JWT_PUBLIC_KEY, JWT_JWKS_URL or JWT_JWKS_FILE is set): without it, a token the issuer minted for another service would be accepted here',
    );
  }
  if (secret !== undefined && Buffer.byteLength(secret) < MIN_SECRET_BYTES)
    throw new ConfigError(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long`);
  if (jwksUrl !== undefined && jwksFile !== undefined)
    throw new ConfigError('set JWT_JWKS_URL or JWT_JWKS_FILE, not both');
  const cooldown = integer(env, 'JWT_JWKS_COOLDOWN_SECONDS', 30, 0, 3600);
  return {
    secret: secret === undefined ? undefined : new Uint8Array(Buffer.from(secret)),
    publicKey: pem === undefined ? undefined : readPublicKeyPem(pem),
    keySet:
      jwksUrl !== undefined
        ? remoteKeySet(jwksUrl, cooldown)
        : jwksFile !== undefined
          ? fileKeySet(jwksFile)
          : undefined,
    issuer: text(env, 'JWT_ISSUER'),
    audience,
    maxAgeSeconds:
      text(env, 'JWT_MAX_AGE_SECONDS') === undefined
        ? undefined
        : integer(env, 'JWT_MAX_AGE_SECONDS', 0, 1, 31_536_000),
  };
}

/** Three base64url parts separated by dots. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

/**
 * Whether `part` is the one canonical unpadded base64url spelling of its bytes. Decoders
 * (jose's among them) ignore the unused low bits of the last character, so without this one
 * signature would have several spellings, and a token several forms that all verify.
 */
export function isCanonicalBase64url(part: string): boolean {
  return Buffer.from(part, 'base64url').toString('base64url') === part;
}

/** The algorithms a configuration accepts: never `none`, and never HS256 without a secret. */
function acceptedAlgorithms(config: JwtConfig): string[] {
  const algs = new Set<string>(config.secret ? ['HS256'] : []);
  if (config.publicKey) algs.add(config.publicKey.asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256');
  if (config.keySet) ['RS256', 'ES256'].forEach((alg) => algs.add(alg));
  return [...algs];
}

/** Picks the key for a token's header: the secret for HS256, the key set by `kid`, else the public key of the matching type. */
function keyResolver(config: JwtConfig): JWTVerifyGetKey {
  const publicAlg = config.publicKey?.asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256';
  return async (header, token) => {
    if (header.alg === 'HS256' && config.secret) return config.secret;
    if (header.kid !== undefined && config.keySet) return config.keySet(header, token);
    if (config.publicKey && header.alg === publicAlg) return config.publicKey;
    throw new errors.JWKSNoMatchingKey(
      `no key for alg ${String(header.alg)}${header.kid === undefined ? ' without a kid' : ` and kid "${header.kid}"`}`,
    );
  };
}

/** What the checks jose does not make find wrong with a verified token, if anything. */
function remainingProblem(
  header: JWTHeaderParameters,
  payload: JWTPayload,
  nowSeconds: number,
): string | undefined {
  const typ: unknown = header.typ;
  if (
    typ !== undefined &&
    (typeof typ !== 'string' || !ACCEPTED_TYP.has(typ.toLowerCase().replace(/^application\//, '')))
  )
    return `typ ${JSON.stringify(typ)} is not accepted`;
  if (payload.iat !== undefined && payload.iat > nowSeconds + CLOCK_SKEW_SECONDS)
    return 'iat is in the future';
  if (typeof payload.sub !== 'string' || payload.sub === '') return 'no subject (sub)';
  if (typeof payload.role !== 'string' || payload.role === '') return 'no role claim';
  return undefined;
}

/** A refusal's reason for the log: jose's code and message, or the message of anything else. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JOSEError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Builds the verifier of a configuration, on `jose`'s `jwtVerify`: a canonical base64url
 * signature, an accepted algorithm and `typ`, a valid signature with the key the header picks,
 * then `exp` (required), `nbf`, `iat` (not in the future; required, and not too old, with
 * JWT_MAX_AGE_SECONDS), `iss`, `aud`, `sub` and `role`, all with {@link CLOCK_SKEW_SECONDS} of leeway.
 */
export function createJwtVerifier(config: JwtConfig): JwtVerifier {
  const getKey = keyResolver(config);
  const algorithms = acceptedAlgorithms(config);
  return async (token, nowSeconds) => {
    if (!isCanonicalBase64url(token.slice(token.lastIndexOf('.') + 1)))
      return { ok: false, reason: 'signature is not canonical base64url' };
    try {
      const { payload, protectedHeader } = await jwtVerify(token, getKey, {
        algorithms,
        audience: config.audience,
        ...(config.issuer !== undefined && { issuer: config.issuer }),
        ...(config.maxAgeSeconds !== undefined && { maxTokenAge: config.maxAgeSeconds }),
        clockTolerance: CLOCK_SKEW_SECONDS,
        currentDate: new Date(nowSeconds * 1000),
        requiredClaims: ['exp'],
      });
      const problem = remainingProblem(protectedHeader, payload, nowSeconds);
      return problem === undefined
        ? {
            ok: true,
            claims: {
              sub: payload.sub!,
              role: payload.role as string,
              ...(typeof payload.iss === 'string' && { iss: payload.iss }),
            },
          }
        : { ok: false, reason: problem };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  };
}
