import type { ApolloServerPlugin } from '@apollo/server';
import { TimeoutError } from '../domain/errors.js';

/**
 * The GraphQL execution deadline: a field that starts resolving more than `timeoutMs` after the
 * request started fails with TIMEOUT (HTTP 504), so a slow request stops doing work instead of
 * running on. A store call already running is bounded by the store's own timeout.
 */
export function deadlinePlugin(timeoutMs: number): ApolloServerPlugin {
  return {
    requestDidStart() {
      const deadline = Date.now() + timeoutMs;
      return Promise.resolve({
        executionDidStart: () =>
          Promise.resolve({
            willResolveField() {
              if (Date.now() > deadline) throw new TimeoutError(`The request took longer than ${timeoutMs} ms (REQUEST_TIMEOUT_MS).`);
            },
          }),
      });
    },
  };
}
