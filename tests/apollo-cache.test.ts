import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { AS_EDITOR, WRITE_ENV } from '../scripts/support/credentials.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/*
 * Issue 14 item 1, through a real Apollo Client 4 with its default InMemoryCache (no typePolicies):
 * every object with an `id` must be one object, or the cache merges different things into one.
 */

const UPSERT = gql`
  mutation ($input: EntityInput!, $note: String!) {
    upsertEntity(input: $input, note: $note) {
      entity {
        id
        name
      }
      audit {
        id
        changes {
          id
          target
          before
          after
        }
      }
    }
  }
`;

const AUDIT_OF = gql`
  query ($targetId: ID!) {
    auditLog(targetId: $targetId) {
      nodes {
        id
        action
        changes {
          id
          target
          before
          after
        }
      }
    }
  }
`;

const QUOTES = gql`
  query ($id: ID!) {
    relationship(id: $id) {
      id
      citations {
        id
        quote
      }
    }
  }
`;

const LOCATORS = gql`
  query ($id: ID!) {
    relationship(id: $id) {
      id
      citations {
        id
        locator
        source {
          id
        }
      }
    }
  }
`;

type Change = { id: string; target: string; before: { name: string } | null; after: { name: string } };

function client(url: string): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: `${url}/graphql`, headers: AS_EDITOR.headers }),
    cache: new InMemoryCache(),
  });
}

describe.each(STORE_FIXTURES)('Apollo Client 4 cache on the $name store', (fixture) => {
  const ctx = useApi(fixture, WRITE_ENV);

  it('keeps a create and a later rename of one entity as two changes: null -> "v1", then "v1" -> "v2"', async () => {
    const apollo = client(ctx.api.url);
    const input = { id: 'test-cache-co', kind: 'ORGANIZATION', name: 'v1' };
    await apollo.mutate({ mutation: UPSERT, variables: { input, note: 'create' } });
    await apollo.mutate({ mutation: UPSERT, variables: { input: { ...input, name: 'v2' }, note: 'rename' } });

    const { data } = await apollo.query<{ auditLog: { nodes: { action: string; changes: Change[] }[] } }>({
      query: AUDIT_OF,
      variables: { targetId: 'test-cache-co' },
    });
    const names = data!.auditLog.nodes.map((n) =>
      n.changes.map((c) => [c.before?.name ?? null, c.after.name]),
    );
    // Newest first: the rename, then the create.
    expect(names).toEqual([[['v1', 'v2']], [[null, 'v1']]]);
    const [rename, create] = data!.auditLog.nodes;
    expect(rename!.changes[0]!.id).not.toBe(create!.changes[0]!.id);
  });

  it('lets two queries asking different citation fields share the cached citations', async () => {
    const { entity } = await ctx.api.data(
      `{ entity(id: "china") { relationships(first: 50) { nodes { id citations { quote } } } } }`,
    );
    const cited = (
      entity.relationships.nodes as { id: string; citations: { quote: string | null }[] }[]
    ).find((r) => r.citations.some((c) => c.quote));
    expect(cited).toBeDefined();

    const apollo = client(ctx.api.url);
    const quotes = await apollo.query<{ relationship: { citations: { quote: string | null }[] } }>({
      query: QUOTES,
      variables: { id: cited!.id },
    });
    await apollo.query({ query: LOCATORS, variables: { id: cited!.id } });
    // The second answer was merged into the same citation objects, not written over the first.
    expect(apollo.readQuery({ query: QUOTES, variables: { id: cited!.id } })).toEqual(quotes.data);
    expect(
      apollo
        .readQuery<{ relationship: { citations: { source: { id: string } }[] } }>({
          query: LOCATORS,
          variables: { id: cited!.id },
        })
        ?.relationship.citations.map((c) => c.source.id),
    ).toContain('source-article');
  });
});
