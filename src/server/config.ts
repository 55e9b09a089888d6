import path from 'node:path';
import { INGEST_LIMITS } from '../domain/ingest/review.js';
import { readAuthConfig, type AuthConfig } from './auth.js';
import { boolean, ConfigError, integer, list, text } from './env.js';
import type { ExecutorConfig } from './executor.js';
import { readLimits, type LimitsConfig } from './limits.js';
import { readReadCacheConfig, type ReadCacheConfig } from './read-cache.js';
import { readSubscriptionsConfig, type SubscriptionsConfig } from './subscriptions.js';

export { ConfigError } from './env.js';

/** Everything the server reads from the environment, parsed once. README's configuration table mirrors this. */
export interface Config {
  port: number;
  host: string;
  production: boolean;
  /** Include stack traces and internal messages in error responses (local development only; never in production). */
  debugErrors: boolean;
  /** Folder of the embedded store's journal of API writes. */
  dataDir: string;
  seedDir: string | undefined;
  /** Largest request body accepted, bytes; larger ones get 413 PAYLOAD_TOO_LARGE. */
  bodyLimit: number;
  /** Longest document text ingestDocument accepts, characters (a longer text must fit BODY_LIMIT_BYTES too). */
  ingestMaxTextChars: number;
  neo4j: {
    uri: string;
    username: string | undefined;
    password: string | undefined;
    database: string | undefined;
    seedOnStart: boolean;
    transactionTimeoutMs: number;
  } | null;
  logLevel: string;
  /** Accepted credentials (API_KEYS, JWT_*; JWT_AUDIENCE is required with any JWT key, see jwt.ts); none means anonymous only and writes off. */
  auth: AuthConfig;
  limits: LimitsConfig;
  /** Live changes over WebSocket: polling, retention and per-connection limits (subscriptions.ts). */
  subscriptions: SubscriptionsConfig;
  introspection: boolean;
  /** Keep graphql-js's "Did you mean …?" hints in validation messages. */
  fieldSuggestions: boolean;
  /** Origins allowed to call cross-origin (exact `scheme://host[:port]`); empty: none. */
  corsOrigins: string[];
  /** Token bucket per client, in cost points: refill per minute and bucket size; `perMinute` 0 disables. */
  rateLimit: { perMinute: number; burst: number };
  /** Express `trust proxy` hop count: how many proxies' X-Forwarded-For to believe for the client IP. */
  trustProxy: number;
  /** Whole-request deadline: Node's requestTimeout and the GraphQL execution deadline. */
  requestTimeoutMs: number;
  /** After SIGTERM, how long in-flight requests may take before connections are closed. */
  shutdownTimeoutMs: number;
  /** `Cache-Control: public, max-age` on credential-free GET queries answered without error (0: off); see http-cache.ts. */
  httpCacheMaxAgeSeconds: number;
  /** The opt-in read cache of query answers (READ_CACHE_*; off unless READ_CACHE_ENTRIES > 0); see read-cache.ts. */
  readCache: ReadCacheConfig;
  /** Serve the graph explorer at /explorer (EXPLORER_ENABLED; on unless NODE_ENV=production). */
  explorerEnabled: boolean;
  /** Serve the offline GraphQL IDE at /playground (PLAYGROUND_ENABLED; on unless NODE_ENV=production). */
  playgroundEnabled: boolean;
  /**
   * Serve the schema as an Apollo Federation 2 subgraph (FEDERATION_ENABLED; off by default): entity
   * types and Relationship keyed by `id`, `_service { sdl }` (answered even with introspection off)
   * and `_entities` (at most `limits.maxRepresentations` representations an operation).
   */
  federationEnabled: boolean;
  /** What runs query operations (GRAPHQL_EXECUTOR, GRAPHQL_JIT_AFTER); see executor.ts. */
  executor: ExecutorConfig;
}

/** GRAPHQL_EXECUTOR: `jit` (the default) or `graphql-js`. */
function executorKind(env: NodeJS.ProcessEnv): ExecutorConfig['kind'] {
  const kind = env.GRAPHQL_EXECUTOR ?? 'jit';
  if (kind !== 'jit' && kind !== 'graphql-js')
    throw new ConfigError(`GRAPHQL_EXECUTOR must be jit or graphql-js (got "${kind}")`);
  return kind;
}

/** CORS_ORIGINS: each an exact origin such as https://app.example.org (no paths, no wildcard). */
function origins(env: NodeJS.ProcessEnv): string[] {
  return list(env, 'CORS_ORIGINS').map((origin) => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(
        `CORS_ORIGINS entries must be exact origins like https://app.example.org (got "${origin}")`,
      );
    }
    return origin;
  });
}

/** Reads the configuration; throws {@link ConfigError} naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const debugErrors = !production && env.DEBUG_ERRORS === 'true';
  const uri = text(env, 'NEO4J_URI');
  // Cost points, not requests (since 0.2.0): an operation pays its cost (see limits.ts).
  const perMinute = integer(env, 'RATE_LIMIT_PER_MINUTE', 300_000, 0, 1_000_000_000);
  const requestTimeoutMs = integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1_000, 600_000);
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST ?? '127.0.0.1',
    production,
    debugErrors,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    seedDir: env.SEED_DIR ? path.resolve(env.SEED_DIR) : undefined,
    bodyLimit: integer(env, 'BODY_LIMIT_BYTES', 100_000, 1_000, 10_000_000),
    ingestMaxTextChars: integer(env, 'INGEST_MAX_TEXT_CHARS', INGEST_LIMITS.maxTextChars, 1, 10_000_000),
    neo4j: uri
      ? {
          uri,
          username: env.NEO4J_USERNAME,
          password: env.NEO4J_PASSWORD,
          database: env.NEO4J_DATABASE,
          seedOnStart: env.SEED_ON_START === 'true',
          transactionTimeoutMs: integer(env, 'NEO4J_TRANSACTION_TIMEOUT_MS', 10_000, 100, 600_000),
        }
      : null,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    auth: readAuthConfig(env),
    limits: readLimits(env),
    subscriptions: readSubscriptionsConfig(env),
    introspection: boolean(env, 'INTROSPECTION', !production),
    fieldSuggestions: boolean(env, 'FIELD_SUGGESTIONS', !production),
    corsOrigins: origins(env),
    rateLimit: {
      perMinute,
      burst: integer(env, 'RATE_LIMIT_BURST', Math.max(1, Math.ceil(perMinute / 6)), 1, 1_000_000_000),
    },
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
    requestTimeoutMs,
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    httpCacheMaxAgeSeconds: integer(env, 'HTTP_CACHE_MAX_AGE_SECONDS', 0, 0, 86_400),
    readCache: readReadCacheConfig(env),
    explorerEnabled: boolean(env, 'EXPLORER_ENABLED', !production),
    playgroundEnabled: boolean(env, 'PLAYGROUND_ENABLED', !production),
    federationEnabled: boolean(env, 'FEDERATION_ENABLED', false),
    executor: { kind: executorKind(env), jitAfter: integer(env, 'GRAPHQL_JIT_AFTER', 1, 0, 1_000_000) },
  };
}
