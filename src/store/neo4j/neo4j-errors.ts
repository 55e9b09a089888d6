import neo4j, { Neo4jError } from 'neo4j-driver';
import { DomainError, TimeoutError, UnavailableError } from '../../domain/errors.js';

const { SERVICE_UNAVAILABLE, SESSION_EXPIRED } = neo4j.error;

const UNAVAILABLE_MESSAGE = 'The graph database is unavailable; try again shortly';
const TIMEOUT_MESSAGE = 'The graph database did not answer in time';

/** Server codes meaning "the database cannot serve now" (it is starting, stopping or being replaced). */
const UNAVAILABLE_CODES = new Set([
  SERVICE_UNAVAILABLE,
  SESSION_EXPIRED,
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** A database failure that is neither an outage nor a timeout (a bug): the driver's error is kept as `cause` only. */
export class Neo4jStoreError extends Error {
  constructor(code: string, cause: unknown) {
    super(`Unexpected Neo4j error (${code})`);
    this.name = 'Neo4jStoreError';
    Object.defineProperty(this, 'cause', { value: cause, enumerable: false });
  }
}

/**
 * The one place driver errors become domain errors: unreachable or lost connections, and
 * transient failures still failing after the driver's retries, become DB_UNAVAILABLE;
 * server-side transaction timeouts TIMEOUT. Domain errors (thrown inside a transaction
 * function) pass through unchanged. The driver's message, which may quote Cypher, never reaches
 * the message; it stays on `cause` for the logs. Any other driver error is a bug: it becomes a
 * {@link Neo4jStoreError} (no driver type leaves this folder) which the server masks.
 */
export function toDomainError(error: unknown): unknown {
  if (error instanceof DomainError || !(error instanceof Neo4jError)) return error;
  let mapped: Error;
  if (/TransactionTimedOut/.test(error.code)) mapped = new TimeoutError(TIMEOUT_MESSAGE);
  else if (
    UNAVAILABLE_CODES.has(error.code) ||
    error.code.startsWith('Neo.TransientError.') ||
    isAcquisitionTimeout(error)
  ) {
    mapped = new UnavailableError(UNAVAILABLE_MESSAGE);
  } else return new Neo4jStoreError(error.code, error);
  Object.defineProperty(mapped, 'cause', { value: error, enumerable: false });
  return mapped;
}

/** The pool could not hand out a connection in time (every attempt to open one failed or hung). */
function isAcquisitionTimeout(error: Neo4jError): boolean {
  return error.message.startsWith('Connection acquisition timed out');
}

/** A short, driver-text-free reason a connection at start-up failed, for the one start-up error. */
export function connectFailureReason(error: unknown, database: string | undefined): string {
  if (!(error instanceof Neo4jError)) return 'unexpected error (see cause)';
  if (error.code === 'Neo.ClientError.Security.Unauthorized')
    return 'authentication failed (check NEO4J_USERNAME and NEO4J_PASSWORD)';
  if (error.code === 'Neo.ClientError.Database.DatabaseNotFound')
    return `database "${database ?? ''}" does not exist`;
  if (error.code === SERVICE_UNAVAILABLE || isAcquisitionTimeout(error)) {
    const text = `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}`;
    if (/certificate|handshake|SSL routines|self.signed/i.test(text)) {
      return 'TLS failed (check the scheme: +s for a trusted certificate, +ssc for a self-signed one, none for plain Bolt)';
    }
    if (/closed by server/i.test(text))
      return 'the server closed the connection (if it requires TLS, use bolt+s:// or bolt+ssc://)';
    return 'no server answered (connection refused or timed out)';
  }
  return `server refused the connection (${error.code})`;
}
