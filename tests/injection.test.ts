import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_EDITOR, WRITE_ENV } from '../scripts/support/credentials.js';
import { publicSchema, stringSlots, type StringSlot } from '../scripts/support/schema-walk.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/*
 * Cypher (and regex, LIKE, template) injection attempts in every String, ID and Date argument
 * of the public schema, nested input fields included, on both stores. The list of places comes
 * from schema/schema.graphql, so a new argument is covered as soon as it exists. Reads must
 * answer exactly as they do for a harmless unknown value; writes either store the payload
 * verbatim or refuse it with BAD_USER_INPUT (NOT_FOUND for the id of a relationship to retire or
 * retract, which names nothing), and change nothing but the record they name.
 */

const PAYLOADS = [
  '") MATCH (n) DETACH DELETE n //',
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  'x\u0000y',
  '}]->() DELETE r //',
  '$ids',
  'a` DETACH DELETE n //',
  '`Entity`',
  'CALL db.labels()',
  "'; CALL dbms.procedures() YIELD name RETURN name //",
  "\\\"); MATCH (n) SET n.name = 'pwned' //",
  '.*',
  '%_%',
  '{id: $id}',
];
const HARMLESS = 'no-such-thing-q7z';

const schema = publicSchema();
/** Every string position, with Date and PartialDate positions too (they arrive as strings). */
const SLOTS: StringSlot[] = stringSlots(schema, ['String', 'ID', 'Date', 'PartialDate']);

const fieldOf = (slot: StringSlot): GraphQLField<unknown, unknown> => {
  const type = schema.getType(slot.parent) as unknown as {
    getFields(): Record<string, GraphQLField<unknown, unknown>>;
  };
  return type.getFields()[slot.field]!;
};

/** Ids the minimal values use; the writes' ends and relationships are created before the tests. */
const BASE = {
  org: 'inj-base-org',
  retireId: 'located-in:inj-base-org:australia',
  retractId: 'located-in:inj-base-org:japan',
};
let fresh = 0;

/** A minimal valid value for an argument or input field, chosen by its name and type. */
function minimal(type: GraphQLInputType, name: string, mutation: string): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [minimal(inner.ofType, name, mutation)];
  if (isEnumType(inner))
    return name === 'kind' ? 'ORGANIZATION' : name === 'type' ? 'LOCATED_IN' : inner.getValues()[0]!.name;
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields()))
      if (isNonNullType(f.type) && f.defaultValue === undefined)
        out[f.name] = minimal(f.type, f.name, mutation);
    if (inner.name === 'CitationInput') out.locator = 'p. 1';
    // A title of its own per call: addRelationship refuses other content under an existing id (CONFLICT).
    if (inner.name === 'RelationshipInput') out.title = `inj-title-${++fresh}`;
    return out;
  }
  switch (`${getNamedType(type).name}:${name}`) {
    case 'ID:id':
      return mutation === 'retireRelationship'
        ? BASE.retireId
        : mutation === 'retractRelationship'
          ? BASE.retractId
          : mutation
            ? `inj-${++fresh}`
            : 'china';
    case 'ID:from':
      return mutation ? BASE.org : 'china';
    case 'ID:to':
      return mutation ? 'australia' : 'united-states';
    case 'ID:material':
      return 'dysprosium';
    case 'ID:sourceId':
      return 'source-article';
    case 'Date:validUntil':
    case 'PartialDate:validUntil':
      return '2030-01-01';
  }
  const scalar = getNamedType(type).name;
  return scalar === 'Int'
    ? 1
    : scalar === 'Float'
      ? 1
      : scalar === 'Boolean'
        ? false
        : scalar === 'Date' || scalar === 'PartialDate'
          ? '2025-11-02'
          : scalar === 'ID'
            ? 'china'
            : 'injection test';
}

/** `value` with `payload` put at `path` (below the argument's own name); `[]` is a list's first item. */
function placed(value: unknown, path: string[], payload: string): unknown {
  if (path.length === 0) return payload;
  const [head, ...rest] = path as [string, ...string[]];
  const list = head.endsWith('[]');
  const key = list ? head.slice(0, -2) : head;
  const obj = { ...(value as Record<string, unknown>) };
  const current = obj[key];
  obj[key] = list
    ? [placed(Array.isArray(current) ? current[0] : {}, rest, payload)]
    : placed(current, rest, payload);
  return obj;
}

