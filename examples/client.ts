/**
 * Embedding the API in a frontend, typed: a minimal client over fetch that sends one named
 * operation of examples/explorer.graphql and returns its generated result type. Any
 * GraphQL client (urql, Apollo Client, graphql-request) can use the same generated types.
 */
import type {
  EntityViewQuery,
  EntityViewQueryVariables,
  SupplyViewQuery,
  SupplyViewQueryVariables,
} from './generated/graphql.js';

interface Operations {
  EntityView: [EntityViewQueryVariables, EntityViewQuery];
  SupplyView: [SupplyViewQueryVariables, SupplyViewQuery];
}

/** Sends `operationName` from `document` (the text of examples/explorer.graphql) to `endpoint`; throws on GraphQL errors. */
export async function request<K extends keyof Operations>(
  endpoint: string,
  document: string,
  operationName: K,
  variables: Operations[K][0],
): Promise<Operations[K][1]> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document, operationName, variables }),
  });
  const body = (await res.json()) as { data?: Operations[K][1]; errors?: { message: string }[] };
  if (body.errors?.length || !body.data)
    throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`);
  return body.data;
}

/** Example: the office titles of an entity, typed end to end. */
export async function officesOf(endpoint: string, document: string, id: string): Promise<string[]> {
  const { entity } = await request(endpoint, document, 'EntityView', { id });
  return (entity?.relationships?.nodes ?? [])
    .filter((r) => r.type === 'HOLDS_OFFICE' && r.from.id === id)
    .map((r) => `${r.title ?? ''}, ${r.to.name}`);
}
