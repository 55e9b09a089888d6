import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  concatAST,
  isObjectType,
  Kind,
  parse,
  printSchema,
  visit,
  type ConstDirectiveNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { createResolversMap } from 'type-graphql';
import { BadInputError } from '../../domain/errors.js';
import { kindLabel } from '../../domain/model.js';
import type { GraphContext } from '../shared/graph.service.js';

/** The Federation 2 spec the subgraph links; only `@key` is imported. */
export const FEDERATION_SPEC = 'https://specs.apollo.dev/federation/v2.0';

/** What a router sends for one entity: the type it wants and the key it holds. */
type Representation = { __typename: string; id: string };

/** The key every keyed type has: its `id` (an entity's slug, a relationship's `type:from:to...`). */
const KEY: ConstDirectiveNode = {
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: 'key' },
  arguments: [
    {
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: 'fields' },
      value: { kind: Kind.STRING, value: 'id' },
    },
  ],
};

/** Every concrete entity type (each implementation of `Entity`) and `Relationship`: the types a router may ask for by `id`. */
export function keyedTypeNames(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter(
      (type) =>
        isObjectType(type) &&
        (type.name === 'Relationship' || type.getInterfaces().some((i) => i.name === 'Entity')),
    )
    .map((type) => type.name);
}

/**
 * The entity or relationship a representation names, as a copy (Apollo marks what it returns with
 * `__typename`: the loaders' cached objects stay untouched); null when the id names nothing of
 * that type. Loaded through the request's DataLoaders, so all representations of one `_entities`
 * call cost one store call per kind of record (entities, relationships), not one per representation.
 */
function resolveReference(typeName: string) {
  if (typeName === 'Relationship')
    return async (ref: Representation, { graph }: GraphContext) => {
      const rel = await graph.relationship(ref.id);
      return rel && { ...rel };
    };
  return async (ref: Representation, { graph }: GraphContext) => {
    const entity = await graph.entity(ref.id);
    return entity && kindLabel(entity.kind) === typeName ? { ...entity } : null;
  };
}

/** Refuses, with BAD_USER_INPUT, a representation that names no keyed type or carries no string `id`. */
function checkRepresentations(representations: unknown, keyed: ReadonlySet<string>): void {
  if (!Array.isArray(representations)) return;
  representations.forEach((ref: unknown, i) => {
    const { __typename, id } = (ref ?? {}) as Partial<Record<string, unknown>>;
    if (typeof __typename !== 'string' || !keyed.has(__typename) || typeof id !== 'string')
      throw new BadInputError(
        `representations[${i}] must name a keyed type (an entity type or Relationship) in __typename and give its id as a string`,
        `representations[${i}]`,
      );
  });
}

/**
 * The API's schema as an Apollo Federation 2 subgraph, built with `@apollo/subgraph` from the
 * type-graphql schema (the source; type-graphql's documented route: print it, add the
 * federation directives, rebuild with `buildSubgraphSchema` and type-graphql's resolvers):
 * every concrete entity type and `Relationship` get `@key(fields: "id")` and a batched
 * `__resolveReference`; `_service` and `_entities` are added. The schema given is not changed.
 */
export function toSubgraphSchema(schema: GraphQLSchema): GraphQLSchema {
  const keyed = keyedTypeNames(schema);
  const keyedSet = new Set(keyed);
  const typeDefs = visit(parse(printSchema(schema)), {
    ObjectTypeDefinition: (node) =>
      keyedSet.has(node.name.value) ? { ...node, directives: [...(node.directives ?? []), KEY] } : undefined,
  });
  const link = parse(`extend schema @link(url: "${FEDERATION_SPEC}", import: ["@key"])`);
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const name of keyed)
    resolvers[name] = { ...resolvers[name], __resolveReference: resolveReference(name) };
  const subgraph = buildSubgraphSchema([
    { typeDefs: concatAST([link, typeDefs]), resolvers: resolvers as never },
  ]);
  const entities = subgraph.getQueryType()?.getFields()._entities;
  const resolve = entities?.resolve;
  if (entities && resolve) {
    entities.resolve = ((source, args: { representations?: unknown }, context, info) => {
      checkRepresentations(args.representations, keyedSet);
      return resolve(source, args, context, info);
    }) as GraphQLFieldResolver<unknown, unknown>;
  }
  return subgraph;
}
