import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { encodeEntityCursor, encodeIdCursor } from '../../src/domain/pagination.js';

/*
 * GraphQL documents generated from the schema with fast-check: root fields, nested selections
 * up to a small depth with inline fragments on interfaces, and argument values, inline or as
 * variables, drawn mostly from values the graph knows (ids, enum values, dates, cursors) and
 * otherwise wrong on purpose (wrong types, huge and negative numbers, bad cursors and dates,
 * unknown enum values, odd unicode, empty and very long strings).
 */

/** What the generator draws known values from: ids in the graph and its texts. */
export interface FuzzPools {
  entityIds: string[];
  relationshipIds: string[];
  sourceIds: string[];
  /** Words that occur verbatim in a source's text, for citation quotes. */
  quotes: string[];
  actors: string[];
}

/** A document to POST, with its variables; `raw` bodies are sent as they are (not JSON-encoded). */
export type FuzzRequest =
  { kind: 'graphql'; query: string; variables: Record<string, unknown> } | { kind: 'raw'; body: string };

interface ArgUse {
  name: string;
  type: GraphQLInputType;
  value: unknown;
  /** Sent as a variable (declared with the argument's type) rather than inline. */
  asVariable: boolean;
}
type Selection =
  { field: string; args: ArgUse[]; sub: Selection[] | null } | { on: string; sub: Selection[] };

const MAX_DEPTH = 3;
const ABSENT = Symbol('absent');
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\t\n\r',
  '\u200b\u200e\u202e',
  'e\u0301\u0301\u0301',
  '🦄💥👩‍👩‍👧‍👦',
  '\ud800',
  '\udfff\ud800',
  'ǅ İ ß ﬃ',
  '%s%n%x',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${process.exit()}',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e999',
];

