import { describe, expect, it } from 'vitest';
import { AS_EDITOR, bearer, signedJwt, WRITE_ENV } from '../scripts/support/credentials.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/*
 * The write API over HTTP, on both stores: each mutation is one audited transaction; invalid
 * input is refused with BAD_USER_INPUT / NOT_FOUND naming the field and changes nothing;
 * repeating a write leaves one record; retired and retracted relationships stay queryable.
 */

const ADD_ENTITY = `mutation($input: EntityInput!, $note: String!) {
  upsertEntity(input: $input, note: $note) {
    entity { id name kind description ... on Organization { category } }
    audit { id actor action note changes { target targetId before after } }
  }
}`;

const ADD_RELATIONSHIP = `mutation($input: RelationshipInput!, $note: String!) {
  addRelationship(input: $input, note: $note) {
    relationship { id type from { id } to { id } validUntil retracted citations { quote locator source { id } } }
    audit { id actor action changes { target targetId before } }
  }
}`;

const RECORD_SOURCE = `mutation($input: SourceInput!, $note: String!) {
  recordSource(input: $input, note: $note) { entity { id kind ... on Source { hasText publisher } } audit { action } }
}`;

const RETIRE = `mutation($id: ID!, $validUntil: PartialDate!, $note: String!) {
  retireRelationship(id: $id, validUntil: $validUntil, note: $note) { relationship { id validFrom validUntil } audit { action } }
}`;

const RETRACT = `mutation($id: ID!, $note: String!) {
  retractRelationship(id: $id, note: $note) { relationship { id retracted retractedAt retractionNote } audit { action note } }
}`;

const ARTICLE_QUOTE =
  'Washington has also sought to coordinate with allies including Australia, Japan, and Canada';

const NEW_ORG = {
  id: 'test-magnetics',
  kind: 'ORGANIZATION',
  name: 'Test Magnetics',
  category: 'company',
  description: 'A magnet maker (test record)',
};
const LOCATED = {
  type: 'LOCATED_IN',
  from: 'test-magnetics',
  to: 'australia',
  citations: [{ sourceId: 'source-article', quote: ARTICLE_QUOTE }],
};