/** The operation putting `payload` in `slot` as a variable, other required arguments minimal. */
function operation(
  slot: StringSlot,
  payload: string,
  parentIds: Map<string, string>,
): { query: string; variables: Record<string, unknown> } {
  const field = fieldOf(slot);
  const isMutation = slot.parent === 'Mutation';
  const [argName, ...below] = slot.path as [string, ...string[]];
  const argKey = argName.replace(/\[\]$/, '');
  const variables: Record<string, unknown> = {};
  const used = field.args.filter(
    (a: GraphQLArgument) => a.name === argKey || (isNonNullType(a.type) && a.defaultValue === undefined),
  );
  for (const a of used) {
    const base = minimal(a.type, a.name, isMutation ? slot.field : '');
    variables[a.name] =
      a.name === argKey
        ? argName.endsWith('[]')
          ? [placed(Array.isArray(base) ? base[0] : {}, below, payload)]
          : placed(base, below, payload)
        : base;
  }
  const declared = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = `${slot.field}(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})`;
  const leaf = getNamedType(field.type);
  const selection = 'getFields' in leaf ? `${call} { __typename }` : call;
  if (slot.parent === 'Query' || isMutation)
    return { query: `${isMutation ? 'mutation' : 'query'}(${declared}) { ${selection} }`, variables };
  const id = parentIds.get(slot.parent) ?? 'china';
  const body = slot.parent === 'Entity' ? selection : `... on ${slot.parent} { ${selection} }`;
  return { query: `query(${declared}) { entity(id: "${id}") { ${body} } }`, variables };
}

const label = (slot: StringSlot) => `${slot.parent}.${slot.field}(${slot.path.join('.')})`;

/** `value` with every occurrence of `from` in its strings replaced by `to`. */
function replaced(value: unknown, from: string, to: string): unknown {
  const escaped = JSON.stringify(from).slice(1, -1);
  if (typeof value === 'string') return value.split(escaped).join(to).split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => replaced(v, from, to));
  // Every error carries its request's own correlation id: equal answers differ only there.
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'correlationId')
        .map(([k, v]) => [k, replaced(v, from, to)]),
    );
  return value;
}

describe('the list of string arguments', () => {
  it('comes from the schema and holds the ones we know are there', () => {
    const labels = SLOTS.map(label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Query.entity(id)',
        'Query.search(text)',
        'Query.auditLog(actor)',
        'Query.supplyRisk(excluding[])',
        'Mutation.upsertEntity(input.aliases[])',
        'Mutation.addRelationship(input.citations[].quote)',
        'Person.relationships(after)',
      ]),
    );
    expect(SLOTS.length).toBeGreaterThan(60);
  });
});