/** Any JSON value: what a careless or hostile client might send where something else belongs. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

const weirdString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 100, max: 15_000 }).map((n) => 'ü🦄'.repeat(n)),
);

const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);
const validDate = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2025', '2025-11', '2025-Q4', '2026-H1', '2025-11-02', '2025-10-09', '2026-11-10'),
);
const badDate = fc.constantFrom(
  '2025-13-01',
  '2025-02-30',
  '2025-00-10',
  '0000-00-00',
  '99999-01-01',
  '2025-Q5',
  '2025-H3',
  '25-11-02',
  '2025/11/02',
  'yesterday',
  '2025-11-02T00:00:00Z',
  '',
);
const int = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -5, max: 120 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1900, max: 2100 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 1.5),
  },
);
const float = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0.0001, 100, 100.0001, 1e308, -1e308, 5e-324),
);
const cursor = fc.oneof(
  fc
    .tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }))
    .map(([sortKey, id]) => encodeEntityCursor({ sortKey, id })),
  fc.string({ maxLength: 20 }).map(encodeIdCursor),
  fc.constantFrom(
    encodeEntityCursor({ sortKey: 'm', id: '' }),
    encodeIdCursor('rel-'),
    Buffer.from('offset:-1').toString('base64url'),
    Buffer.from('offset:1e3').toString('base64url'),
    'b2Zmc2V0OjA=',
    'offset:0',
    '!!!',
    '',
  ),
  fc.string({ maxLength: 20 }).map((s) => Buffer.from(s).toString('base64url')),
);

/** Arbitraries for the documents and mutation inputs of one schema and graph. */
export class DocumentGenerator {
  private readonly selections = new Map<string, fc.Arbitrary<Selection[]>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly pools: FuzzPools,
  ) {}

  private id(name: string): fc.Arbitrary<string> {
    const p = this.pools;
    const known =
      name === 'sourceId'
        ? p.sourceIds
        : /relationship|^id$/i.test(name)
          ? [...p.entityIds, ...p.relationshipIds]
          : name === 'targetId'
            ? [...p.entityIds, ...p.relationshipIds]
            : p.entityIds;
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...known) },
      { weight: 2, arbitrary: slug },
      { weight: 2, arbitrary: weirdString },
    );
  }

  private string(name: string): fc.Arbitrary<string> {
    const pool =
      name === 'quote'
        ? fc.constantFrom(...this.pools.quotes)
        : name === 'actor'
          ? fc.constantFrom(...this.pools.actors)
          : name === 'after'
            ? cursor
            : name === 'url'
              ? fc.webUrl()
              : name === 'iso2'
                ? fc.stringMatching(/^[A-Z]{2}$/)
                : name === 'text' || name === 'search'
                  ? fc.oneof(fc.constantFrom(...this.pools.quotes), fc.string({ maxLength: 12 }))
                  : fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
    return fc.oneof({ weight: 7, arbitrary: pool }, { weight: 3, arbitrary: weirdString });
  }

  private scalar(typeName: string, name: string): fc.Arbitrary<unknown> {
    switch (typeName) {
      case 'ID':
        return this.id(name);
      case 'String':
        return this.string(name);
      case 'Int':
        return int;
      case 'Float':
        return float;
      case 'Boolean':
        return fc.boolean();
      case 'Date':
        return fc.oneof({ weight: 10, arbitrary: validDate }, { weight: 1, arbitrary: badDate });
      default:
        return anyJson;
    }
  }

  /** A value for an argument or input field of `type`: usually of the right shape, sometimes not. */
  value(type: GraphQLInputType, name: string, depth = 0): fc.Arbitrary<unknown> {
    const wrong = fc.oneof(anyJson, weirdString);
    if (isNonNullType(type))
      return fc.oneof(
        { weight: 30, arbitrary: this.value(type.ofType, name, depth) },
        { weight: 1, arbitrary: fc.constant(null) },
      );
    const inner = getNullableType(type);
    let right: fc.Arbitrary<unknown>;
    if (isListType(inner)) {
      const item = this.value(inner.ofType, name, depth + 1);
      right = fc.oneof(
        { weight: 4, arbitrary: fc.array(item, { maxLength: 4 }) },
        { weight: 1, arbitrary: item },
      );
    } else if (isEnumType(inner)) {
      const values = inner.getValues().map((v) => v.name);
      right = fc.oneof(
        { weight: 30, arbitrary: fc.constantFrom(...values) },
        { weight: 1, arbitrary: fc.constantFrom('SPACESHIP', values[0]!.toLowerCase(), '', 'null') },
      );
    } else if (isInputObjectType(inner)) {
      if (depth > 3) return fc.constant(null);
      const fields = Object.values(inner.getFields());
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const f of fields) {
        const v = this.value(f.type, f.name, depth + 1);
        record[f.name] = isNonNullType(f.type)
          ? fc.oneof({ weight: 25, arbitrary: v }, { weight: 1, arbitrary: fc.constant(ABSENT) })
          : fc.oneof({ weight: 2, arbitrary: fc.constant(ABSENT) }, { weight: 1, arbitrary: v });
      }
      right = fc
        .tuple(
          fc.record(record),
          fc.option(fc.constantFrom('unknownField', '__proto__', 'constructor'), { freq: 20 }),
        )
        .map(([r, extra]) => {
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(r)) if (v !== ABSENT) out[k] = v;
          if (extra !== null)
            Object.defineProperty(out, extra, {
              value: 1,
              enumerable: true,
              writable: true,
              configurable: true,
            });
          return out;
        });
    } else if (isScalarType(inner)) {
      right = this.scalar(inner.name, name);
    } else {
      right = anyJson;
    }
    return fc.oneof(
      { weight: 60, arbitrary: right },
      { weight: 1, arbitrary: wrong },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }

  private args(field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<ArgUse[]> {
    if (field.args.length === 0) return fc.constant([]);
    const one = (arg: GraphQLArgument) =>
      fc
        .tuple(
          fc.oneof(
            {
              weight: isNonNullType(arg.type) && arg.defaultValue === undefined ? 30 : 1,
              arbitrary: fc.constant(true),
            },
            { weight: 1, arbitrary: fc.constant(false) },
          ),
          this.value(arg.type, arg.name, depth),
          fc.boolean(),
        )
        .map(([present, value, asVariable]): ArgUse | null =>
          present ? { name: arg.name, type: arg.type, value, asVariable } : null,
        );
    return fc.tuple(...field.args.map(one)).map((uses) => uses.filter((u): u is ArgUse => u !== null));
  }

  /** Random selections on `type`, one to four fields, with fragments on the implementations of an interface. */
  selectionSet(type: GraphQLCompositeType, depth: number): fc.Arbitrary<Selection[]> {
    const key = `${type.name}:${depth}`;
    const memo = this.selections.get(key);
    if (memo) return memo;
    let cache: fc.Arbitrary<Selection[]> | undefined;
    const built = fc.constant(null).chain(() => (cache ??= this.buildSelectionSet(type, depth)));
    this.selections.set(key, built);
    return built;
  }

  private buildSelectionSet(type: GraphQLCompositeType, depth: number): fc.Arbitrary<Selection[]> {
    const fields =
      'getFields' in type ? (Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) : [];
    const usable = fields.filter((f) => depth < MAX_DEPTH || isLeafType(getNamedType(f.type)));
    const fieldArbs = usable.map((f) => this.fieldSelection(f, depth));
    const fragments = isAbstractType(type)
      ? this.schema
          .getPossibleTypes(type)
          .map((t: GraphQLObjectType) =>
            this.selectionSet(t, depth + 1).map((sub): Selection => ({ on: t.name, sub })),
          )
      : [];
    const pick = [...fieldArbs, ...fragments];
    const chosen = pick.length
      ? fc.array(fc.oneof(...pick), { minLength: 1, maxLength: 4 })
      : fc.constant<Selection[]>([]);
    return chosen.map((sels) => [...sels, { field: '__typename', args: [], sub: null }]);
  }

  private fieldSelection(field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<Selection> {
    const named = getNamedType(field.type);
    const sub = isLeafType(named)
      ? fc.constant(null)
      : this.selectionSet(named as GraphQLCompositeType, depth + 1);
    return fc.tuple(this.args(field, depth), sub).map(([args, s]) => ({ field: field.name, args, sub: s }));
  }

  /** A whole operation on Query (mostly) or Mutation: one to three root fields. */
  operation(): fc.Arbitrary<FuzzRequest> {
    const root = (type: GraphQLObjectType) =>
      this.selectionSet(type, 0).map((sels) => ({
        keyword: type.name === 'Query' ? 'query' : 'mutation',
        sels,
      }));
    const roots = [root(this.schema.getQueryType()!)];
    const mutation = this.schema.getMutationType();
    const op = mutation
      ? fc.oneof({ weight: 9, arbitrary: roots[0]! }, { weight: 1, arbitrary: root(mutation) })
      : roots[0]!;
    return op.map(({ keyword, sels }) => printOperation(keyword, sels));
  }

  /** Requests that are broken as sent: corrupted documents, unknown fields, bodies that are not GraphQL at all. */
  broken(): fc.Arbitrary<FuzzRequest> {
    const corrupted = fc
      .tuple(
        this.operation(),
        fc.nat(),
        fc.constantFrom('', '{', '}', '(', '$', '"', '#', '...', '@skip', '\u0000'),
      )
      .map(([req, at, insert]): FuzzRequest => {
        if (req.kind !== 'graphql') return req;
        const cut = at % (req.query.length + 1);
        return { ...req, query: req.query.slice(0, cut) + insert + req.query.slice(cut + 1) };
      });
    const unknownField = fc.constantFrom(
      'subscription { x }',
      '{ nope }',
      '{ entity(id: "china") { nope } }',
      '{ entity { id } }',
      '{ entity(id: "china") }',
      '{ __schema { types { name } } }',
      '{ ...F }',
      'query Q($a: Nope) { entity(id: $a) { id } }',
      'query { entity(id: $undeclared) { id } }',
    );
    const rawBodies = fc.constantFrom(
      '{',
      '[]',
      '"query"',
      'null',
      '{"query": 1}',
      '{"query": "{ __typename }", "variables": []}',
      '{"query": "{ __typename }", "variables": "x"}',
      '{"query": "{ __typename }", "operationName": "Nope"}',
      '{"query": ""}',
      '{}',
      `{"query": "${'{ a '.repeat(3000)}"}`,
    );
    return fc.oneof(
      { weight: 3, arbitrary: corrupted },
      {
        weight: 2,
        arbitrary: unknownField.map((query): FuzzRequest => ({ kind: 'graphql', query, variables: {} })),
      },
      { weight: 1, arbitrary: rawBodies.map((body): FuzzRequest => ({ kind: 'raw', body })) },
    );
  }

  /**
   * Requests aimed at the server's limits (issue 12): page sizes from variables and defaults
   * under nested `relationships` (the cost check must price them as literals), many aliases,
   * huge `first` literals, and variables nested thousands of levels deep. Each must get a 4xx
   * with a code or an answer, never a 5xx or an out-of-memory.
   */
  hostile(): fc.Arbitrary<FuzzRequest> {
    const ids = this.pools.entityIds;
    const pageSize = fc.constantFrom(1, 5, 20, 100, 1000, 2 ** 31 - 1, -1, 0, null);
    const nested = fc
      .tuple(
        fc.constantFrom(...ids),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 4 }),
        pageSize,
        fc.boolean(),
      )
      .map(([id, aliases, levels, n, asVariable]): FuzzRequest => {
        const first = asVariable ? '(first: $n)' : n === null ? '' : `(first: ${n})`;
        let sel = '{ id }';
        for (let i = 0; i < levels; i++) sel = `{ relationships${first} { nodes { to ${sel} } } }`;
        const body = Array.from(
          { length: aliases },
          (_, i) => `a${i}: entity(id: ${JSON.stringify(id)}) ${sel}`,
        ).join(' ');
        return asVariable
          ? { kind: 'graphql', query: `query($n: Int) { ${body} }`, variables: { n } }
          : { kind: 'graphql', query: `{ ${body} }`, variables: {} };
      });
    const hugeFirst = fc
      .tuple(fc.constantFrom('entities', 'search', 'auditLog'), fc.constantFrom(2 ** 31 - 1, 1e6, 101, -5))
      .map(([field, n]): FuzzRequest => {
        const call = field === 'search' ? `search(text: "a", first: ${n})` : `${field}(first: ${n})`;
        return { kind: 'graphql', query: `{ ${call} { __typename } }`, variables: {} };
      });
    // Printed as raw JSON text: a value this deep overflows JSON.stringify's own stack in the client.
    const deepVariable = fc
      .tuple(fc.integer({ min: 100, max: 9000 }), fc.boolean())
      .map(([depth, asList]): FuzzRequest => {
        const value = asList
          ? `${'['.repeat(depth)}"x"${']'.repeat(depth)}`
          : `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
        const query = JSON.stringify('query($t: String!) { search(text: $t) { __typename } }');
        return { kind: 'raw', body: `{"query":${query},"variables":{"t":${value}}}` };
      });
    return fc.oneof(
      { weight: 3, arbitrary: nested },
      { weight: 1, arbitrary: hugeFirst },
      { weight: 1, arbitrary: deepVariable },
    );
  }

  /** The variables of one mutation, drawn from its argument types (input objects included). */
  mutationVariables(name: string): fc.Arbitrary<Record<string, unknown>> {
    const field = this.schema.getMutationType()!.getFields()[name]!;
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const arg of field.args) record[arg.name] = this.value(arg.type, arg.name);
    return fc.record(record);
  }
}

/** Prints `sels` as an operation; variable-bound arguments become `$v0`, `$v1`... declared with their types. */
export function printOperation(keyword: string, sels: Selection[]): FuzzRequest {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  let aliases = 0;
  const arg = (use: ArgUse): string => {
    if (use.asVariable) {
      const name = `v${declarations.length}`;
      declarations.push(`$${name}: ${String(use.type)}`);
      variables[name] = use.value;
      return `${use.name}: $${name}`;
    }
    return `${use.name}: ${literal(use.value, use.type)}`;
  };
  // Aliases only where a field repeats in one selection (as a client would): the alias limit then refuses few documents.
  const print = (list: Selection[]): string => {
    const seen = new Set<string>();
    return `{ ${list
      .map((s) => {
        if ('on' in s) return `... on ${s.on} ${print(s.sub)}`;
        const args = s.args.length ? `(${s.args.map(arg).join(', ')})` : '';
        const repeated = seen.has(s.field);
        seen.add(s.field);
        const alias = repeated && s.field !== '__typename' ? `a${aliases++}: ` : '';
        return `${alias}${s.field}${args}${s.sub ? ` ${print(s.sub)}` : ''}`;
      })
      .join(' ')} }`;
  };
  const body = print(sels);
  return {
    kind: 'graphql',
    query: `${keyword}${declarations.length ? `(${declarations.join(', ')})` : ''} ${body}`,
    variables,
  };
}

/** A GraphQL literal for `value`; strings in enum positions are printed bare when they look like names. */
export function literal(value: unknown, type: GraphQLInputType | null): string {
  const inner = type ? getNullableType(type) : null;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => literal(v, inner && isListType(inner) ? inner.ofType : null)).join(', ')}]`;
  if (typeof value === 'string')
    return inner && isEnumType(inner) && NAME.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    return `{ ${Object.entries(value)
      .filter(([k]) => NAME.test(k))
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? null)}`)
      .join(', ')} }`;
  }
  return 'null';
}
