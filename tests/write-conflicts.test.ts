import { describe, expect, it } from 'vitest';
import { AS_EDITOR, WRITE_ENV } from '../scripts/support/credentials.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/*
 * Issue 12 item 5, on both stores: distinct facts never collapse onto one id, addRelationship
 * never overwrites different content (CONFLICT naming the stored relationship), and corrections
 * are explicit: updateRelationship with the version they were based on, addCitation to corroborate.
 */

const REL_FIELDS = 'id version title year retracted citations { quote locator source { id } }';

const ADD = `mutation($input: RelationshipInput!, $note: String!) {
  addRelationship(input: $input, note: $note) { relationship { ${REL_FIELDS} } audit { action changes { targetId } } }
}`;

const UPDATE = `mutation($id: ID!, $input: RelationshipInput!, $v: Int!, $note: String!) {
  updateRelationship(id: $id, input: $input, expectedVersion: $v, note: $note) { relationship { ${REL_FIELDS} } audit { action changes { targetId } } }
}`;

const ADD_CITATION = `mutation($id: ID!, $citation: CitationInput!, $note: String!) {
  addCitation(relationshipId: $id, citation: $citation, note: $note) { relationship { ${REL_FIELDS} } audit { action changes { targetId } } }
}`;

const RETRACT = `mutation($id: ID!) { retractRelationship(id: $id, note: "wrong") { relationship { version retracted } } }`;

const READ = `query($id: ID!) { relationship(id: $id) { ${REL_FIELDS} } }`;

const SEED_OFFICE = 'holds-office:scott-bessent:us-treasury:treasury-secretary';
const BESSENT_QUOTE = 'Treasury Secretary Scott Bessent said the Trump administration is ready to use';
const ARTICLE_QUOTE =
  'Washington has also sought to coordinate with allies including Australia, Japan, and Canada';
const OFFICE = {
  type: 'HOLDS_OFFICE',
  from: 'scott-bessent',
  to: 'us-treasury',
  title: 'Treasury Secretary',
  citations: [{ sourceId: 'source-article', quote: BESSENT_QUOTE }],
};
const SEED_OFFICE_READ = {
  id: SEED_OFFICE,
  version: 1,
  title: 'Treasury Secretary',
  year: null,
  retracted: false,
  citations: [{ quote: BESSENT_QUOTE, locator: null, source: { id: 'source-article' } }],
};
const located = (extra: Record<string, unknown>) => ({
  type: 'LOCATED_IN',
  from: 'conflict-test-org',
  to: 'australia',
  ...extra,
  citations: [{ sourceId: 'source-article', quote: ARTICLE_QUOTE }],
});

