import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, RateLimitedError } from '../domain/errors.js';

/** Codes Apollo and graphql-js give to requests that are wrong as sent: passed through as they are. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The one error policy: domain errors keep their message and stable code (plus the argument they
 * name); client errors from parsing and validation pass through; anything else is masked as
 * INTERNAL with a correlation id that is also logged with the real error. `debug` (local
 * development only) keeps internals.
 */
export function createFormatError(logger: Logger, debug: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, ...(formatted.locations && { locations: formatted.locations }), ...(formatted.path && { path: formatted.path }) };
    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...(original.field && { field: original.field }) } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return { ...base, extensions: { code } };
    const correlationId = randomUUID();
    logger.error({ err: original, correlationId, path: formatted.path }, 'unexpected error');
    if (debug) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL', correlationId } };
    return { message: 'Internal server error', ...(formatted.path && { path: formatted.path }), extensions: { code: 'INTERNAL', correlationId } };
  };
}

/** HTTP statuses for errors that concern the whole request rather than one field; other errors keep 200 (GraphQL over HTTP). */
const STATUS_BY_CODE: Partial<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429, DB_UNAVAILABLE: 503, TIMEOUT: 504 };

/**
 * Sets the HTTP status from the first error whose code has one (see STATUS_BY_CODE), with
 * `WWW-Authenticate` on 401 and `Retry-After` on 429.
 */
export const httpStatusPlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse(ctx) {
        const originals = (ctx.errors ?? []).map((e) => unwrapResolverError(e));
        const first = originals.find((e): e is DomainError => e instanceof DomainError && STATUS_BY_CODE[e.code] !== undefined);
        if (first === undefined) return Promise.resolve();
        const http = ctx.response.http;
        http.status = STATUS_BY_CODE[first.code];
        if (first.code === 'UNAUTHENTICATED') http.headers.set('www-authenticate', 'Bearer realm="graphql"');
        if (first instanceof RateLimitedError) http.headers.set('retry-after', String(first.retryAfterSeconds));
        return Promise.resolve();
      },
    });
  },
};
