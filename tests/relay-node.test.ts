import { describe, expect, it } from 'vitest';
import { AS_EDITOR, WRITE_ENV } from '../scripts/support/credentials.js';
import { RELATION_TYPES } from '../src/domain/model.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/*
 * Issue 14 item 6: Relay global object identification (node, nodes) over entities, relationships
 * and audit entries, with ids whose form tells the kind; audit edges; search and citedBy paged
 * as connections.
 */

const NODE = `query ($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Entity { name }
    ... on Relationship { type from { id } }
    ... on AuditEntry { action note changes { targetId } }
  }
}`;

const UPSERT = `mutation ($input: EntityInput!, $note: String!) {
  upsertEntity(input: $input, note: $note) { audit { id changes { id targetId } } }
}`;

describe.each(STORE_FIXTURES)('Relay conventions on the $name store', (fixture) => {
  const ctx = useApi(fixture, WRITE_ENV);

  it('node(id) fetches an entity, a relationship and an audit entry by the ids they show', async () => {
    const { upsertEntity } = await ctx.api.data(
      UPSERT,
      { input: { id: 'test-node-co', kind: 'ORGANIZATION', name: 'Node Co' }, note: 'for node' },
      AS_EDITOR,
    );
    const auditId: string = upsertEntity.audit.id;
    expect(auditId).toMatch(/^audit:[0-9a-f-]{36}$/);
    expect(upsertEntity.audit.changes).toEqual([{ id: `${auditId}/0`, targetId: 'test-node-co' }]);

    expect((await ctx.api.data(NODE, { id: 'china' })).node).toEqual({
      __typename: 'Country',
      id: 'china',
      name: 'China',
    });
    const { entity } = await ctx.api.data(
      `{ entity(id: "china") { relationships(first: 1, direction: OUT) { nodes { id type } } } }`,
    );
    const rel = entity.relationships.nodes[0];
    expect((await ctx.api.data(NODE, { id: rel.id })).node).toEqual({
      __typename: 'Relationship',
      id: rel.id,
      type: rel.type,
      from: { id: 'china' },
    });
    expect((await ctx.api.data(NODE, { id: auditId })).node).toEqual({
      __typename: 'AuditEntry',
      id: auditId,
      action: 'UPSERT_ENTITY',
      note: 'for node',
      changes: [{ targetId: 'test-node-co' }],
    });
  });

  it('nodes(ids) answers in the order asked, null for each unknown id', async () => {
    const { auditLog } = await ctx.api.data(`{ auditLog(first: 1) { nodes { id } } }`);
    const auditId: string = auditLog.nodes[0].id;
    const ids = [
      'no-such-entity',
      auditId,
      'china',
      'located-in:nobody:nowhere',
      'audit:00000000-0000-4000-8000-000000000000',
      'dysprosium',
      '!!',
    ];
    const { nodes } = await ctx.api.data(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
      ids,
    });
    expect(nodes).toEqual([
      null,
      { __typename: 'AuditEntry', id: auditId },
      { __typename: 'Country', id: 'china' },
      null,
      null,
      { __typename: 'Material', id: 'dysprosium' },
      null,
    ]);
  });

  it('an audit UUID that is also an entity slug names the entity; only the audit form names the entry', async () => {
    const { auditLog } = await ctx.api.data(`{ auditLog(first: 1) { nodes { id } } }`);
    const auditId: string = auditLog.nodes[0].id;
    const uuid = auditId.slice('audit:'.length);
    expect((await ctx.api.data(NODE, { id: uuid })).node).toBeNull();
    await ctx.api.data(
      UPSERT,
      { input: { id: uuid, kind: 'ORGANIZATION', name: 'Slug Twin' }, note: 'same id as an audit entry' },
      AS_EDITOR,
    );
    expect((await ctx.api.data(NODE, { id: uuid })).node).toEqual({
      __typename: 'Organization',
      id: uuid,
      name: 'Slug Twin',
    });
    expect((await ctx.api.data(NODE, { id: auditId })).node).toMatchObject({
      __typename: 'AuditEntry',
      id: auditId,
    });
    // No relation type could make a relationship id that reads as an audit id.
    expect(Object.keys(RELATION_TYPES).map((t) => t.toLowerCase())).not.toContain('audit');
  });

  it('refuses more than 100 ids at once (the list limit) and answers 100', async () => {
    const res = await ctx.api.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 101 }, () => 'china'),
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('LIST_TOO_LONG');
    const ok = await ctx.api.data(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 100 }, () => 'china'),
    });
    expect(ok.nodes).toHaveLength(100);
  });

  it('the audit trail has edges whose cursors page it', async () => {
    const first = await ctx.api.data(
      `{ auditLog(first: 1) { totalCount edges { cursor node { id } } nodes { id } pageInfo { endCursor hasNextPage } } }`,
    );
    expect(first.auditLog.totalCount).toBeGreaterThanOrEqual(2);
    expect(first.auditLog.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      first.auditLog.nodes.map((n: { id: string }) => n.id),
    );
    expect(first.auditLog.edges[0].cursor).toBe(first.auditLog.pageInfo.endCursor);
    const next = await ctx.api.data(
      `query ($after: String) { auditLog(first: 1, after: $after) { edges { node { id } } } }`,
      { after: first.auditLog.pageInfo.endCursor },
    );
    expect(next.auditLog.edges[0].node.id).not.toBe(first.auditLog.edges[0].node.id);
  });

  it('search pages as a connection: the pages together are the whole ranked list', async () => {
    const all = await ctx.api.data(`{ search(text: "an", first: 100) { totalCount nodes { id } } }`);
    expect(all.search.totalCount).toBeGreaterThan(100);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await ctx.api.data(
        `query ($after: String) { search(text: "an", first: 40, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...page.search.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.search.pageInfo.hasNextPage) break;
      after = page.search.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(all.search.totalCount);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 100)).toEqual(all.search.nodes.map((n: { id: string }) => n.id));
  });

  it('Source.citedBy pages as a connection with a totalCount', async () => {
    const all = await ctx.api.data(
      `{ entity(id: "source-article") { ... on Source { citedBy(first: 100) { totalCount nodes { id } } } } }`,
    );
    const { totalCount, nodes } = all.entity.citedBy;
    expect(totalCount).toBeGreaterThan(2);
    const page = await ctx.api.data(
      `{ entity(id: "source-article") { ... on Source { citedBy(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } } } } }`,
    );
    expect(page.entity.citedBy).toEqual({
      totalCount,
      edges: nodes.slice(0, 2).map((n: { id: string }) => ({ node: n })),
      pageInfo: { hasNextPage: true },
    });
  });
});
