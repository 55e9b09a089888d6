import { execute, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../src/domain/caller.js';
import { buildGraphSchema } from '../src/schema/build-schema.js';
import { budgetOf, enforceBudgets } from '../src/server/budget.js';
import { budgetedContext } from '../src/server/deadline.js';
import type { RequestRecord } from '../src/server/request-log.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { withSeed } from './support/stores.js';

/*
 * The execution budget (budget.ts) guards the fields with resolvers; the plain fields (no resolver,
 * read inline by graphql-jit) are measured from the nearest guarded field above them. These tests
 * check that the measure is the answer's: its entities and relationships counted exactly, its bytes
 * close to its JSON, the same on graphql-js and graphql-jit, with @skip decided per request.
 */

let schema: GraphQLSchema;
let store: MemoryStore;

beforeAll(async () => {
  schema = enforceBudgets(await buildGraphSchema());
  store = await withSeed(new MemoryStore());
});

/** Runs `query` as the server would (a budget with no cap reached), returning the data and what the budget counted. */
async function measured(query: string, variables: Record<string, unknown>, executor: 'js' | 'jit') {
  const record: RequestRecord = { requestId: 't', startedAt: Date.now(), client: 't', errorCodes: [] };
  const contextValue = budgetedContext(
    store,
    record,
    { deadline: Date.now() + 60_000, timeoutMs: 60_000, maxObjects: 1e9, maxBytes: 1e12 },
    { caller: ANONYMOUS, writesEnabled: false },
  );
  const document = parse(query);
  let result;
  if (executor === 'js')
    result = await execute({ schema, document, contextValue, variableValues: variables });
  else {
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
    result = await compiled.query(undefined, contextValue, variables);
  }
  expect(result.errors).toBeUndefined();
  const { objects, bytes } = budgetOf(record)!;
  return { data: result.data as Record<string, any>, objects, bytes };
}

const NEIGHBOURHOOD = `query ($skip: Boolean!) {
  neighborhood(id: "china", depth: 2, limit: 30) {
    truncated
    nodes { distance entity { id name ... on Country { iso2 @skip(if: $skip) } } }
    relationships { id type from { id } }
  }
}`;

describe('execution budget', () => {
  it('leaves plain fields without a resolver, so that graphql-jit reads them inline', () => {
    const plain = (type: string, field: string) => {
      const t = schema.getType(type);
      if (!isObjectType(t)) throw new Error(type);
      return t.getFields()[field]!.resolve === undefined;
    };
    expect(
      [
        'Neighborhood.nodes',
        'NeighborhoodNode.distance',
        'NeighborhoodNode.entity',
        'Country.name',
        'Relationship.type',
      ].filter((f) => !plain(...(f.split('.') as [string, string]))),
    ).toEqual([]);
    // Fields that load or compute keep theirs, and are guarded.
    expect(plain('Relationship', 'from')).toBe(false);
    expect(plain('Query', 'neighborhood')).toBe(false);
  });

  it('counts the entities and relationships of an answer exactly and its bytes within 15% of its JSON, alike on both executors', async () => {
    const js = await measured(NEIGHBOURHOOD, { skip: false }, 'js');
    const jit = await measured(NEIGHBOURHOOD, { skip: false }, 'jit');
    expect(jit).toEqual(js);
    const { nodes, relationships } = js.data.neighborhood as { nodes: unknown[]; relationships: unknown[] };
    expect(nodes.length).toBeGreaterThan(10);
    // each node's entity, each relationship and the entity at its `from` (a resolver of its own)
    expect(js.objects).toBe(nodes.length + 2 * relationships.length);
    const json = JSON.stringify(js.data).length;
    expect(js.bytes / json).toBeGreaterThan(0.85);
    expect(js.bytes / json).toBeLessThan(1.15);
  });

  it('measures a field a variable skips only when it is asked', async () => {
    const asked = await measured(NEIGHBOURHOOD, { skip: false }, 'jit');
    const skipped = await measured(NEIGHBOURHOOD, { skip: true }, 'jit');
    const iso2 = (asked.data.neighborhood.nodes as { entity: { iso2?: string } }[]).filter(
      (n) => n.entity.iso2,
    );
    expect(iso2.length).toBeGreaterThan(0);
    // "iso2":"CN", per country: the key, its quotes, colon and comma, and the two-letter code in quotes
    expect(asked.bytes - skipped.bytes).toBe(iso2.length * (4 + 4 + 4));
    expect(asked.objects).toBe(skipped.objects);
  });
});
