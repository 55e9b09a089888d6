import { afterAll, describe, expect, it } from 'vitest';
import {
  getNamedType,
  isLeafType,
  Kind,
  parse,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ENTITY_ATTRIBUTE_NAMES, type Entity } from '../src/domain/entity.js';
import { FACT_PROPERTY_NAMES, type RelationshipFact } from '../src/domain/relationship.js';
import { buildGraphSchema } from '../src/schema/build-schema.js';
import { entityAttributeRule } from '../src/schema/entity/asked-attributes.js';
import { relationshipPropertyRule } from '../src/schema/relationship/asked-properties.js';
import { askedNames, type AskedRule } from '../src/schema/shared/asked-fields.js';
import type { MemoryStore } from '../src/store/memory/memory-store.js';
import { createNeo4jStore, type Neo4jStore } from '../src/store/neo4j/index.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';
import { NEO4J_URI, once, useNeo4jHarness } from './support/neo4j-harness.js';

/*
 * Paths, neighbourhoods and supply answers read from Neo4j only the entity attributes their
 * operation can ask (schema/entity/asked-attributes.ts), paths and neighbourhoods only the
 * relationship properties it can ask (schema/relationship/asked-properties.ts), and answer
 * exactly as the embedded store does, which always holds whole entities and relationships.
 */

let schema: GraphQLSchema;
/** What `rule` finds the first operation of `query` can read. */
async function askedBy<N extends string>(rule: AskedRule<N>, query: string) {
  schema ??= await buildGraphSchema();
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return askedNames(rule, schema, document, operation);
}

/**
 * The property names each value list (cypher-fragments.ts `valueList`) of one of `items` reads in
 * a statement, whether through the item's property map or property by property.
 */
function listedFields(statement: string | undefined, items: readonly string[]): string[][] {
  return [...(statement ?? '').matchAll(/CASE WHEN (\S+) IS NULL THEN null ELSE (.*?) END/g)]
    .filter((m) => items.includes(m[1]!))
    .map((m) => [...m[2]!.matchAll(/`(\w+)`/g)].map((f) => f[1]!));
}

describe('the entity attributes an operation can read', () => {
  const asked = (query: string) => askedBy(entityAttributeRule, query);

  it('none for ids, names, kinds, relationships and the shortcuts to related entities', async () => {
    expect(
      await asked(
        '{ neighborhood(id: "lynas") { nodes { entity { __typename id name kind relationships { nodes { id } } ... on Country { alliances { id name } } } } } }',
      ),
    ).toStrictEqual([]);
  });

  it('each attribute field asked on any entity type, through inline and named fragments, under @skip too, in the domain order', async () => {
    expect(
      await asked(`query ($no: Boolean!) {
  paths(from: "a", to: "b") { nodes { id ...Country description @skip(if: $no) } }
  entity(id: "x") { ... on Material { symbol alliances: producers { from { ... on Facility { status } } } } }
}
fragment Country on Country { iso2 aliases }`),
    ).toStrictEqual(['aliases', 'description', 'symbol', 'iso2', 'status']);
  });

  it('every attribute once any other field of an entity is asked (a computed one may read any)', async () => {
    expect(
      await asked('{ entity(id: "x") { id ... on Agreement { standing { status } } } }'),
    ).toBeUndefined();
    expect(await asked('{ entity(id: "x") { id ... on Source { hasText } } }')).toBeUndefined();
    // Fields named like attributes on other types (a relationship's status) ask nothing of entities.
    expect(
      await asked(
        '{ supplyAlternatives(material: "dysprosium") { alternatives { supplier { id } relationship { id status } } } }',
      ),
    ).toStrictEqual([]);
  });
});

