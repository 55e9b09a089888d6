import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stampErrors, type ServerContext } from './errors.js';
import { recordOf, type RequestRecord } from './request-log.js';

/**
 * The /graphql handler: Express to Apollo's `executeHTTPGraphQLRequest` and back (what
 * `@as-integrations/express5` does), plus the correlation id on errors of requests Apollo refuses
 * before its request pipeline (a POST without a query, say), which no plugin sees. Mount it after
 * the JSON body parser, or call it with the parsed body on `req.body` (graphql-lane.ts).
 */
export function graphqlHandler(
  apollo: ApolloServer<ServerContext>,
  context: (res: ServerResponse) => ServerContext,
) {
  apollo.assertStarted('graphqlHandler()');
  return async (req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url!;
    const query = url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method!.toUpperCase(),
        headers,
        search: query < 0 ? '' : url.slice(query),
        body: req.body,
      },
      context: () => Promise.resolve(context(res)),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const record = recordOf(res);
      const body =
        record.inPipeline || res.statusCode < 400
          ? response.body.string
          : stampedBody(response.body.string, record);
      // Not res.send: no ETag (a hash of every answer) for responses no cache keeps.
      res.setHeader('content-length', Buffer.byteLength(body));
      res.end(body);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/** A refusal's body with the correlation id on each error (bodies that are not GraphQL errors are left as they are). */
function stampedBody(body: string, record: RequestRecord): string {
  let parsed: { errors?: GraphQLFormattedError[] };
  try {
    parsed = JSON.parse(body) as { errors?: GraphQLFormattedError[] };
  } catch {
    return body;
  }
  if (!Array.isArray(parsed.errors)) return body;
  stampErrors(parsed.errors, record);
  return JSON.stringify(parsed);
}