describe.each(STORE_FIXTURES)('injection attempts on the $name store', (fixture) => {
  const ctx = useApi(fixture, WRITE_ENV);
  const parentIds = new Map<string, string>();

  beforeAll(async () => {
    const all = await ctx.store.exportAll();
    for (const e of all.entities) {
      const typeName = e.kind.charAt(0) + e.kind.slice(1).toLowerCase();
      if (!parentIds.has(typeName)) parentIds.set(typeName, e.id);
    }
    await ctx.api.data(
      `mutation { upsertEntity(input: { id: "${BASE.org}", kind: ORGANIZATION, name: "Injection base" }, note: "set-up") { entity { id } } }`,
      {},
      AS_EDITOR,
    );
    for (const to of ['australia', 'japan']) {
      await ctx.api.data(
        `mutation { addRelationship(input: { type: LOCATED_IN, from: "${BASE.org}", to: "${to}", citations: [{ sourceId: "source-article", locator: "p. 1" }] }, note: "set-up") { relationship { id } } }`,
        {},
        AS_EDITOR,
      );
    }
  });

  const reads = SLOTS.filter((s) => s.parent !== 'Mutation');
  it.each(reads.map((s) => [label(s), s] as const))(
    '%s: every payload answers as a harmless unknown value does',
    { timeout: 120_000 },
    async (_label, slot) => {
      const before = await ctx.store.stats();
      const control = await ctx.api.gql(
        operation(slot, HARMLESS, parentIds).query,
        operation(slot, HARMLESS, parentIds).variables,
      );
      expect(control.status).toBeLessThan(500);
      for (const payload of PAYLOADS) {
        const { query, variables } = operation(slot, payload, parentIds);
        const res = await ctx.api.gql(query, variables);
        const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
        expect({ payload, codes }).not.toMatchObject({ codes: expect.arrayContaining(['INTERNAL']) });
        expect({ payload, status: res.status, body: replaced(res.body, payload, HARMLESS) }).toEqual({
          payload,
          status: control.status,
          body: replaced(control.body, HARMLESS, HARMLESS),
        });
      }
      expect(await ctx.store.stats()).toEqual(before);
    },
  );

  // updateRelationship and addCitation take the same input classes (RelationshipInput, CitationInput)
  // and note as addRelationship, whose slots run here; they also need a live expectedVersion, which a
  // payload-per-call loop cannot keep. Their refusals are covered by tests/write-conflicts.test.ts.
  const writes = SLOTS.filter(
    (s) => s.parent === 'Mutation' && s.field !== 'updateRelationship' && s.field !== 'addCitation',
  );
  it.each(writes.map((s) => [label(s), s] as const))(
    '%s: every payload is stored verbatim or refused, and only the named record changes',
    { timeout: 120_000 },
    async (_label, slot) => {
      const stored: string[] = [];
      for (const payload of PAYLOADS) {
        const { query, variables } = operation(slot, payload, parentIds);
        const before = await ctx.store.exportAll();
        const auditBefore = (await ctx.store.auditLog({ seek: { limit: 1, backward: false } })).totalCount;
        const res = await ctx.api.gql(query, variables, AS_EDITOR);
        const after = await ctx.store.exportAll();
        const error = res.body.errors?.[0];
        if (error) {
          // Two payloads that name the same relationship id (a title folds to one id part) meet as CONFLICT: refused, nothing changes.
          const expected =
            slot.path[0] === 'id' && slot.scalar === 'ID' && /Relationship$/.test(slot.field)
              ? 'NOT_FOUND'
              : slot.field === 'addRelationship' &&
                  slot.path.at(-1) === 'title' &&
                  error.extensions?.code === 'CONFLICT'
                ? 'CONFLICT'
                : 'BAD_USER_INPUT';
          // The review mutations name a proposal (or a document's proposals) this fixture does not hold:
          // refused as unknown, or earlier as malformed when the payload is in an edit the rules check first.
          const reviewsAProposal = /^(acceptProposals?|rejectProposal|undoAcceptProposal)$/.test(slot.field);
          if (reviewsAProposal)
            expect({ payload, code: error.extensions?.code }).toEqual({
              payload,
              code: expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/),
            });
          else expect({ payload, code: error.extensions?.code }).toEqual({ payload, code: expected });
          expect(after).toEqual(before);
          expect((await ctx.store.auditLog({ seek: { limit: 1, backward: false } })).totalCount).toBe(
            auditBefore,
          );
          continue;
        }
        if (slot.field === 'acceptProposals') {
          // Bulk accept of a document with no pending proposals (none here): answered, nothing written.
          expect(after).toEqual(before);
          expect((await ctx.store.auditLog({ seek: { limit: 1, backward: false } })).totalCount).toBe(
            auditBefore,
          );
          continue;
        }
        stored.push(payload);
        const { items } = await ctx.store.auditLog({ seek: { limit: 1, backward: false } });
        const entry = items[0]!;
        expect(entry.note).toBe(slot.path[0] === 'note' ? payload : 'injection test');
        const touched = new Set(entry.changes.map((c) => c.id));
        const others = <T extends { id: string }>(list: T[]) => list.filter((r) => !touched.has(r.id));
        expect(others(after.entities)).toEqual(others(before.entities));
        expect(others(after.relationships)).toEqual(others(before.relationships));
        expect(entry.changes.length).toBeLessThanOrEqual(1);
        if (slot.path[0] !== 'note') {
          const record = [...after.entities, ...after.relationships].find((r) => touched.has(r.id)) as
            Record<string, unknown> | undefined;
          expect(JSON.stringify(record)).toContain(JSON.stringify(payload).slice(1, -1));
          const key = slot.path[slot.path.length - 1]!.replace(/\[\]$/, '');
          const value = slot.path.includes('citations[]')
            ? (record?.citations as Record<string, unknown>[])[0]?.[key]
            : record?.[key];
          expect(Array.isArray(value) ? value : [value]).toContain(payload);
        }
      }
      // Control characters are refused in stored text (README "Text rules"); every other payload is stored.
      if (/^(input\.(name|description)|note)$/.test(slot.path.join('.')) && slot.field === 'upsertEntity')
        expect(stored).toEqual(PAYLOADS.filter((p) => p !== 'x\u0000y'));
    },
  );
});
