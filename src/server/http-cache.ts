import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';

/**
 * Lets browsers and CDNs keep public reads for `maxAgeSeconds` (HTTP_CACHE_MAX_AGE_SECONDS; 0, the
 * default, marks nothing cacheable). Only a query sent as GET (the form automatic persisted
 * queries use: `?extensions={"persistedQuery":...}`), without credentials, answered without an
 * error, is marked `public, max-age=N`; `Vary: Authorization` keeps a credential's answers apart.
 * Everything else keeps Apollo's headers. A cached answer may lag a write by up to `maxAgeSeconds`.
 */
export function httpCachePlugin<T extends object>(maxAgeSeconds: number): ApolloServerPlugin<T> {
  return {
    requestDidStart() {
      if (maxAgeSeconds <= 0) return Promise.resolve();
      return Promise.resolve({
        willSendResponse({ request, response, operation }) {
          const http = response.http;
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          if (
            request.http?.method === 'GET' &&
            !request.http.headers.has('authorization') &&
            operation?.operation === OperationTypeNode.QUERY &&
            single !== undefined &&
            single.errors === undefined &&
            (http.status ?? 200) === 200
          ) {
            http.headers.set('cache-control', `public, max-age=${maxAgeSeconds}`);
            http.headers.set('vary', 'Authorization');
          }
          return Promise.resolve();
        },
      });
    },
  };
}
