import { expect, it } from 'vitest';
import { AS_EDITOR } from '../../scripts/support/credentials.js';
import { readmeExamples } from '../../scripts/support/readme-examples.js';

/** What a real client library answers: `data` as the library hands it over, and the GraphQL errors' codes. */
export interface ClientAnswer {
  data: Record<string, any> | null | undefined;
  codes: string[];
}

/** One embedding client (Apollo Client, urql): reads with its defaults, writes with the editor's headers. */
export interface EmbeddingClient {
  query(document: string, variables?: Record<string, unknown>): Promise<ClientAnswer>;
  mutate(
    document: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
  ): Promise<ClientAnswer>;
}

const PAGE = `query Page($after: String) { entities(first: 40, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }`;
const NAME = `query Name($id: ID!) { entity(id: $id) { id name } }`;
const RENAME = `mutation Rename($id: ID!, $name: String!) { upsertEntity(input: { id: $id, kind: PERSON, name: $name }, note: "client test") { entity { id name } } }`;

const { examples } = await readmeExamples();

/**
 * The same steps for every client: the README's examples in order (reads through the client's
 * cache, writes as the editor), a full walk of `entities` checked against `totalCount`, and a
 * write followed by a cached read that must show the new state. `client()` is the client under
 * test over a server started with the README's settings (editor key "alice").
 */
export function defineClientSuite(client: () => EmbeddingClient): void {
  it("answers the README's examples as the README gives them", async () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const example of examples) {
      const expected = JSON.parse(example.answer) as {
        data?: Record<string, unknown> | null;
        errors?: { extensions?: { code?: string } }[];
      };
      const isWrite = /^\s*mutation\b/.test(example.query);
      const answer = isWrite
        ? await client().mutate(example.query, {}, AS_EDITOR.headers)
        : await client().query(example.query);
      // toMatchObject: a client adds __typename to every object it caches.
      if (expected.data) expect(answer.data, example.query).toMatchObject(expected.data);
      expect(answer.codes, example.query).toEqual((expected.errors ?? []).map((e) => e.extensions?.code));
    }
  });

  it('walks every page of entities: totalCount ids, none twice', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (let page = 0; page < 1000; page++) {
      const { data, codes } = await client().query(PAGE, { after });
      expect(codes).toEqual([]);
      const entities = data!.entities as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { id: string }[];
      };
      totalCount = entities.totalCount;
      ids.push(...entities.nodes.map((n) => n.id));
      if (!entities.pageInfo.hasNextPage) break;
      after = entities.pageInfo.endCursor;
    }
    expect(totalCount).toBeGreaterThan(40);
    expect(ids).toHaveLength(totalCount);
    expect(new Set(ids).size).toBe(totalCount);
  });

  it('shows a write in the next cached read', async () => {
    const before = await client().query(NAME, { id: 'scott-bessent' });
    expect(before.data!.entity).toMatchObject({ id: 'scott-bessent', name: 'Scott Bessent' });
    const written = await client().mutate(
      RENAME,
      { id: 'scott-bessent', name: 'Scott K. H. Bessent' },
      AS_EDITOR.headers,
    );
    expect(written.codes).toEqual([]);
    const after = await client().query(NAME, { id: 'scott-bessent' });
    expect(after.data!.entity).toMatchObject({ id: 'scott-bessent', name: 'Scott K. H. Bessent' });
  });
}
