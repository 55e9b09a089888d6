import path from 'node:path';

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
  /** Serve the graph explorer at /explorer (EXPLORER_ENABLED; on unless NODE_ENV=production). */
  explorerEnabled: boolean;
  /** Serve the offline GraphQL IDE at /playground (PLAYGROUND_ENABLED; on unless NODE_ENV=production). */
  playgroundEnabled: boolean;
}

/** Thrown for a setting that cannot be used; main prints its message and exits. */
export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  return n;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(`${name} must be true or false (got "${raw}")`);
  return raw === 'true';
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
    explorerEnabled: flag(env, 'EXPLORER_ENABLED', !production),
    playgroundEnabled: flag(env, 'PLAYGROUND_ENABLED', !production),
  };
}
