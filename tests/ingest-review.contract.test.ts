import { mkdtemp } from 'node:fs/promises';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { buildGraphSchema } from '../src/schema/build-schema.js';
import { operationCost, WHOLE_GRAPH_COST } from '../src/server/cost.js';
import { INGEST_LIMITS } from '../src/domain/ingest/review.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Proposal } from '../src/domain/ingest/proposal.js';
import { documentIdFor } from '../src/domain/ingest/ids.js';
import { LYNAS_OPERATES, textAbout } from './support/ingest-texts.js';
import { AS_EDITOR, bearer, signedJwt, WRITE_ENV } from '../scripts/support/credentials.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { resetForTests } from './support/neo4j-reset.js';
import type { GraphStore } from '../src/store/graph-store.js';
import { Journal } from '../src/store/memory/journal.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { STORE_FIXTURES, useApi, withSeed } from './support/stores.js';

/*
 * Issue 17, review: over GraphQL on both stores, a document is ingested, its proposals are listed
 * (editors only), accepted through the normal write path (verbatim quote, audit entry with the
 * actor), undone, rejected; refusals change nothing; proposals are never facts until accepted.
 *
 * The extractor is the real one (src/domain/ingest): the texts are written so that its cue rules
 * propose what each test needs. "<Name> Minerals operates the Mount Weld mine" (rule `operator`)
 * proposes the organisation the seed lacks and its OPERATES fact, which depends on it; "Lynas Rare
 * Earths operates the Mount Weld mine" restates a seed fact, so it proposes a citation of it.
 */

/** A document's proposal ids by type (one of each in the texts above). */
function idsByType(proposals: readonly Pick<Proposal, 'id' | 'type'>[]) {
  const of = (type: Proposal['type']) => proposals.find((p) => p.type === type)!.id;
  return { entity: of('ENTITY'), relationship: of('RELATIONSHIP'), citation: of('CITATION') };
}

const INGEST = `mutation($input: IngestDocumentInput!, $note: String!) {
  ingestDocument(input: $input, note: $note) {
    document { id kind name ... on Source { text publisher } }
    proposals newProposals audit { action actor }
  }
}`;
const PROPOSALS = `query($document: ID, $status: ProposalStatus, $type: ProposalType, $first: Int, $after: String) {
  proposals(document: $document, status: $status, type: $type, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id documentId type status quote offset rule dependsOn
      entity { id kind name } relationship { type from to fields }
      citation { relationshipId sourceId quote }
      review { actor reason auditEntryId writtenIds } }
  }
}`;
const ACCEPT = `mutation($id: ID!, $edits: ProposalEditsInput) {
  acceptProposal(id: $id, edits: $edits, note: "reviewed against the document") {
    proposal { id status review { actor writtenIds } } audit { action actor changes { targetId } }
  }
}`;
const REJECT = `mutation($id: ID!, $reason: String!) {
  rejectProposal(id: $id, reason: $reason) { proposal { status review { reason actor } } audit { action note } }
}`;
const UNDO = `mutation($id: ID!) {
  undoAcceptProposal(id: $id, note: "accepted by mistake") { proposal { status review { actor } } audit { action } }
}`;
const BULK = `mutation($document: ID!) {
  acceptProposals(document: $document, note: "bulk review") {
    accepted refused remaining outcomes { accepted code proposal { type status } } audit { action }
  }
}`;
const ENTITY = `query($id: ID!) { entity(id: $id) { id name relationships(includeRetracted: true) { nodes { id type retractedAt to { id } citations { quote source { id } } } } } }`;
const SEARCH = `query($text: String!) { search(text: $text) { totalCount } }`;

const document = (text: string, title = 'Mining news, 2 November') => ({
  text,
  title,
  publisher: 'Test Wire',
  published: '2025-11-02',
  url: 'https://example.com/mining-news',
});