describe.each(STORE_FIXTURES)('writes over HTTP on the $name store', (fixture) => {
  const ctx = useApi(fixture, WRITE_ENV);
  const snapshot = async () => ({
    graph: await ctx.store.exportAll(),
    audit: (await ctx.store.auditLog({ seek: { limit: 100, backward: false } })).totalCount,
  });

  it('adds an entity and a cited relationship, each recorded in the audit trail with who, what and why', async () => {
    const { upsertEntity } = await ctx.api.data(
      ADD_ENTITY,
      { input: NEW_ORG, note: 'new supplier from a trade report' },
      AS_EDITOR,
    );
    expect(upsertEntity.entity).toEqual({
      id: 'test-magnetics',
      name: 'Test Magnetics',
      kind: 'ORGANIZATION',
      description: 'A magnet maker (test record)',
      category: 'company',
    });
    expect(upsertEntity.audit).toMatchObject({
      actor: 'api-key:alice',
      action: 'UPSERT_ENTITY',
      note: 'new supplier from a trade report',
    });
    expect(upsertEntity.audit.changes).toEqual([
      { target: 'ENTITY', targetId: 'test-magnetics', before: null, after: { ...NEW_ORG, origin: 'API' } },
    ]);

    const { addRelationship } = await ctx.api.data(
      ADD_RELATIONSHIP,
      { input: LOCATED, note: 'where it is based' },
      AS_EDITOR,
    );
    expect(addRelationship.relationship).toEqual({
      id: 'located-in:test-magnetics:australia',
      type: 'LOCATED_IN',
      from: { id: 'test-magnetics' },
      to: { id: 'australia' },
      validUntil: null,
      retracted: false,
      citations: [{ quote: ARTICLE_QUOTE, locator: null, source: { id: 'source-article' } }],
    });

    const { entity } = await ctx.api.data(
      `{ entity(id: "test-magnetics") { relationships { nodes { id to { name } } } } }`,
    );
    expect(entity.relationships.nodes).toEqual([
      { id: 'located-in:test-magnetics:australia', to: { name: 'Australia' } },
    ]);
    const { auditLog } = await ctx.api.data(
      `{ auditLog(targetId: "test-magnetics") { totalCount nodes { action actor note } } }`,
    );
    expect(auditLog).toEqual({
      totalCount: 1,
      nodes: [{ action: 'UPSERT_ENTITY', actor: 'api-key:alice', note: 'new supplier from a trade report' }],
    });
  });

  it('repeating a write leaves one record, and its audit entry says nothing changed', async () => {
    const before = await ctx.store.stats();
    const again = await ctx.api.data(
      ADD_RELATIONSHIP,
      { input: LOCATED, note: 'sent twice by a retrying client' },
      AS_EDITOR,
    );
    const entity = await ctx.api.data(ADD_ENTITY, { input: NEW_ORG, note: 'sent twice' }, AS_EDITOR);
    expect(again.addRelationship.audit.changes).toEqual([]);
    expect(entity.upsertEntity.audit.changes).toEqual([]);
    expect(await ctx.store.stats()).toEqual(before);
  });

  it('updates an entity: fields given replace, fields left out are kept; its kind cannot change', async () => {
    const { upsertEntity } = await ctx.api.data(
      ADD_ENTITY,
      {
        input: { id: 'test-magnetics', kind: 'ORGANIZATION', name: 'Test Magnetics Ltd' },
        note: 'legal name',
      },
      AS_EDITOR,
    );
    expect(upsertEntity.entity).toMatchObject({
      name: 'Test Magnetics Ltd',
      description: 'A magnet maker (test record)',
      category: 'company',
    });
    expect(upsertEntity.audit.changes[0].before).toMatchObject({ name: 'Test Magnetics' });
    const res = await ctx.api.gql(
      ADD_ENTITY,
      { input: { id: 'test-magnetics', kind: 'PERSON', name: 'X' }, note: 'oops' },
      AS_EDITOR,
    );
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });

  const invalid: [string, string, Record<string, unknown>, string, string][] = [
    [
      'an empty name',
      ADD_ENTITY,
      { input: { ...NEW_ORG, id: 'x-corp', name: '   ' }, note: 'n' },
      'BAD_USER_INPUT',
      'name',
    ],
    [
      'an id that is not a slug',
      ADD_ENTITY,
      { input: { ...NEW_ORG, id: 'X Corp' }, note: 'n' },
      'BAD_USER_INPUT',
      'id',
    ],
    [
      'a validUntil before validFrom',
      ADD_ENTITY,
      {
        input: { id: 'x-deal', kind: 'AGREEMENT', name: 'X', validFrom: '2025-11-10', validUntil: '2025-10' },
        note: 'n',
      },
      'BAD_USER_INPUT',
      'validUntil',
    ],
    [
      'a source through upsertEntity',
      ADD_ENTITY,
      { input: { id: 'x-source', kind: 'SOURCE', name: 'X' }, note: 'n' },
      'BAD_USER_INPUT',
      'kind',
    ],
    [
      'an empty note',
      ADD_ENTITY,
      { input: { ...NEW_ORG, id: 'x-corp' }, note: ' ' },
      'BAD_USER_INPUT',
      'note',
    ],
    [
      'a share above 100',
      ADD_RELATIONSHIP,
      { input: { ...LOCATED, type: 'PRODUCES', to: 'dysprosium', share: 150 }, note: 'n' },
      'BAD_USER_INPUT',
      'share',
    ],
    [
      'no citation',
      ADD_RELATIONSHIP,
      { input: { ...LOCATED, citations: [] }, note: 'n' },
      'BAD_USER_INPUT',
      'citations',
    ],
    [
      'a quote missing from its source text',
      ADD_RELATIONSHIP,
      {
        input: {
          ...LOCATED,
          to: 'japan',
          citations: [{ sourceId: 'source-article', quote: 'Japan will build ten refineries' }],
        },
        note: 'n',
      },
      'BAD_USER_INPUT',
      'citations[0].quote',
    ],
    [
      'a citation of something that is not a source',
      ADD_RELATIONSHIP,
      { input: { ...LOCATED, to: 'japan', citations: [{ sourceId: 'china', locator: 'p. 1' }] }, note: 'n' },
      'BAD_USER_INPUT',
      'citations[0].sourceId',
    ],
    [
      'a citation with neither quote nor locator',
      ADD_RELATIONSHIP,
      { input: { ...LOCATED, to: 'japan', citations: [{ sourceId: 'source-article' }] }, note: 'n' },
      'BAD_USER_INPUT',
      'citations[0]',
    ],
    [
      'an end that does not exist',
      ADD_RELATIONSHIP,
      { input: { ...LOCATED, to: 'atlantis' }, note: 'n' },
      'NOT_FOUND',
      'to',
    ],
    [
      'ends of kinds the type does not join',
      ADD_RELATIONSHIP,
      { input: { ...LOCATED, type: 'HOLDS_OFFICE' }, note: 'n' },
      'BAD_USER_INPUT',
      'type',
    ],
    [
      'a retirement before the relationship started',
      RETIRE,
      {
        id: 'suspends:china-one-year-suspension:china-october-2025-rare-earth-export-restrictions',
        validUntil: '2025-09',
        note: 'n',
      },
      'BAD_USER_INPUT',
      'validUntil',
    ],
    [
      'a retirement of an unknown relationship',
      RETIRE,
      { id: 'located-in:nowhere:nothing', validUntil: '2026-01-01', note: 'n' },
      'NOT_FOUND',
      'id',
    ],
  ];

  it.each(invalid)(
    'refuses %s with a code naming the field, and changes nothing',
    async (_what, mutation, variables, code, field) => {
      const before = await snapshot();
      const res = await ctx.api.gql(mutation, variables, AS_EDITOR);
      expect(res.status).toBe(200);
      expect(res.body.data).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code, field });
      expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses an unknown kind before any resolver runs (HTTP 400)', async () => {
    const before = await snapshot();
    const res = await ctx.api.gql(
      ADD_ENTITY,
      { input: { ...NEW_ORG, kind: 'SPACESHIP' }, note: 'n' },
      AS_EDITOR,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toContain('SPACESHIP');
    expect(await snapshot()).toEqual(before);
  });

  it('records a source with its text, then accepts quotes found in it and refuses others', async () => {
    const text = 'Lynas said on Monday it had produced its first separated dysprosium oxide outside China.';
    const { recordSource } = await ctx.api.data(
      RECORD_SOURCE,
      {
        input: {
          id: 'test-wire-story',
          name: 'Wire story (test)',
          publisher: 'Test Wire',
          url: 'https://example.com/story',
          date: '2025-11-03',
          text,
        },
        note: 'new source',
      },
      AS_EDITOR,
    );
    expect(recordSource).toEqual({
      entity: { id: 'test-wire-story', kind: 'SOURCE', hasText: true, publisher: 'Test Wire' },
      audit: { action: 'RECORD_SOURCE' },
    });
    const cite = (quote: string) => ({
      type: 'PRODUCES',
      from: 'lynas',
      to: 'dysprosium',
      stage: 'SEPARATION',
      year: 2025,
      citations: [{ sourceId: 'test-wire-story', quote }],
    });
    const ok = await ctx.api.data(
      ADD_RELATIONSHIP,
      { input: cite('had produced its first separated  dysprosium oxide'), note: 'first Dy oxide' },
      AS_EDITOR,
    );
    expect(ok.addRelationship.relationship.id).toBe('produces:lynas:dysprosium:stage=separation:year=2025');
    const bad = await ctx.api.gql(
      ADD_RELATIONSHIP,
      { input: cite('produced tonnes of terbium'), note: 'n' },
      AS_EDITOR,
    );
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'citations[0].quote',
    });
    // The text, once recorded, is fixed: quotes already cited from it must keep occurring in it.
    const rewrite = await ctx.api.gql(
      RECORD_SOURCE,
      { input: { id: 'test-wire-story', name: 'Wire story (test)', text: 'Corrected.' }, note: 'n' },
      AS_EDITOR,
    );
    expect(rewrite.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    const article = await ctx.api.gql(
      RECORD_SOURCE,
      { input: { id: 'source-article', name: 'x', text: 'Something else.' }, note: 'n' },
      AS_EDITOR,
    );
    expect(article.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });

  it('retires a relationship: it stays, dated, and "as of" a later day leaves it out', async () => {
    const id = 'located-in:test-magnetics:australia';
    const { retireRelationship } = await ctx.api.data(
      RETIRE,
      { id, validUntil: '2026-06-30', note: 'moved to Japan' },
      AS_EDITOR,
    );
    expect(retireRelationship).toEqual({
      relationship: { id, validFrom: null, validUntil: '2026-06-30' },
      audit: { action: 'RETIRE_RELATIONSHIP' },
    });
    const q = `query($asOf: Date) { entity(id: "test-magnetics") { relationships(asOf: $asOf) { nodes { id } } } }`;
    expect((await ctx.api.data(q, { asOf: '2026-06-30' })).entity.relationships.nodes).toEqual([{ id }]);
    expect((await ctx.api.data(q, { asOf: '2026-07-01' })).entity.relationships.nodes).toEqual([]);
  });

  it('retracts a relationship: kept and marked, hidden from reads and traversals unless asked for', async () => {
    const id = 'produces:lynas:dysprosium:stage=separation:year=2025';
    const { retractRelationship } = await ctx.api.data(
      RETRACT,
      { id, note: 'the wire story was corrected' },
      AS_EDITOR,
    );
    expect(retractRelationship.relationship).toMatchObject({
      id,
      retracted: true,
      retractionNote: 'the wire story was corrected',
    });
    expect(Date.parse(retractRelationship.relationship.retractedAt)).not.toBeNaN();
    const q = `query($all: Boolean!) { entity(id: "lynas") { relationships(types: [PRODUCES], direction: OUT, includeRetracted: $all) { nodes { id retracted } } } }`;
    const hidden = (await ctx.api.data(q, { all: false })).entity.relationships.nodes.map(
      (r: { id: string }) => r.id,
    );
    const shown = (await ctx.api.data(q, { all: true })).entity.relationships.nodes;
    expect(hidden).not.toContain(id);
    expect(shown).toContainEqual({ id, retracted: true });
    const { supplyAlternatives } = await ctx.api.data(
      `{ supplyAlternatives(material: "dysprosium", stage: SEPARATION) { alternatives { relationship { id } } } }`,
    );
    expect(
      supplyAlternatives.alternatives.map((r: { relationship: { id: string } }) => r.relationship.id),
    ).not.toContain(id);
    expect((await ctx.api.data(`{ relationship(id: "${id}") { retracted } }`)).relationship).toEqual({
      retracted: true,
    });
  });

  it('keeps the audit trail newest first, filterable by target and actor', async () => {
    const { auditLog } = await ctx.api.data(
      `{ auditLog(actor: "api-key:alice", first: 3) { totalCount nodes { action changes { id } } } }`,
    );
    expect(auditLog.nodes.map((n: { action: string }) => n.action)).toEqual([
      'RETRACT_RELATIONSHIP',
      'RETIRE_RELATIONSHIP',
      'ADD_RELATIONSHIP',
    ]);
    expect(auditLog.totalCount).toBe(9);
    const none = await ctx.api.data(`{ auditLog(actor: "api-key:nobody") { totalCount nodes { id } } }`);
    expect(none.auditLog).toEqual({ totalCount: 0, nodes: [] });
  });
});

