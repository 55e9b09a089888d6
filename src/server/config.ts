import path from 'node:path';
import { readAuthConfig, type AuthConfig } from './auth.js';
import { integer } from './env.js';

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
  /** Largest request body accepted, bytes. */
  bodyLimit: number;
  neo4j: { uri: string; username: string | undefined; password: string | undefined; database: string | undefined; seedOnStart: boolean } | null;
  logLevel: string;
  /** Accepted credentials (API_KEYS, JWT_*); none means anonymous only and writes off. */
  auth: AuthConfig;
}

/** Reads the configuration; throws {@link ConfigError} naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const debugErrors = !production && env.DEBUG_ERRORS === 'true';
  const uri = env.NEO4J_URI?.trim();
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST ?? '127.0.0.1',
    production,
    debugErrors,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    seedDir: env.SEED_DIR ? path.resolve(env.SEED_DIR) : undefined,
    bodyLimit: integer(env, 'BODY_LIMIT_BYTES', 100_000, 1_000, 10_000_000),
    neo4j: uri
      ? {
          uri,
          username: env.NEO4J_USERNAME,
          password: env.NEO4J_PASSWORD,
          database: env.NEO4J_DATABASE,
          seedOnStart: env.SEED_ON_START === 'true',
        }
      : null,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    auth: readAuthConfig(env),
  };
}
