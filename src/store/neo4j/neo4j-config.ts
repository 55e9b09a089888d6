import neo4j, { type AuthToken, type Config } from 'neo4j-driver';
import { BadInputError } from '../../domain/errors.js';

/** Where the Neo4j store connects. Without a username the driver sends no credentials (auth disabled). */
export interface Neo4jConfig {
  uri: string;
  username?: string | undefined;
  password?: string | undefined;
  /** The database to use; the server's default (home) database when absent. */
  database?: string | undefined;
  /** Per-transaction timeout in ms (default {@link TRANSACTION_TIMEOUT_MS}). */
  transactionTimeoutMs?: number | undefined;
}

/** URI schemes the driver accepts: direct (`bolt`) or routed (`neo4j`), plain, TLS (`+s`) or TLS with self-signed certificates (`+ssc`). */
const SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;

/** Default per-transaction timeout, enforced by the server: a runaway query ends as a TIMEOUT, not a hang. */
export const TRANSACTION_TIMEOUT_MS = 10_000;

/** Timeout of a seed load (bulk, run at set-up rather than for a request): generous, for slow or busy machines. */
export const SEED_TRANSACTION_TIMEOUT_MS = 300_000;

/**
 * Driver settings tuned to fail fast while the database is down (a request fails within a few
 * seconds instead of the driver's 60 s default) and to recover by itself: the pool opens new
 * connections on the next request once the server answers again. Pass a copy to the driver:
 * it writes the URI's encryption settings into the object it is given.
 */
export const DRIVER_CONFIG: Readonly<Config> = {
  connectionAcquisitionTimeout: 3_000,
  connectionTimeout: 2_000,
  maxTransactionRetryTime: 2_000,
  maxConnectionPoolSize: 50,
  maxConnectionLifetime: 30 * 60_000,
  userAgent: 'rare-earths-graph',
};

/** Throws BAD_USER_INPUT unless the URI has a scheme the driver supports and a host. */
export function checkUri(uri: string): void {
  const match = /^([a-z0-9+]+):\/\/([^/?#]+)/i.exec(uri);
  const scheme = match?.[1]?.toLowerCase();
  if (!match || !(SCHEMES as readonly string[]).includes(scheme ?? '')) {
    throw new BadInputError(
      `NEO4J_URI must look like bolt://host:7687 or neo4j+s://host (schemes: ${SCHEMES.join(', ')}); got "${uri}"`,
      'uri',
    );
  }
}

/** Basic auth when a username is given; none otherwise (the driver then sends scheme "none"). */
export function authToken(config: Neo4jConfig): AuthToken | undefined {
  return config.username ? neo4j.auth.basic(config.username, config.password ?? '') : undefined;
}

/** The URI with any user info removed, fit for messages and logs. */
export function safeUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

/** The connection the scripts use: NEO4J_URI (default bolt://127.0.0.1:7687), NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const blank = (value: string | undefined) =>
    value === undefined || value.trim() === '' ? undefined : value.trim();
  return {
    uri: blank(env.NEO4J_URI) ?? 'bolt://127.0.0.1:7687',
    username: blank(env.NEO4J_USERNAME),
    password: env.NEO4J_PASSWORD,
    database: blank(env.NEO4J_DATABASE),
  };
}