describe.each(STORE_FIXTURES)('who may write, on the $name store', (fixture) => {
  const ctx = useApi(fixture, WRITE_ENV);
  const mutations: [string, string, Record<string, unknown>][] = [
    ['upsertEntity', ADD_ENTITY, { input: { ...NEW_ORG, id: 'auth-test-org' }, note: 'n' }],
    ['recordSource', RECORD_SOURCE, { input: { id: 'auth-test-source', name: 'S' }, note: 'n' }],
    ['addRelationship', ADD_RELATIONSHIP, { input: { ...LOCATED, from: 'lynas', to: 'japan' }, note: 'n' }],
    [
      'retireRelationship',
      RETIRE,
      { id: 'party-to:china:us-china-understanding-2025', validUntil: '2030-01-01', note: 'n' },
    ],
    ['retractRelationship', RETRACT, { id: 'party-to:china:us-china-understanding-2025', note: 'n' }],
  ];
  const callers: [string, { headers?: Record<string, string> }, number, string][] = [
    ['anonymous', {}, 401, 'UNAUTHENTICATED'],
    ['a wrong API key', bearer('not-the-editor-key-0123456789'), 401, 'UNAUTHENTICATED'],
    [
      'a JWT signed with another secret',
      bearer(signedJwt({ sub: 'mallory', role: 'editor' }, 'another-secret-of-at-least-32-bytes!!')),
      401,
      'UNAUTHENTICATED',
    ],
    ['a JWT without the editor role', bearer(signedJwt({ sub: 'victor', role: 'viewer' })), 403, 'FORBIDDEN'],
  ];

  for (const [name, mutation, variables] of mutations) {
    it.each(callers)(`${name}: %s is refused and nothing is written`, async (_who, options, status, code) => {
      const before = await ctx.store.exportAll();
      const res = await ctx.api.gql(mutation, variables, options);
      expect(res.status).toBe(status);
      expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
      expect(await ctx.store.exportAll()).toEqual(before);
    });
  }

  it('an editor JWT may write, and the audit trail names its method and subject', async () => {
    const { upsertEntity } = await ctx.api.data(
      ADD_ENTITY,
      { input: { ...NEW_ORG, id: 'jwt-test-org' }, note: 'via JWT' },
      bearer(signedJwt({ sub: 'carol', role: 'editor' })),
    );
    expect(upsertEntity.audit).toMatchObject({ actor: 'jwt:|carol', action: 'UPSERT_ENTITY' });
  });
});

describe('a server with no write credential configured', () => {
  const [embedded] = STORE_FIXTURES;
  const ctx = useApi(embedded!);

  it('refuses every write (FORBIDDEN), whatever is sent', async () => {
    for (const options of [{}, AS_EDITOR]) {
      const res = await ctx.api.gql(ADD_ENTITY, { input: NEW_ORG, note: 'n' }, options);
      expect(res.status).toBe(403);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await ctx.store.getEntities(['test-magnetics'])).toEqual([null]);
  });
});
