import fc from 'fast-check';
import { ENTITY_KINDS, RELATION_TYPES, type EntityKind, type RelationType } from '../../src/domain/model.js';
import type { Entity } from '../../src/domain/entity.js';
import type { Relationship } from '../../src/domain/relationship.js';
import type { DocumentGenerator } from './fuzz-documents.js';

/*
 * Mutations an editor might send, generated with fast-check: plausible ones (right shapes,
 * ends of kinds the type joins, citations with a locator or a quote from the source's text),
 * the same with one field redrawn from the schema (may or may not be valid), and ones broken
 * in a way the API promises to refuse.
 */

export const MUTATIONS = {
  upsertEntity: `mutation($input: EntityInput!, $note: String!) { upsertEntity(input: $input, note: $note) { entity { id name kind } audit { id actor action } } }`,
  recordSource: `mutation($input: SourceInput!, $note: String!) { recordSource(input: $input, note: $note) { entity { id name kind } audit { id actor action } } }`,
  addRelationship: `mutation($input: RelationshipInput!, $note: String!) { addRelationship(input: $input, note: $note) { relationship { id type from { id } to { id } } audit { id actor action } } }`,
  retireRelationship: `mutation($id: ID!, $validUntil: PartialDate!, $note: String!) { retireRelationship(id: $id, validUntil: $validUntil, note: $note) { relationship { id validUntil } audit { id actor action } } }`,
  retractRelationship: `mutation($id: ID!, $note: String!) { retractRelationship(id: $id, note: $note) { relationship { id retracted } audit { id actor action } } }`,
} as const;
export type MutationName = keyof typeof MUTATIONS;

export interface Write {
  mutation: MutationName;
  variables: Record<string, unknown>;
}

/** The graph as the generator needs it: entities by kind, relationships, and a source with its text. */
export interface WritePools {
  entities: Entity[];
  relationships: Relationship[];
  /** A recorded source whose text holds every quote in `quotes`. */
  sourceWithText: string;
  quotes: string[];
}

const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => /\S/.test(s));
const note = fc.constantFrom('fuzz', 'from a trade report', 'corrected after review', 'ünïcödé note 🦄');
const freshId = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/).map((s) => `fz-${s}`);
const day = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Arbitraries of writes over one graph. */
export class WriteGenerator {
  private readonly byKind = new Map<EntityKind, string[]>();

  constructor(
    private readonly pools: WritePools,
    private readonly documents: DocumentGenerator,
  ) {
    for (const e of pools.entities) this.byKind.set(e.kind, [...(this.byKind.get(e.kind) ?? []), e.id]);
  }

  private upsert(): fc.Arbitrary<Write> {
    const kinds = ENTITY_KINDS.filter((k) => k !== 'SOURCE');
    const existing = this.pools.entities.filter((e) => e.kind !== 'SOURCE');
    const target = fc.oneof(
      fc.tuple(freshId, fc.constantFrom(...kinds)),
      fc.constantFrom(...existing).map((e) => [e.id, e.kind] as const),
    );
    return fc
      .record({
        target,
        name,
        description: fc.option(
          fc.string({ maxLength: 200 }).filter((s) => /\S/.test(s)),
          { nil: undefined },
        ),
        aliases: fc.option(fc.array(name, { maxLength: 3 }), { nil: undefined }),
        note,
      })
      .map(({ target: [id, kind], name: n, description, aliases, note: why }) => ({
        mutation: 'upsertEntity',
        variables: {
          input: {
            id,
            kind,
            name: n,
            ...(description !== undefined && { description }),
            ...(aliases && { aliases }),
          },
          note: why,
        },
      }));
  }

  private source(): fc.Arbitrary<Write> {
    return fc
      .record({
        id: freshId.map((id) => `${id}-src`),
        name,
        text: fc.option(
          fc.string({ minLength: 1, maxLength: 300 }).filter((s) => /\S/.test(s)),
          { nil: undefined },
        ),
        date: fc.option(day, { nil: undefined }),
        note,
      })
      .map(({ id, name: n, text, date, note: why }) => ({
        mutation: 'recordSource',
        variables: {
          input: { id, name: n, ...(text !== undefined && { text }), ...(date && { date }) },
          note: why,
        },
      }));
  }

  /** Types with at least one pair of ends in the graph, and those ends. */
  private joinable(): { type: RelationType; from: string[]; to: string[] }[] {
    return (
      Object.entries(RELATION_TYPES) as [
        RelationType,
        { from: readonly EntityKind[]; to: readonly EntityKind[] },
      ][]
    )
      .map(([type, rule]) => ({
        type,
        from: rule.from.flatMap((k) => this.byKind.get(k) ?? []),
        to: rule.to.flatMap((k) => this.byKind.get(k) ?? []),
      }))
      .filter((t) => t.from.length > 0 && t.to.length > 0);
  }

