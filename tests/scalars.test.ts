import { assertScalarType, getNamedType, parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraphSchema } from '../src/schema/build-schema.js';
import { DateScalar, DateTimeScalar, PartialDateScalar } from '../src/schema/shared/scalars.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphSchema();
});

const fieldType = (type: string, field: string) => {
  const t = schema.getType(type) as {
    getFields(): Record<string, { type: Parameters<typeof getNamedType>[0] }>;
  };
  return getNamedType(t.getFields()[field]!.type)!.name;
};

describe('date scalars (issue 14 item 7)', () => {
  it('Date is a full day a JS Date can hold, and refuses partial dates', () => {
    expect(DateScalar.parseValue('2025-10-09')).toBe('2025-10-09');
    for (const bad of ['2025', '2025-Q4', '2025-05', '2025-H1', '2025-02-30']) {
      expect(() => DateScalar.parseValue(bad)).toThrow('Date must be a calendar day YYYY-MM-DD');
      expect(() => DateScalar.serialize(bad)).toThrow();
    }
    expect(assertScalarType(schema.getType('Date')).specifiedByURL).toBe(
      'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
    );
  });

  it('PartialDate keeps a source’s precision and points at its documented format', () => {
    for (const ok of ['2025', '2025-Q4', '2025-05', '2026-H1', '2025-10-09'])
      expect(PartialDateScalar.parseValue(ok)).toBe(ok);
    expect(() => PartialDateScalar.parseValue('2025-Q5')).toThrow('PartialDate must be');
    expect(assertScalarType(schema.getType('PartialDate')).specifiedByURL).toBe('README.md#dates');
  });

  it('DateTime takes RFC 3339 instants only', () => {
    expect(DateTimeScalar.parseValue('2025-10-09T14:30:00.000Z')).toBe('2025-10-09T14:30:00.000Z');
    for (const bad of ['2025-10-09', '2025-10-09 14:30', 'yesterday'])
      expect(() => DateTimeScalar.parseValue(bad)).toThrow('DateTime must be');
  });

  it('types days, partial dates and instants apart in the schema', () => {
    expect(fieldType('Relationship', 'validFrom')).toBe('PartialDate');
    expect(fieldType('Relationship', 'validUntil')).toBe('PartialDate');
    expect(fieldType('Relationship', 'retractedAt')).toBe('DateTime');
    expect(fieldType('AuditEntry', 'at')).toBe('DateTime');
    const neighbours = (
      schema.getType('Entity') as unknown as {
        getFields(): Record<string, { args: { name: string; type: Parameters<typeof getNamedType>[0] }[] }>;
      }
    ).getFields();
    const asOf = Object.values(neighbours)
      .flatMap((f) => f.args)
      .find((a) => a.name === 'asOf');
    expect(asOf && getNamedType(asOf.type)!.name).toBe('Date');
  });

  it('refuses a partial-date literal where a day is asked, with its location', () => {
    const doc = parse('{ entity(id: "china") { relationships(asOf: "2025-Q4") { totalCount } } }');
    const errors = validate(schema, doc);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe(
      'Expected value of type "Date", found "2025-Q4"; Date must be a calendar day YYYY-MM-DD (RFC 3339 full-date) in the years 1700-2200',
    );
    expect(errors[0]!.locations).toEqual([{ line: 1, column: 45 }]);
  });
});

describe('a bad date literal over HTTP (issue 14 item 7)', () => {
  it('names the argument and carries the location, as a bad variable does', async () => {
    const { memoryFixture } = await import('./support/stores.js');
    const { startTestServer } = await import('../scripts/support/test-server.js');
    const store = await memoryFixture.create();
    const api = await startTestServer(store);
    try {
      const res = await api.gql('{ entity(id: "china") { relationships(asOf: "2025-Q4") { totalCount } } }');
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0]).toMatchObject({
        message: expect.stringMatching(
          /^Argument "asOf" has an invalid value: Expected value of type "Date", found "2025-Q4"; Date must be a calendar day/,
        ),
        locations: [{ line: 1, column: 45 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    } finally {
      await api.close();
      await store.close();
    }
  });
});