describe.each(STORE_FIXTURES)('ingest and review on the $name store', (fixture) => {
  const ctx = useApi(fixture, { ...WRITE_ENV, INGEST_MAX_TEXT_CHARS: '2000' });
  const text = textAbout('Zorvia Minerals');
  const docId = documentIdFor(text);
  let entityProposal = '';
  let relProposal = '';
  /** Everything a refused call must leave as it was. */
  const snapshot = async (store: GraphStore) => ({
    stats: await store.stats(),
    sequence: await store.changeSequence(),
    proposals: (await store.proposals({ seek: { limit: 1000, backward: false } })).items,
  });
  const list = async (variables: Record<string, unknown>) =>
    (await ctx.api.data(PROPOSALS, variables, AS_EDITOR)).proposals;

  it('ingests a document as a source with its full text, and stores its proposals', async () => {
    const before = await snapshot(ctx.store);
    const out = (await ctx.api.data(INGEST, { input: document(text), note: 'weekly reading' }, AS_EDITOR))
      .ingestDocument;
    expect(out).toEqual({
      document: { id: docId, kind: 'SOURCE', name: 'Mining news, 2 November', text, publisher: 'Test Wire' },
      proposals: 3,
      newProposals: 3,
      audit: { action: 'INGEST_DOCUMENT', actor: 'api-key:alice' },
    });
    expect(docId).toMatch(/^doc-[0-9a-f]{12}$/);
    ({ entity: entityProposal, relationship: relProposal } = idsByType(
      (await ctx.store.proposals({ documentId: docId, seek: { limit: 10, backward: false } })).items,
    ));
    expect(await ctx.store.stats()).toEqual({
      entities: before.stats.entities + 1,
      relationships: before.stats.relationships,
    });
    expect(await ctx.store.changeSequence()).toBe(before.sequence + 1);
  });

  it('lists proposals to editors only, filtered and paged by id', async () => {
    const anonymous = await ctx.api.gql(PROPOSALS, {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await ctx.api.gql(PROPOSALS, {}, bearer(signedJwt({ sub: 'bob', role: 'reader' })));
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const all = await list({ document: docId });
    expect(all.totalCount).toBe(3);
    expect(all.nodes.map((n: { type: string; status: string }) => [n.type, n.status]).sort()).toEqual([
      ['CITATION', 'PENDING'],
      ['ENTITY', 'PENDING'],
      ['RELATIONSHIP', 'PENDING'],
    ]);
    expect(all.nodes.map((n: { id: string }) => n.id)).toEqual(
      all.nodes.map((n: { id: string }) => n.id).sort(),
    );
    const rel = all.nodes.find((n: { id: string }) => n.id === relProposal);
    expect(rel).toMatchObject({
      documentId: docId,
      quote: 'Zorvia Minerals operates the Mount Weld',
      offset: text.indexOf('Zorvia Minerals operates'),
      rule: 'operator',
      dependsOn: [entityProposal],
      relationship: { type: 'OPERATES', from: 'zorvia-minerals', to: 'mt-weld' },
      review: null,
    });
    expect((await list({ document: docId, type: 'ENTITY' })).nodes.map((n: { id: string }) => n.id)).toEqual([
      entityProposal,
    ]);
    const first = await list({ document: docId, first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list({ document: docId, first: 2, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map((n: { id: string }) => n.id)).toEqual(
      all.nodes.map((n: { id: string }) => n.id),
    );
    expect((await list({ document: 'doc-000000000000' })).totalCount).toBe(0);
  });

  it('serves no proposal as a fact: entity, relationships, search, stats and exports do not see them', async () => {
    expect((await ctx.api.data(ENTITY, { id: 'zorvia-minerals' })).entity).toBeNull();
    expect((await ctx.api.data(SEARCH, { text: 'Zorvia' })).search.totalCount).toBe(0);
    const mine = (await ctx.api.data(ENTITY, { id: 'mt-weld' })).entity.relationships.nodes;
    expect(
      mine.some((r: { citations: { source: { id: string } }[] }) =>
        r.citations.some((c) => c.source.id === docId),
      ),
    ).toBe(false);
    const exported = await ctx.store.exportAll();
    expect(exported.entities.some((e) => e.id === 'zorvia-minerals')).toBe(false);
    expect(exported.relationships.some((r) => r.citations.some((c) => c.sourceId === docId))).toBe(false);
    for (const file of ['nodes.csv', 'edges.csv']) {
      const body = await (await fetch(`${ctx.api.url}/export/${file}`)).text();
      expect(body).not.toContain('zorvia-minerals');
    }
  });

  it('refuses a relationship before the entity it depends on, changing nothing', async () => {
    const before = await snapshot(ctx.store);
    const res = await ctx.api.gql(ACCEPT, { id: relProposal }, AS_EDITOR);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'dependsOn' });
    expect(res.body.errors?.[0]?.message).toContain(entityProposal);
    expect(await snapshot(ctx.store)).toEqual(before);
  });

  it('accepts the entity, then the relationship: facts with the verbatim quote and an audit entry with the actor', async () => {
    const entity = (await ctx.api.data(ACCEPT, { id: entityProposal }, AS_EDITOR)).acceptProposal;
    expect(entity).toEqual({
      proposal: {
        id: entityProposal,
        status: 'ACCEPTED',
        review: { actor: 'api-key:alice', writtenIds: ['zorvia-minerals'] },
      },
      audit: {
        action: 'ACCEPT_PROPOSAL',
        actor: 'api-key:alice',
        changes: [{ targetId: 'zorvia-minerals' }],
      },
    });
    const rel = (await ctx.api.data(ACCEPT, { id: relProposal }, AS_EDITOR)).acceptProposal;
    expect(rel.proposal.status).toBe('ACCEPTED');
    const [relId] = rel.proposal.review.writtenIds;
    expect(rel.audit.changes).toEqual([{ targetId: relId }]);
    const zorvia = (await ctx.api.data(ENTITY, { id: 'zorvia-minerals' })).entity;
    expect(zorvia).toEqual({
      id: 'zorvia-minerals',
      name: 'Zorvia Minerals',
      relationships: {
        nodes: [
          {
            id: relId,
            type: 'OPERATES',
            retractedAt: null,
            to: { id: 'mt-weld' },
            citations: [{ quote: 'Zorvia Minerals operates the Mount Weld', source: { id: docId } }],
          },
        ],
      },
    });
    const log = await ctx.api.data(
      `query($id: ID!) { auditLog(targetId: $id) { nodes { action actor note } } }`,
      { id: relId },
    );
    expect(log.auditLog.nodes).toEqual([
      { action: 'ACCEPT_PROPOSAL', actor: 'api-key:alice', note: 'reviewed against the document' },
    ]);
  });

  it('undoes an accept: the relationship is retracted and the proposal is pending again; accepting again restores it', async () => {
    const undone = (await ctx.api.data(UNDO, { id: relProposal }, AS_EDITOR)).undoAcceptProposal;
    expect(undone).toEqual({
      proposal: { status: 'PENDING', review: null },
      audit: { action: 'UNDO_ACCEPT' },
    });
    const [rel] = (await ctx.api.data(ENTITY, { id: 'zorvia-minerals' })).entity.relationships.nodes;
    expect(rel.retractedAt).not.toBeNull();
    const visible = await ctx.api.data(`{ entity(id: "zorvia-minerals") { relationships { totalCount } } }`);
    expect(visible.entity.relationships.totalCount).toBe(0);
    const again = (await ctx.api.data(ACCEPT, { id: relProposal }, AS_EDITOR)).acceptProposal;
    expect(again.proposal.status).toBe('ACCEPTED');
    const [back] = (await ctx.api.data(ENTITY, { id: 'zorvia-minerals' })).entity.relationships.nodes;
    expect(back.retractedAt).toBeNull();
    const entityUndo = await ctx.api.gql(UNDO, { id: entityProposal }, AS_EDITOR);
    expect(entityUndo.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a proposal with its reason; a reviewed proposal cannot be reviewed again', async () => {
    const [cite] = (await list({ document: docId, type: 'CITATION' })).nodes;
    expect(cite.citation).toEqual({
      relationshipId: LYNAS_OPERATES,
      sourceId: docId,
      quote: 'Lynas Rare Earths operates the Mount Weld',
    });
    const out = (
      await ctx.api.data(REJECT, { id: cite.id, reason: 'the quote restates old news' }, AS_EDITOR)
    ).rejectProposal;
    expect(out).toEqual({
      proposal: {
        status: 'REJECTED',
        review: { reason: 'the quote restates old news', actor: 'api-key:alice' },
      },
      audit: { action: 'REJECT_PROPOSAL', note: 'the quote restates old news' },
    });
    const before = await snapshot(ctx.store);
    const twice = await ctx.api.gql(REJECT, { id: cite.id, reason: 'again' }, AS_EDITOR);
    expect(twice.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const accepted = await ctx.api.gql(ACCEPT, { id: entityProposal }, AS_EDITOR);
    expect(accepted.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const unknown = await ctx.api.gql(ACCEPT, { id: 'prop-0000000000000000' }, AS_EDITOR);
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await snapshot(ctx.store)).toEqual(before);
  });

  it('re-ingesting the same text finds the same document and writes nothing', async () => {
    const before = await snapshot(ctx.store);
    const out = (await ctx.api.data(INGEST, { input: document(text), note: 'again' }, AS_EDITOR))
      .ingestDocument;
    expect(out).toMatchObject({ document: { id: docId }, proposals: 3, newProposals: 0, audit: null });
    expect(await snapshot(ctx.store)).toEqual(before);
  });

  it.each([
    ['empty text', { text: '  \n ' }, 'BAD_USER_INPUT', 'text'],
    ['text over INGEST_MAX_TEXT_CHARS', { text: 'x'.repeat(2001) }, 'BAD_USER_INPUT', 'text'],
    ['binary content', { text: 'PK\u0003\u0004\u0000\u0000 binary' }, 'BAD_USER_INPUT', 'text'],
    ['a missing date', { published: '' }, 'BAD_USER_INPUT', 'published'],
    ['an impossible date', { published: '2025-02-30' }, 'BAD_USER_INPUT', 'published'],
    [
      'the same text under another title',
      { text: textAbout('Zorvia Minerals'), title: 'Other title' },
      'CONFLICT',
      'title',
    ],
  ])('refuses %s, changing nothing', async (_, change, code, field) => {
    const before = await snapshot(ctx.store);
    const res = await ctx.api.gql(
      INGEST,
      { input: { ...document('Some new text.'), ...change }, note: 'bad' },
      AS_EDITOR,
    );
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code, field });
    if (code === 'CONFLICT') expect(res.body.errors?.[0]?.message).toContain(docId);
    expect(await snapshot(ctx.store)).toEqual(before);
  });

  it('accepts with edits: another name for the entity, another end and a window for the relationship', async () => {
    const other = textAbout('Edited Minerals');
    await ctx.api.data(INGEST, { input: document(other, 'Edited news'), note: 'edits' }, AS_EDITOR);
    const ids = idsByType((await list({ document: documentIdFor(other) })).nodes);
    await ctx.api.data(ACCEPT, { id: ids.entity, edits: { name: 'Edited Minerals Ltd' } }, AS_EDITOR);
    const before = await snapshot(ctx.store);
    const wrongEnd = await ctx.api.gql(ACCEPT, { id: ids.relationship, edits: { to: 'china' } }, AS_EDITOR);
    expect(wrongEnd.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'type' });
    expect(await snapshot(ctx.store)).toEqual(before);
    const rel = (
      await ctx.api.data(
        ACCEPT,
        {
          id: ids.relationship,
          edits: { to: 'lynas-kalgoorlie', validFrom: '2025-11' },
        },
        AS_EDITOR,
      )
    ).acceptProposal;
    expect(rel.proposal.status).toBe('ACCEPTED');
    const [written] = await ctx.store.getRelationships(rel.proposal.review.writtenIds);
    expect(written).toMatchObject({
      type: 'OPERATES',
      from: 'edited-minerals',
      to: 'lynas-kalgoorlie',
      validFrom: '2025-11',
    });
    expect((await ctx.store.getEntities(['edited-minerals']))[0]?.name).toBe('Edited Minerals Ltd');
    const bad = await ctx.api.gql(ACCEPT, { id: 'prop-ffffffffffffffff', edits: { to: 'china' } }, AS_EDITOR);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('bulk-accepts a document: entity proposals first, in one write', async () => {
    const other = textAbout('Quillon Minerals');
    const ingested = (
      await ctx.api.data(INGEST, { input: document(other, 'Quillon news'), note: 'bulk' }, AS_EDITOR)
    ).ingestDocument;
    expect(ingested.newProposals).toBe(3);
    const sequence = await ctx.store.changeSequence();
    const out = (await ctx.api.data(BULK, { document: ingested.document.id }, AS_EDITOR)).acceptProposals;
    const outcome = (type: string) => ({
      accepted: true,
      code: null,
      proposal: { type, status: 'ACCEPTED' },
    });
    expect(out).toMatchObject({
      accepted: 3,
      refused: 0,
      remaining: 0,
      audit: { action: 'ACCEPT_PROPOSAL' },
    });
    // The entity proposal first; the relationship and the citation after it, in id order.
    expect(out.outcomes[0]).toEqual(outcome('ENTITY'));
    expect(out.outcomes.slice(1)).toEqual(
      expect.arrayContaining([outcome('RELATIONSHIP'), outcome('CITATION')]),
    );
    expect(out.outcomes).toHaveLength(3);
    expect(await ctx.store.changeSequence()).toBe(sequence + 1);
    const quillon = (await ctx.api.data(ENTITY, { id: 'quillon-minerals' })).entity;
    expect(quillon.relationships.nodes.map((r: { type: string }) => r.type)).toEqual(['OPERATES']);
    const again = (await ctx.api.data(BULK, { document: ingested.document.id }, AS_EDITOR)).acceptProposals;
    expect(again).toMatchObject({ accepted: 0, refused: 0, outcomes: [], audit: null });
  });
});

describe('the embedded journal keeps proposals across a restart', () => {
  it('replays proposals and their review statuses', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'ingest-journal-')), 'journal.jsonl');
    const open = async () => {
      const store = await withSeed(new MemoryStore(new Journal(file)));
      await store.open();
      return store;
    };
    const text = textAbout('Restart Minerals');
    const first = await open();
    const api = await startTestServer(first, WRITE_ENV);
    try {
      await api.data(INGEST, { input: document(text, 'Restart news'), note: 'before restart' }, AS_EDITOR);
      const pending = await first.proposals({
        documentId: documentIdFor(text),
        seek: { limit: 10, backward: false },
      });
      await api.data(ACCEPT, { id: idsByType(pending.items).entity }, AS_EDITOR);
    } finally {
      await api.close();
      await first.close();
    }
    const second = await open();
    const after = await second.proposals({ seek: { limit: 100, backward: false } });
    await second.close();
    expect(after.items.map((p) => [p.type, p.status]).sort()).toEqual([
      ['CITATION', 'PENDING'],
      ['ENTITY', 'ACCEPTED'],
      ['RELATIONSHIP', 'PENDING'],
    ]);
    expect(after.items.every((p) => p.documentId === documentIdFor(text))).toBe(true);
  });
});

