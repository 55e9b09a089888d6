import { describe, expect, it } from 'vitest';
import { AS_EDITOR, WRITE_ENV } from '../scripts/support/credentials.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/*
 * Issue 13.7 (search folds accents, case and word forms; name order ignores case) and issue 14.5
 * (keyset cursors: a walk during writes neither repeats nor skips; backward paging), over HTTP on
 * both stores.
 */

const UPSERT = `mutation($input: EntityInput!) { upsertEntity(input: $input, note: "paging test") { entity { id } } }`;
const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
  entities(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount
  }
}`;
const RELS = `query($first: Int, $after: String, $last: Int, $before: String) {
  entity(id: "china") { relationships(first: $first, after: $after, last: $last, before: $before) {
    nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }
}`;

type Api = ReturnType<typeof useApi>['api'];
interface Page {
  ids: string[];
  info: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

async function entityPage(api: Api, vars: Record<string, unknown>): Promise<Page> {
  const { entities } = await api.data(PAGE, vars);
  return { ids: entities.edges.map((e: { node: { id: string } }) => e.node.id), info: entities.pageInfo };
}

/** Every id of a forward walk of `size`, calling `between` after each page. */
async function walkForward(
  page: (vars: Record<string, unknown>) => Promise<Page>,
  size: number,
  between: (n: number) => Promise<void> = async () => {},
): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let n = 0; ; n++) {
    const p: Page = await page({ first: size, after });
    seen.push(...p.ids);
    if (!p.info.hasNextPage) return seen;
    after = p.info.endCursor;
    await between(n);
  }
}

/** Every id of a backward walk of `size`, in list order. */
async function walkBackward(
  page: (vars: Record<string, unknown>) => Promise<Page>,
  size: number,
): Promise<string[]> {
  const pages: string[][] = [];
  let before: string | null = null;
  for (;;) {
    const p: Page = await page({ last: size, before });
    pages.unshift(p.ids);
    if (!p.info.hasPreviousPage) return pages.flat();
    before = p.info.startCursor;
  }
}

describe.each(STORE_FIXTURES)('search and paging on the $name store', (fixture) => {
  const ctx = useApi(fixture, WRITE_ENV);
  const search = async (text: string) =>
    (
      (
        await ctx.api.data(`query($t: String!) { search(text: $t, first: 100) { nodes { id } } }`, {
          t: text,
        })
      ).search as { nodes: { id: string }[] }
    ).nodes.map((e) => e.id);

  it('finds word forms: "ally" and "supplies" find the US-allied coordination', async () => {
    expect(await search('ally')).toContain('us-allied-supply-coordination');
    expect(await search('supplies')).toContain('us-allied-supply-coordination');
    expect(await search('allies')).toContain('us-allied-supply-coordination');
  });

  it('folds accents both ways: "Societe" and "SOCIÉTÉ" find "Société ..." first, in search and in the filtered list', async () => {
    await ctx.api.data(
      UPSERT,
      {
        input: {
          id: 'test-societe',
          kind: 'ORGANIZATION',
          name: 'Société Test des Terres Rares',
          category: 'company',
        },
      },
      AS_EDITOR,
    );
    expect((await search('Societe'))[0]).toBe('test-societe');
    expect((await search('SOCIÉTÉ test'))[0]).toBe('test-societe');
    const { entities } = await ctx.api.data(
      `{ entities(search: "terres rares societe", first: 5) { nodes { id } } }`,
    );
    expect(entities.nodes).toEqual([{ id: 'test-societe' }]);
  });

  it('orders names without regard to case: Canada before CNN', async () => {
    const all = await walkForward((v) => entityPage(ctx.api, v), 100);
    expect(all.indexOf('canada')).toBeGreaterThanOrEqual(0);
    expect(all.indexOf('canada')).toBeLessThan(all.indexOf('cnn'));
  });

  it('a forward walk while entities are inserted between pages repeats nothing and skips nothing that existed throughout', async () => {
    const before = await walkForward((v) => entityPage(ctx.api, v), 100);
    const walked = await walkForward(
      (v) => entityPage(ctx.api, v),
      7,
      async (n) => {
        // Each lands before the walk's position (sort key "aaa..."), which shifted every offset cursor.
        await ctx.api.data(
          UPSERT,
          {
            input: {
              id: `test-insert-${n}`,
              kind: 'ORGANIZATION',
              name: `AAA inserted ${n}`,
              category: 'company',
            },
          },
          AS_EDITOR,
        );
      },
    );
    expect(walked.length).toBe(new Set(walked).size);
    expect(before.filter((id) => !walked.includes(id))).toEqual([]);
  });

  it('a backward walk (last/before) is the forward walk, in the same order', async () => {
    const forward = await walkForward((v) => entityPage(ctx.api, v), 9);
    expect(await walkBackward((v) => entityPage(ctx.api, v), 9)).toEqual(forward);
    const rels = async (v: Record<string, unknown>): Promise<Page> => {
      const { entity } = await ctx.api.data(RELS, v);
      return {
        ids: entity.relationships.nodes.map((r: { id: string }) => r.id),
        info: entity.relationships.pageInfo,
      };
    };
    const relsForward = await walkForward(rels, 4);
    expect(relsForward.length).toBeGreaterThan(8);
    expect(await walkBackward(rels, 4)).toEqual(relsForward);
  });

  it('refuses a cursor of the old offset form with BAD_USER_INPUT saying what to do', async () => {
    const res = await ctx.api.gql(PAGE, { first: 2, after: Buffer.from('offset:3').toString('base64url') });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/offset cursor of API 0\.1.*start the walk again/);
  });
});