describe('the relationship properties an operation can read', () => {
  const asked = (query: string) => askedBy(relationshipPropertyRule, query);

  it('none for ids, types, ends and citations', async () => {
    expect(
      await asked(
        '{ neighborhood(id: "lynas") { relationships { __typename id type from { id name } to { id } citations { quote source { id } } } } }',
      ),
    ).toStrictEqual([]);
  });

  it('each property field asked on any relationship, through fragments, under @skip too (retracted reads retractedAt), in the domain order', async () => {
    expect(
      await asked(`query ($no: Boolean!) {
  paths(from: "a", to: "b") { hops { relationships { id note retracted ...Dated } } }
  entity(id: "x") { relationships { nodes { version @skip(if: $no) milestones { date } } } }
}
fragment Dated on Relationship { validFrom stage }`),
    ).toStrictEqual(['stage', 'milestones', 'validFrom', 'note', 'retractedAt', 'version']);
  });

  it("every field of the Relationship type is known: none of them asks for every property; an entity's status asks nothing of relationships", async () => {
    schema ??= await buildGraphSchema();
    const fields = Object.values((schema.getType('Relationship') as GraphQLObjectType).getFields());
    for (const field of fields) {
      const leaf = isLeafType(getNamedType(field.type));
      const selection = leaf ? field.name : `${field.name} { __typename }`;
      expect(
        await asked(`{ neighborhood(id: "x") { relationships { ${selection} } } }`),
        field.name,
      ).toBeDefined();
    }
    expect(await asked('{ entity(id: "x") { ... on Facility { status } } }')).toStrictEqual([]);
  });
});