  private relationship(): fc.Arbitrary<Write> {
    const triple = fc
      .constantFrom(...this.joinable())
      .chain((t) => fc.tuple(fc.constant(t.type), fc.constantFrom(...t.from), fc.constantFrom(...t.to)));
    const sources = this.byKind.get('SOURCE') ?? [];
    const citation = fc.oneof(
      fc.record({
        sourceId: fc.constantFrom(...sources),
        locator: fc.constantFrom('p. 1', 'Table 2, row 3', 'section 4'),
      }),
      fc.record({
        sourceId: fc.constant(this.pools.sourceWithText),
        quote: fc.constantFrom(...this.pools.quotes),
      }),
    );
    const extras = fc.record(
      {
        year: fc.integer({ min: 1990, max: 2035 }),
        share: fc.double({ min: 0, max: 100, noNaN: true }),
        volume: fc.double({ min: 0, max: 1e6, noNaN: true }),
        unit: fc.constantFrom('t', 'kt REO'),
        validFrom: day,
        confidence: fc.constantFrom('CONFIRMED', 'DERIVED'),
      },
      { requiredKeys: [] },
    );
    return fc
      .record({ triple, citations: fc.array(citation, { minLength: 1, maxLength: 3 }), extras, note })
      .map(({ triple: [type, from, to], citations, extras: x, note: why }) => ({
        mutation: 'addRelationship',
        variables: { input: { type, from, to, ...x, citations }, note: why },
      }));
  }

  private retire(): fc.Arbitrary<Write> {
    return fc
      .record({ id: fc.constantFrom(...this.pools.relationships.map((r) => r.id)), validUntil: day, note })
      .map((variables) => ({ mutation: 'retireRelationship', variables }));
  }

  private retract(): fc.Arbitrary<Write> {
    return fc
      .record({ id: fc.constantFrom(...this.pools.relationships.map((r) => r.id)), note })
      .map((variables) => ({ mutation: 'retractRelationship', variables }));
  }

  /** A write that is plausible as sent (the API may still refuse some: a retirement before a start, a kind change). */
  plausible(): fc.Arbitrary<Write> {
    return fc.oneof(
      { weight: 3, arbitrary: this.upsert() },
      { weight: 2, arbitrary: this.source() },
      { weight: 4, arbitrary: this.relationship() },
      { weight: 1, arbitrary: this.retire() },
      { weight: 1, arbitrary: this.retract() },
    );
  }

  /** A plausible write with one argument, or one field of its input, redrawn from the schema. */
  perturbed(): fc.Arbitrary<Write> {
    return this.plausible().chain((w) =>
      this.documents.mutationVariables(w.mutation).chain((wild) => {
        const args = Object.keys(wild);
        return fc.tuple(fc.constantFrom(...args), fc.nat()).map(([arg, n]) => {
          const value = wild[arg];
          const current = w.variables[arg];
          if (
            arg === 'input' &&
            typeof current === 'object' &&
            current !== null &&
            typeof value === 'object' &&
            value !== null &&
            !Array.isArray(value)
          ) {
            const keys = Object.keys(value);
            if (keys.length === 0) return w;
            const key = keys[n % keys.length]!;
            return {
              ...w,
              variables: {
                ...w.variables,
                input: { ...current, [key]: (value as Record<string, unknown>)[key] },
              },
            };
          }
          return { ...w, variables: { ...w.variables, [arg]: value } };
        });
      }),
    );
  }

