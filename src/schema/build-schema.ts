import 'reflect-metadata';
import { isInterfaceType, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { buildSchema, getMetadataStorage, type PubSub } from 'type-graphql';
// The import order is the schema's order: type-graphql lists types and root fields in the order
// their decorators ran, and schema/schema.graphql is checked byte for byte.
import { SHORTCUT_RESOLVERS } from './entity/shortcut.resolver.js';
import { TraversalResolver } from './traversal/traversal.resolver.js';
import { SupplyResolver } from './supply/supply.resolver.js';
import { AgreementStatusResolver, MeasureStatusResolver } from './entity/lifecycle.resolver.js';
import { ENTITY_TYPES } from './entity/entity.type.js';
import { EntityResolver, SourceResolver } from './entity/entity.resolver.js';
import { EntityQueryResolver } from './entity/entity-query.resolver.js';
import {
  CitationResolver,
  RelationshipQueryResolver,
  RelationshipResolver,
} from './relationship/relationship.resolver.js';
import { nullArgumentsAsAbsent } from './shared/null-arguments.js';
import { validateInput } from './shared/validate-input.js';
import { WriteResolver } from './write/write.resolver.js';
import { AuditEntryResolver, AuditResolver } from './audit/audit.resolver.js';
import { NodeResolver } from './node/node.resolver.js';
import { toSubgraphSchema } from './federation/subgraph.js';
import { StatsResolver } from './stats/stats.resolver.js';
import { ChangesResolver } from './changes/changes.resolver.js';
import { IngestResolver } from './ingest/ingest.resolver.js';

let built: Promise<GraphQLSchema> | undefined;
let builtSubgraph: Promise<GraphQLSchema> | undefined;

/**
 * type-graphql requires a PubSub once there is a subscription, even one with its own `subscribe`
 * (graphChanged reads the change feed): this one refuses topics, which nothing uses.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('subscriptions read the change feed; there are no topics');
  },
  subscribe() {
    throw new Error('subscriptions read the change feed; there are no topics');
  },
};

/** type-graphql takes no description for the root types: set on the built schema (the SDL prints them). */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query)
    query.description =
      'Reads of the knowledge graph: entities, relationships, traversals, supply answers and the audit trail.';
  if (mutation)
    mutation.description = 'Audited writes, for editors only: each is one transaction and one audit entry.';
  const subscription = schema.getSubscriptionType();
  if (subscription)
    subscription.description =
      'Live changes, over WebSocket (graphql-ws protocol) at /graphql; not served over HTTP.';
  return schema;
}

/**
 * type-graphql wraps each interface's `resolveType` in an async function: every entity, node or
 * relationship in an answer then costs graphql-js a promise (a list of them, a `Promise.all`), and
 * graphql-jit cannot use it at all. Ours name the concrete type synchronously (entity.type.ts,
 * node.type.ts): the schema calls them as they are.
 */
function synchronousTypeResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const { name, resolveType } of getMetadataStorage().interfaceTypes) {
    const type = schema.getType(name);
    if (resolveType && isInterfaceType(type))
      type.resolveType = resolveType as GraphQLTypeResolver<unknown, unknown>;
  }
  return schema;
}

/**
 * type-graphql gives every plain field (one without a field resolver) a resolver of its own that
 * reads the property through its middleware chain, even an empty one. We have no global
 * middleware and no auth checker, so a plain field with no middleware or roles of its own, whose
 * schema name is its property's name, is marked `simple`: it has no resolver, and graphql-js reads
 * it as type-graphql would (`source[name]`) while graphql-jit compiles it to an inline property
 * read instead of a resolver call with its own info object. The execution budget measures such
 * fields from the nearest field with a resolver (budget.ts).
 */
function plainFieldsSimple(): void {
  const storage = getMetadataStorage();
  type Target = (typeof storage.fields)[number]['target'];
  const decorated = (list: { target: Target; fieldName?: string }[], target: Target, name: string) =>
    list.some((m) => m.target === target && m.fieldName === name);
  for (const field of storage.fields)
    if (
      field.simple === undefined &&
      field.schemaName === field.name &&
      !decorated(storage.middlewares, field.target, field.name) &&
      !decorated(storage.authorizedFields, field.target, field.name)
    )
      field.simple = true;
}

/** The API's GraphQL schema, built once per process from the type-graphql classes; an argument given `null` is absent. */
export function buildGraphSchema(): Promise<GraphQLSchema> {
  if (!built) plainFieldsSimple();
  return (built ??= buildSchema({
    resolvers: [
      EntityQueryResolver,
      RelationshipQueryResolver,
      WriteResolver,
      AuditResolver,
      NodeResolver,
      ChangesResolver,
      IngestResolver,
      TraversalResolver,
      SupplyResolver,
      StatsResolver,
      MeasureStatusResolver,
      AgreementStatusResolver,
      EntityResolver,
      SourceResolver,
      RelationshipResolver,
      CitationResolver,
      AuditEntryResolver,
      ...SHORTCUT_RESOLVERS,
    ],
    orphanedTypes: ENTITY_TYPES,
    pubSub: NO_TOPICS,
    validateFn: validateInput,
  }).then((schema) => describeRootTypes(synchronousTypeResolvers(nullArgumentsAsAbsent(schema)))));
}

/**
 * The same schema as an Apollo Federation 2 subgraph (FEDERATION_ENABLED): entity types and
 * `Relationship` keyed by `id`, plus `_service` and `_entities`; built once per process from
 * {@link buildGraphSchema}, which it leaves as it is.
 */
export function buildSubgraphGraphSchema(): Promise<GraphQLSchema> {
  return (builtSubgraph ??= buildGraphSchema().then(toSubgraphSchema));
}
