import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** Codes of operations refused for their size (HTTP 400), of a client over its rate (429), and of a subscription over its connection's limit. */
export type LimitCode =
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COMPLEX'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'TOO_MANY_TOKENS'
  | 'LIST_TOO_LONG'
  | 'VARIABLES_TOO_DEEP'
  | 'TOO_MANY_REPRESENTATIONS'
  | 'RESPONSE_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'TOO_MANY_SUBSCRIPTIONS';

/** An operation refused by a limit; its message names the limit and is safe to show. */
export class LimitError extends GraphQLError {
  constructor(
    message: string,
    readonly code: LimitCode,
    status = 400,
    headers?: Record<string, string>,
  ) {
    // `http` is read by Apollo for errors raised outside validation, and stripped from the response.
    super(message, {
      extensions: {
        code,
        http: { status, ...(headers && { headers: new HeaderMap(Object.entries(headers)) }) },
      },
    });
  }
}
