import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import introspection from '../../examples/generated/possible-types.js';
import { README_ENV } from '../../scripts/support/readme-examples.js';
import { startTestServer, type TestServer } from '../../scripts/support/test-server.js';
import { memoryFixture } from '../support/stores.js';
import { defineClientSuite, type ClientAnswer, type EmbeddingClient } from './client-suite.js';

let api: TestServer;
let apollo: ApolloClient;
beforeAll(async () => {
  api = await startTestServer(await memoryFixture.create(), README_ENV);
  // The setup the README's "Embedding" section gives: the shipped possibleTypes, a default HttpLink.
  apollo = new ApolloClient({
    link: new HttpLink({ uri: `${api.url}/graphql` }),
    cache: new InMemoryCache({ possibleTypes: introspection.possibleTypes }),
  });
});
afterAll(() => api.close());

const answerOf = (result: { data?: unknown; error?: unknown }): ClientAnswer => ({
  data: result.data as ClientAnswer['data'],
  codes: CombinedGraphQLErrors.is(result.error)
    ? result.error.errors.map((e) => e.extensions?.code as string)
    : result.error instanceof Error
      ? [result.error.message]
      : [],
});

const client = (): EmbeddingClient => ({
  query: async (document, variables = {}) =>
    answerOf(await apollo.query({ query: gql(document), variables, errorPolicy: 'all' })),
  mutate: async (document, variables, headers) =>
    answerOf(
      await apollo.mutate({ mutation: gql(document), variables, errorPolicy: 'all', context: { headers } }),
    ),
});

describe('Apollo Client 4 with the shipped possibleTypes', () => {
  it('reads an entity through a fragment on a concrete Entity type (possibleTypes match it)', async () => {
    const { data } = await apollo.query({
      query: gql`
        query Office {
          entity(id: "scott-bessent") {
            id
            ...Offices
          }
        }
        fragment Offices on Person {
          offices {
            title
            to {
              name
            }
          }
        }
      `,
    });
    expect(data).toMatchObject({
      entity: {
        __typename: 'Person',
        id: 'scott-bessent',
        offices: [{ title: 'Treasury Secretary', to: { name: 'U.S. Department of the Treasury' } }],
      },
    });
  });

  it('queries over GET too (HttpLink useGETForQueries)', async () => {
    const getting = new ApolloClient({
      link: new HttpLink({ uri: `${api.url}/graphql`, useGETForQueries: true }),
      cache: new InMemoryCache(),
    });
    const { data, error } = await getting.query({
      query: gql`
        query Name {
          entity(id: "china") {
            id
            name
          }
        }
      `,
      errorPolicy: 'all',
    });
    expect(error).toBeUndefined();
    expect(data).toEqual({ entity: { __typename: 'Country', id: 'china', name: 'China' } });
  });

  defineClientSuite(client);
});