describe.each(STORE_FIXTURES)('relationship ids, conflicts and corrections on the $name store', (fixture) => {
  const ctx = useApi(fixture, WRITE_ENV);
  const snapshot = async () => ({
    graph: await ctx.store.exportAll(),
    audit: (await ctx.store.auditLog({ seek: { limit: 100, backward: false } })).totalCount,
  });
  const read = async (id: string) => (await ctx.api.data(READ, { id })).relationship;

  it("refuses, with CONFLICT naming it, an addition that would replace the seed's cited fact, and changes nothing", async () => {
    const before = await snapshot();
    const res = await ctx.api.gql(
      ADD,
      {
        input: {
          ...OFFICE,
          title: 'TREASURY   secretary',
          citations: [{ sourceId: 'source-article', locator: 'p. 1' }],
        },
        note: 'n',
      },
      AS_EDITOR,
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input' });
    expect(res.body.errors?.[0]?.message).toContain(`"${SEED_OFFICE}" (version 1)`);
    expect(await snapshot()).toEqual(before);
    expect(await read(SEED_OFFICE)).toEqual(SEED_OFFICE_READ);
  });

  it("sending the seed's fact again is idempotent: no change, same id and version", async () => {
    const before = await snapshot();
    const { addRelationship } = await ctx.api.data(ADD, { input: OFFICE, note: 'confirmed' }, AS_EDITOR);
    expect(addRelationship).toEqual({
      relationship: SEED_OFFICE_READ,
      audit: { action: 'ADD_RELATIONSHIP', changes: [] },
    });
    expect((await snapshot()).graph).toEqual(before.graph);
  });

  it('keeps a fact with year 2024 and one with title "2024" apart, under ids naming the property', async () => {
    await ctx.api.data(
      `mutation { upsertEntity(input: { id: "conflict-test-org", kind: ORGANIZATION, name: "Conflict Test Org" }, note: "test") { entity { id } } }`,
      {},
      AS_EDITOR,
    );
    const year = (await ctx.api.data(ADD, { input: located({ year: 2024 }), note: 'by year' }, AS_EDITOR))
      .addRelationship.relationship;
    const title = (
      await ctx.api.data(ADD, { input: located({ title: '2024' }), note: 'by title' }, AS_EDITOR)
    ).addRelationship.relationship;
    expect([year.id, year.year, year.title, year.version]).toEqual([
      'located-in:conflict-test-org:australia:year=2024',
      2024,
      null,
      1,
    ]);
    expect([title.id, title.year, title.title, title.version]).toEqual([
      'located-in:conflict-test-org:australia:title=2024',
      null,
      '2024',
      1,
    ]);
    expect(await read(year.id)).toEqual(year);
  });

  it('refuses different content under an API id with CONFLICT too', async () => {
    const before = await snapshot();
    const res = await ctx.api.gql(
      ADD,
      {
        input: { ...located({ year: 2024 }), citations: [{ sourceId: 'source-article', locator: 'para 3' }] },
        note: 'n',
      },
      AS_EDITOR,
    );
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input' });
    expect(res.body.errors?.[0]?.message).toContain('"located-in:conflict-test-org:australia:year=2024"');
    expect(await snapshot()).toEqual(before);
  });

  it('corrects with updateRelationship at the version read; a stale version gets CONFLICT and changes nothing', async () => {
    const id = 'located-in:conflict-test-org:australia:year=2024';
    const corrected = {
      ...located({ year: 2024 }),
      citations: [{ sourceId: 'source-article', locator: 'para 3' }],
    };
    const { updateRelationship } = await ctx.api.data(
      UPDATE,
      { id, input: corrected, v: 1, note: 'better citation' },
      AS_EDITOR,
    );
    expect(updateRelationship).toEqual({
      relationship: {
        id,
        version: 2,
        title: null,
        year: 2024,
        retracted: false,
        citations: [{ quote: null, locator: 'para 3', source: { id: 'source-article' } }],
      },
      audit: { action: 'UPDATE_RELATIONSHIP', changes: [{ targetId: id }] },
    });
    const before = await snapshot();
    const stale = await ctx.api.gql(
      UPDATE,
      { id, input: located({ year: 2024 }), v: 1, note: 'based on an old read' },
      AS_EDITOR,
    );
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(stale.body.errors?.[0]?.message).toContain('is at version 2, not 1');
    const moved = await ctx.api.gql(
      UPDATE,
      { id, input: located({ year: 2025 }), v: 2, note: 'n' },
      AS_EDITOR,
    );
    expect(moved.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    const missing = await ctx.api.gql(
      UPDATE,
      { id: 'located-in:nowhere:nothing', input: located({}), v: 1, note: 'n' },
      AS_EDITOR,
    );
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await snapshot()).toEqual(before);
  });

  it('corrects a seed fact under its seed id', async () => {
    const input = { ...OFFICE, validFrom: '2025-01-28' };
    const { updateRelationship } = await ctx.api.data(
      UPDATE,
      { id: SEED_OFFICE, input, v: 1, note: 'took office' },
      AS_EDITOR,
    );
    expect(updateRelationship.relationship).toEqual({ ...SEED_OFFICE_READ, version: 2 });
    expect((await ctx.api.data(`{ relationship(id: "${SEED_OFFICE}") { validFrom } }`)).relationship).toEqual(
      { validFrom: '2025-01-28' },
    );
  });

  it('corroborates with addCitation: one more citation and version; the same citation again changes nothing', async () => {
    const citation = { sourceId: 'source-article', quote: BESSENT_QUOTE.slice(0, 40) };
    const first = (
      await ctx.api.data(ADD_CITATION, { id: SEED_OFFICE, citation, note: 'second passage' }, AS_EDITOR)
    ).addCitation;
    expect(first.relationship.version).toBe(3);
    expect(first.relationship.citations.map((c: { quote: string }) => c.quote)).toEqual([
      BESSENT_QUOTE,
      BESSENT_QUOTE.slice(0, 40),
    ]);
    expect(first.audit).toEqual({ action: 'ADD_CITATION', changes: [{ targetId: SEED_OFFICE }] });
    const again = (await ctx.api.data(ADD_CITATION, { id: SEED_OFFICE, citation, note: 'again' }, AS_EDITOR))
      .addCitation;
    expect([again.relationship.version, again.audit.changes]).toEqual([3, []]);
    const bad = await ctx.api.gql(
      ADD_CITATION,
      {
        id: SEED_OFFICE,
        citation: { sourceId: 'source-article', quote: 'Treasury will buy every magnet on earth' },
        note: 'n',
      },
      AS_EDITOR,
    );
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'citation.quote',
    });
  });

  it('lifts a retraction through updateRelationship (re-adding the same content leaves it retracted)', async () => {
    const id = 'located-in:conflict-test-org:australia:title=2024';
    expect((await ctx.api.data(RETRACT, { id }, AS_EDITOR)).retractRelationship.relationship).toEqual({
      version: 2,
      retracted: true,
    });
    const readd = (await ctx.api.data(ADD, { input: located({ title: '2024' }), note: 'again' }, AS_EDITOR))
      .addRelationship;
    expect([readd.relationship.retracted, readd.audit.changes]).toEqual([true, []]);
    const lifted = (
      await ctx.api.data(
        UPDATE,
        { id, input: located({ title: '2024' }), v: 2, note: 'it was right after all' },
        AS_EDITOR,
      )
    ).updateRelationship;
    expect([lifted.relationship.retracted, lifted.relationship.version]).toEqual([false, 3]);
  });
});