describe('the cost check prices the review API', () => {
  const cost = async (query: string) => {
    const document = parse(query);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    return operationCost(await buildGraphSchema(), document, operation, {
      input: { text: 't', title: 't', publisher: 'p', published: '2025-11-02' },
      note: 'n',
      document: 'doc-000000000000',
      id: 'x',
      reason: 'r',
    });
  };

  it('an ingest and a bulk accept read the whole graph; a bulk accept is priced at its most outcomes', async () => {
    expect(await cost(INGEST)).toBeGreaterThan(WHOLE_GRAPH_COST);
    // 5 fields per outcome (accepted, code, proposal, type, status) times the most outcomes, plus the scan.
    expect(await cost(BULK)).toBe(WHOLE_GRAPH_COST + 1 + 3 + 1 + INGEST_LIMITS.bulkAccept * 5 + 2);
    expect(await cost(ACCEPT)).toBeLessThan(100);
  });
});

describe('round trips to Neo4j: ingest and bulk accept take as many statements for 2 proposals as for 80', () => {
  let statements = 0;
  let store: GraphStore;
  let api: TestServer;
  beforeAll(async () => {
    const { createNeo4jStore } = await import('../src/store/neo4j/index.js');
    store = await createNeo4jStore({ uri: inject('neo4jUri') }, { onQuery: () => statements++ });
    await resetForTests(inject('neo4jUri'));
    const seed = await loadSeed();
    await store.loadSeed(seed.entities, seed.relationships);
    api = await startTestServer(store, WRITE_ENV);
  });
  afterAll(async () => {
    await api?.close();
    await store?.close();
  });

  const names = (n: number, prefix: string) =>
    Array.from(
      { length: n },
      (_, i) =>
        `${prefix}${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    );
  const counted = async (query: string, variables: Record<string, unknown>) => {
    statements = 0;
    const data = await api.data(query, variables, AS_EDITOR);
    return { data, statements };
  };

  it('counts the same statements whatever the number of proposals', async () => {
    const run = async (n: number, prefix: string) => {
      const text = names(n, prefix)
        .map((name) => `${name} Metals operates the Mount Weld mine.`)
        .join(' ');
      const ingest = await counted(INGEST, { input: document(text, `${prefix} news`), note: 'counting' });
      expect(ingest.data.ingestDocument.newProposals).toBe(2 * n);
      const bulk = await counted(BULK, { document: ingest.data.ingestDocument.document.id });
      expect(bulk.data.acceptProposals.accepted).toBe(2 * n);
      return [ingest.statements, bulk.statements];
    };
    const small = await run(1, 'Q');
    const large = await run(40, 'Z');
    expect(large).toEqual(small);
  });
});