  /** A write broken in one way the API promises to refuse (BAD_USER_INPUT or NOT_FOUND), with what was broken. */
  invalid(): fc.Arbitrary<Write & { broken: string }> {
    const set = (
      w: Write,
      broken: string,
      patch: (input: Record<string, unknown>) => Record<string, unknown>,
    ) => ({
      ...w,
      broken,
      variables: { ...w.variables, input: patch(w.variables.input as Record<string, unknown>) },
    });
    const badNote = fc.constantFrom('', '   ', '\n\t', 'x'.repeat(1001));
    const notSlug = fc.constantFrom(
      'X Corp',
      'a--b',
      '-a',
      'é',
      '',
      'a'.repeat(101),
      'china ',
      'CHINA',
      "a') DETACH DELETE n //",
    );
    const unknownRelationship = fc.constantFrom(
      'located-in:nowhere:nothing',
      '',
      'no-such-relationship',
      'x'.repeat(500),
    );
    const anyWrite = this.plausible();
    return fc.oneof(
      fc
        .tuple(anyWrite, badNote)
        .map(([w, n]) => ({ ...w, broken: 'note', variables: { ...w.variables, note: n } })),
      fc.tuple(this.upsert(), notSlug).map(([w, id]) => set(w, 'id', (i) => ({ ...i, id }))),
      fc
        .tuple(this.upsert(), fc.constantFrom('', ' ', '\t\n'))
        .map(([w, n]) => set(w, 'name', (i) => ({ ...i, name: n }))),
      this.upsert().map((w) => set(w, 'kind', (i) => ({ ...i, kind: 'SOURCE' }))),
      fc
        .tuple(this.upsert(), fc.constantFrom('SPACESHIP', 'person', '', 7))
        .map(([w, kind]) => set(w, 'kind', (i) => ({ ...i, kind }))),
      fc
        .tuple(this.upsert(), fc.constantFrom(0, 119, -1, 1.5, '7', 2 ** 31))
        .map(([w, atomicNumber]) => set(w, 'atomicNumber', (i) => ({ ...i, atomicNumber }))),
      fc
        .tuple(this.upsert(), fc.constantFrom('usa', 'U', 'u s', '12'))
        .map(([w, iso2]) => set(w, 'iso2', (i) => ({ ...i, iso2 }))),
      this.upsert().map((w) =>
        set(w, 'validUntil', (i) => ({ ...i, validFrom: '2025-11', validUntil: '2025-10' })),
      ),
      this.upsert().map((w) => set(w, 'name', (i) => ({ id: i.id, kind: i.kind }))),
      fc
        .tuple(this.upsert(), fc.constantFrom('2025-13-01', '2025-02-30', 'soon', ''))
        .map(([w, date]) => set(w, 'date', (i) => ({ ...i, date }))),
      fc.tuple(this.source(), notSlug).map(([w, id]) => set(w, 'id', (i) => ({ ...i, id }))),
      fc
        .tuple(
          this.source(),
          fc.constantFrom('ftp://example.com', 'javascript:alert(1)', 'http://', 'example.com'),
        )
        .map(([w, url]) => set(w, 'url', (i) => ({ ...i, url }))),
      fc
        .tuple(this.source(), fc.constantFrom('', '  ', 'x'.repeat(60_001)))
        .map(([w, text]) => set(w, 'text', (i) => ({ ...i, text }))),
      this.relationship().map((w) => set(w, 'citations', (i) => ({ ...i, citations: [] }))),
      fc
        .tuple(this.relationship(), fc.constantFrom(150, -1, 100.0001, 1e308))
        .map(([w, share]) => set(w, 'share', (i) => ({ ...i, share }))),
      fc
        .tuple(this.relationship(), fc.constantFrom(1800, 2101, -1))
        .map(([w, year]) => set(w, 'year', (i) => ({ ...i, year }))),
      fc
        .tuple(
          this.relationship(),
          fc.constantFrom('from', 'to'),
          fc.constantFrom('no-such-entity', 'atlantis', 'fz-never-written'),
        )
        .map(([w, end, id]) => set(w, end, (i) => ({ ...i, [end]: id }))),
      this.relationship().map((w) =>
        set(w, 'citations[0]', (i) => ({ ...i, citations: [{ sourceId: this.pools.sourceWithText }] })),
      ),
      this.relationship().map((w) =>
        set(w, 'citations[0].quote', (i) => ({
          ...i,
          citations: [{ sourceId: this.pools.sourceWithText, quote: 'words that appear in no source 7f3a' }],
        })),
      ),
      fc
        .tuple(this.relationship(), fc.constantFrom(...(this.byKind.get('COUNTRY') ?? ['china'])))
        .map(([w, sourceId]) =>
          set(w, 'citations[0].sourceId', (i) => ({ ...i, citations: [{ sourceId, locator: 'p. 1' }] })),
        ),
      this.relationship().map((w) =>
        set(w, 'validUntil', (i) => ({ ...i, validFrom: '2025-11-10', validUntil: '2025-11-09' })),
      ),
      fc.tuple(unknownRelationship, day).map(([id, validUntil]) => ({
        mutation: 'retireRelationship' as const,
        broken: 'id',
        variables: { id, validUntil, note: 'fuzz' },
      })),
      unknownRelationship.map((id) => ({
        mutation: 'retractRelationship' as const,
        broken: 'id',
        variables: { id, note: 'fuzz' },
      })),
      fc.tuple(this.retire(), fc.constantFrom('2025-13-01', 'never', '')).map(([w, validUntil]) => ({
        ...w,
        broken: 'validUntil',
        variables: { ...w.variables, validUntil },
      })),
    );
  }
}