describe('on Neo4j: the large reads fetch only what the operation asks, and answer as the embedded store', () => {
  const h = useNeo4jHarness();
  const statements: string[] = [];
  let store: Neo4jStore;
  let neo4jApi: TestServer;
  let embeddedApi: TestServer;
  let memory: MemoryStore;
  const ready = once(async () => {
    const { entities, relationships } = await loadSeed();
    memory = await h.loadBoth(entities, relationships);
    // A second store over the same database, which reports every statement it sends.
    store = await createNeo4jStore({ uri: NEO4J_URI }, { onQuery: (q) => statements.push(q) });
    [neo4jApi, embeddedApi] = [await startTestServer(store), await startTestServer(memory)];
  });
  afterAll(async () => {
    await neo4jApi?.close();
    await embeddedApi?.close();
    await store?.close();
  });

  /** Both servers' answers to `query` (which must be equal) and the Neo4j statements it sent. */
  async function both(query: string): Promise<{ data: any; sent: string[] }> {
    await ready();
    statements.length = 0;
    const data = await neo4jApi.data(query);
    const sent = [...statements];
    expect(data).toStrictEqual(await embeddedApi.data(query));
    return { data, sent };
  }
  /** Whether a statement reads `attribute` of an entity (lists and paths: n, search pages: m, neighbourhood: k.node, supply: s and e; relationships are r). */
  const reads = (statement: string | undefined, attribute: string) =>
    listedFields(statement, ['n', 'm', 's', 'e', 'k.node']).some((fields) => fields.includes(attribute));

  it('the port: entities with id, kind, name, origin and the attributes asked, the rest left out', async () => {
    await ready();
    const pick = (e: Entity, keep: readonly string[]) =>
      Object.fromEntries(
        Object.entries(e).filter(([k]) => ['id', 'kind', 'name', 'origin', ...keep].includes(k)),
      );
    for (const attributes of [[], ['aliases', 'iso2']] as const) {
      const [full, projected] = [
        await memory.neighborhood('lynas', { depth: 2, limit: 40 }),
        await store.neighborhood('lynas', { depth: 2, limit: 40, attributes }),
      ];
      expect(projected!.nodes).toStrictEqual(
        full!.nodes.map((n) => ({ ...n, entity: pick(n.entity, attributes) })),
      );
      expect(projected!.relationships).toStrictEqual(full!.relationships);
      const australia = projected!.nodes.find((n) => n.entity.id === 'australia')?.entity;
      expect(australia?.iso2).toBe(attributes.length ? 'AU' : undefined);
      const [wholeSupply, thinSupply] = [
        await memory.supplyContext(['dysprosium'], undefined, ['united-states']),
        await store.supplyContext(['dysprosium'], undefined, ['united-states'], attributes),
      ];
      expect(thinSupply.entities).toStrictEqual(wholeSupply.entities.map((e) => pick(e, attributes)));
      expect(thinSupply.rows.map((r) => pick(r.supplier, attributes))).toStrictEqual(
        wholeSupply.rows.map((r) => pick(r.supplier, attributes)),
      );
      expect(thinSupply.memberships).toStrictEqual(wholeSupply.memberships);
    }
  });

  it('a neighbourhood asking names reads no other attribute; asking a country code reads that one', async () => {
    const names = await both(
      '{ neighborhood(id: "lynas", depth: 2) { nodes { distance entity { id name } } relationships { id } } }',
    );
    expect(names.data.neighborhood.nodes.length).toBeGreaterThan(5);
    expect(names.sent).toHaveLength(1);
    expect(ENTITY_ATTRIBUTE_NAMES.filter((a) => reads(names.sent[0], a))).toStrictEqual([]);
    expect(['id', 'kind', 'name', 'origin'].filter((f) => reads(names.sent[0], f))).toHaveLength(4);

    const codes = await both(
      '{ neighborhood(id: "lynas", depth: 2) { nodes { entity { id ... on Country { iso2 } } } } }',
    );
    expect(ENTITY_ATTRIBUTE_NAMES.filter((a) => reads(codes.sent[0], a))).toStrictEqual(['iso2']);
    const countries = codes.data.neighborhood.nodes.filter((n: any) => n.entity.iso2);
    expect(countries.map((n: any) => n.entity.iso2)).toContain('AU');
  });

  it('a list or search page asking names reads no attribute; asking a country code reads that one', async () => {
    for (const args of ['kind: COUNTRY, first: 30', 'kind: COUNTRY, search: "a", first: 30']) {
      const names = await both(`{ entities(${args}) { totalCount nodes { id name } } }`);
      expect(names.data.entities.nodes.length).toBeGreaterThan(3);
      const page = names.sent.at(-1);
      expect(ENTITY_ATTRIBUTE_NAMES.filter((a) => reads(page, a))).toStrictEqual([]);
      const codes = await both(`{ entities(${args}) { nodes { id ... on Country { iso2 } } } }`);
      expect(ENTITY_ATTRIBUTE_NAMES.filter((a) => reads(codes.sent.at(-1), a))).toStrictEqual(['iso2']);
      expect(codes.data.entities.nodes.map((n: any) => n.iso2)).toContain('AU');
    }
  });

  it("the entities a path brought answer the operation's other fields with every attribute it asks", async () => {
    // The path's nodes come from the request's cache, filled by the paths statement.
    const { data, sent } = await both(
      '{ paths(from: "lynas", to: "united-states", maxHops: 3, first: 2) { nodes { id aliases ... on Country { iso2 } } } australia: entity(id: "australia") { id ... on Country { iso2 } } }',
    );
    const nodes = data.paths.flatMap((p: any) => p.nodes);
    expect(nodes.find((n: any) => n.id === 'united-states')).toMatchObject({ iso2: 'US' });
    expect(nodes.find((n: any) => n.id === 'lynas').aliases).toContain('Lynas');
    expect(data.australia).toStrictEqual({ id: 'australia', iso2: 'AU' });
    const path = sent.find((s) => s.includes('allShortestPaths'));
    expect(ENTITY_ATTRIBUTE_NAMES.filter((a) => reads(path, a))).toStrictEqual(['aliases', 'iso2']);
  });

  it('a supply answer asking ids reads no attribute; a computed field elsewhere in the operation reads them all', async () => {
    const query = (extra: string) =>
      `{ supplyAlternatives(material: "dysprosium", alliedWith: "united-states", excluding: ["china"]) { alternatives { supplier { id name } siteCountry { id } operators { id } relationship { id status } } } ${extra} }`;
    const thin = await both(query(''));
    expect(thin.data.supplyAlternatives.alternatives.length).toBeGreaterThan(3);
    const supply = (sent: string[]) => sent.find((s) => s.includes('PRODUCES'));
    expect(ENTITY_ATTRIBUTE_NAMES.filter((a) => reads(supply(thin.sent), a))).toStrictEqual([]);
    const whole = await both(query('source: entity(id: "source-article") { id ... on Source { hasText } }'));
    expect(ENTITY_ATTRIBUTE_NAMES.filter((a) => reads(supply(whole.sent), a))).toStrictEqual([
      ...ENTITY_ATTRIBUTE_NAMES,
    ]);
    expect(whole.data.supplyAlternatives).toStrictEqual(thin.data.supplyAlternatives);
  });

  /** Whether a statement reads `property` of a relationship (`r`; milestones travel as milestonesJson). */
  const factReads = (statement: string | undefined, property: string) =>
    listedFields(statement, ['r']).some((fields) =>
      fields.includes(property === 'milestones' ? 'milestonesJson' : property),
    );

  it('the port: relationships with id, type, ends, origin and the properties asked, the rest left out', async () => {
    await ready();
    const pick = (r: RelationshipFact, keep: readonly string[]) =>
      Object.fromEntries(
        Object.entries(r).filter(([k]) => ['id', 'type', 'from', 'to', 'origin', ...keep].includes(k)),
      );
    for (const properties of [[], ['stage', 'milestones', 'version']] as const) {
      const [full, projected] = [
        await memory.neighborhood('lynas', { depth: 2, limit: 40 }),
        await store.neighborhood('lynas', { depth: 2, limit: 40, properties }),
      ];
      expect(projected!.relationships).toStrictEqual(full!.relationships.map((r) => pick(r, properties)));
      expect(projected!.nodes).toStrictEqual(full!.nodes);
      const staged = projected!.relationships.filter((r) => r.stage !== undefined);
      expect(staged.length > 0).toBe(properties.length > 0);
      const [allPaths, thinPaths] = [
        await memory.shortestPaths('lynas', 'united-states', { maxHops: 3, limit: 3 }),
        await store.shortestPaths('lynas', 'united-states', { maxHops: 3, limit: 3, properties }),
      ];
      expect(thinPaths.paths.length).toBeGreaterThan(0);
      expect(thinPaths.paths).toStrictEqual(
        allPaths.paths.map((route) => route.map((hop) => hop.map((r) => pick(r, properties)))),
      );
    }
  });

  it('a neighbourhood or paths asking ids and types read no relationship property; asking some reads those', async () => {
    const ids = await both(
      '{ neighborhood(id: "lynas", depth: 2) { relationships { id type from { id } citations { quote } } } paths(from: "lynas", to: "united-states", maxHops: 3) { hops { forward relationships { id type } } } }',
    );
    expect(ids.data.neighborhood.relationships.length).toBeGreaterThan(5);
    expect(ids.data.paths.length).toBeGreaterThan(0);
    expect(ids.sent.filter((s) => /allShortestPaths|\$limit/.test(s))).toHaveLength(2);
    for (const statement of ids.sent)
      expect(FACT_PROPERTY_NAMES.filter((p) => factReads(statement, p))).toStrictEqual([]);

    const some = await both(
      '{ neighborhood(id: "lynas", depth: 2) { relationships { id stage retracted milestones { date status } } } }',
    );
    expect(FACT_PROPERTY_NAMES.filter((p) => factReads(some.sent[0], p))).toStrictEqual([
      'stage',
      'milestones',
      'retractedAt',
    ]);
    const rels = some.data.neighborhood.relationships;
    expect(rels.some((r: any) => r.stage !== null)).toBe(true);
    expect(rels.some((r: any) => r.milestones !== null)).toBe(true);
  });
});
