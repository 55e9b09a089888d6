import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { README_ENV } from '../../scripts/support/readme-examples.js';
import { startTestServer, type TestServer } from '../../scripts/support/test-server.js';
import { memoryFixture } from '../support/stores.js';
import { defineClientSuite, type ClientAnswer, type EmbeddingClient } from './client-suite.js';

let api: TestServer;
let urql: Client;
beforeAll(async () => {
  api = await startTestServer(await memoryFixture.create(), README_ENV);
  // urql's defaults: the document cache, and GET for queries within the URL limit.
  urql = new Client({ url: `${api.url}/graphql`, exchanges: [cacheExchange, fetchExchange] });
});
afterAll(() => api.close());

const answerOf = (result: {
  data?: unknown;
  error?: { graphQLErrors: readonly { extensions?: Record<string, unknown> }[] } | undefined;
}): ClientAnswer => ({
  data: result.data as ClientAnswer['data'],
  codes: (result.error?.graphQLErrors ?? []).map((e) => e.extensions?.code as string),
});

const client = (): EmbeddingClient => ({
  query: async (document, variables = {}) => answerOf(await urql.query(gql(document), variables).toPromise()),
  mutate: async (document, variables, headers) =>
    answerOf(await urql.mutation(gql(document), variables, { fetchOptions: { headers } }).toPromise()),
});

describe('urql (@urql/core 6) with its default settings', () => {
  it('sends a query as GET without content-type and gets the data', async () => {
    const result = await urql
      .query(
        gql`
          query Bessent {
            entity(id: "scott-bessent") {
              id
              name
            }
          }
        `,
        {},
      )
      .toPromise();
    expect(result.operation.context.fetchOptions).toBeUndefined();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({
      entity: { __typename: 'Person', id: 'scott-bessent', name: 'Scott Bessent' },
    });
  });

  defineClientSuite(client);
});
