import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, RateLimitedError, StorageUnavailableError } from '../domain/errors.js';
import type { GraphContext } from '../schema/shared/graph.service.js';
import { LimitError, tokenLimitError } from './limits.js';
import type { RequestRecord } from './request-log.js';

/** The context the server builds: what resolvers see, plus the request's record for the log. */
export interface ServerContext extends GraphContext {
  record: RequestRecord;
}

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

/** An error the policy shows as it is: its code, a message safe to show, and the argument it names. */
interface KnownError {
  code: string;
  message: string;
  field?: string;
}

/** graphql-js's "Did you mean …?" hints, which reveal field names even with introspection off. */
const SUGGESTION = /\s*Did you mean .+\?$/;

/** The known error behind `error`, or undefined for an unexpected one (masked as INTERNAL). */
function known(error: unknown): KnownError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError)
    return {
      code: original.code,
      message: original.message,
      ...(original.field && { field: original.field }),
    };
  if (!(error instanceof GraphQLError)) return undefined;
  const limit =
    error instanceof LimitError
      ? error
      : error.originalError instanceof LimitError
        ? error.originalError
        : undefined;
  if (limit) return { code: limit.code, message: limit.message };
  const code = error.extensions.code;
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitError(error.message) : undefined;
  if (tokens) return { code: tokens.code, message: tokens.message };
  if (typeof code !== 'string' || !CLIENT_CODES.has(code)) return undefined;
  return { code, message: error.message };
}

/** What {@link createFormatError} needs. */
export interface ErrorPolicyOptions {
  /** Keep internals of unexpected errors (local development only). */
  debug: boolean;
  fieldSuggestions: boolean;
}

/**
 * The one error policy: domain errors keep their message and stable code (plus the argument they
 * name); limit refusals and client errors from parsing and validation keep theirs; anything
 * else is masked as INTERNAL. The request's correlation id is added afterwards, by
 * {@link stampErrors} (Apollo's formatError does not see the request).
 */
export function createFormatError({ debug, fieldSuggestions }: ErrorPolicyOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const base = {
      ...(formatted.locations && { locations: formatted.locations }),
      ...(formatted.path && { path: formatted.path }),
    };
    const found = known(error);
    if (found)
      return {
        message: fieldSuggestions ? found.message : found.message.replace(SUGGESTION, ''),
        ...base,
        extensions: { code: found.code, ...(found.field && { field: found.field }) },
      };
    if (debug) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL' } };
    return {
      message: 'Internal server error',
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: 'INTERNAL' },
    };
  };
}

/**
 * Gives every formatted error of a response the request id as `extensions.correlationId` (the
 * same id as the `x-request-id` header and the log line), and records their codes for the log.
 */
export function stampErrors(
  errors: readonly GraphQLFormattedError[] | undefined,
  record: RequestRecord,
): void {
  for (const error of errors ?? []) {
    const extensions = error.extensions;
    record.errorCodes.push(typeof extensions?.code === 'string' ? extensions.code : 'INTERNAL');
    (error as { extensions: Record<string, unknown> }).extensions = {
      ...extensions,
      correlationId: record.requestId,
    };
  }
}

/** HTTP statuses for errors that concern the whole request; BAD_USER_INPUT and NOT_FOUND keep 200 (GraphQL over HTTP). */
const STATUS_BY_CODE: Partial<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DB_UNAVAILABLE: 503,
  STORAGE_UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/**
 * One order for a response's errors whatever finished first (fields run concurrently, and each
 * store takes its own time): request-level errors first, then by path, segment by segment
 * (indexes by number); errors at the same path keep their order.
 */
export function byPath(
  a: { readonly path?: readonly (string | number)[] | undefined },
  b: { readonly path?: readonly (string | number)[] | undefined },
): number {
  const [pa, pb] = [a.path ?? [], b.path ?? []];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i]!, pb[i]!];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * The request's side of the error policy, for everything that reaches Apollo's request pipeline:
 * logs each unexpected error (with the request id and the real error, which the response masks),
 * puts the response's errors in one order (by path), stamps the correlation id on every error, records the operation name for the
 * log line, and sets the HTTP status from the first error of an executed operation whose code has
 * one (see STATUS_BY_CODE), with `WWW-Authenticate` on 401 and `Retry-After` on 429 and on STORAGE_UNAVAILABLE's 503. Parse,
 * validation and limit refusals keep Apollo's 400. Requests refused before the pipeline (a body
 * without a query, say) are stamped by the HTTP handler (graphql-http.ts).
 */
export function requestErrorsPlugin(logger: Logger): ApolloServerPlugin<ServerContext> {
  return {
    requestDidStart: ({ contextValue }) => {
      contextValue.record.inPipeline = true;
      return Promise.resolve({
        didResolveOperation(ctx) {
          contextValue.record.operationName = ctx.operationName;
          return Promise.resolve();
        },
        didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (!known(error))
              logger.error(
                {
                  err: unwrapResolverError(error),
                  requestId: contextValue.record.requestId,
                  path: error.path,
                },
                'unexpected error',
              );
          }
          return Promise.resolve();
        },
        willSendResponse(ctx) {
          if (ctx.response.body.kind === 'single') {
            const result = ctx.response.body.singleResult;
            if (result.errors) result.errors = [...result.errors].sort(byPath);
            stampErrors(result.errors, contextValue.record);
          }
          const errors = [...(ctx.errors ?? [])].sort(byPath);
          const index = errors.findIndex((e) => STATUS_BY_CODE[known(e)?.code ?? 'INTERNAL'] !== undefined);
          const error = errors[index];
          if (error === undefined || ctx.response.http.status === 400) return Promise.resolve();
          const code = known(error)?.code ?? 'INTERNAL';
          const http = ctx.response.http;
          http.status = STATUS_BY_CODE[code];
          if (code === 'UNAUTHENTICATED') http.headers.set('www-authenticate', 'Bearer realm="graphql"');
          const original = unwrapResolverError(error);
          if (original instanceof RateLimitedError || original instanceof StorageUnavailableError)
            http.headers.set('retry-after', String(original.retryAfterSeconds));
          return Promise.resolve();
        },
      });
    },
  };
}
