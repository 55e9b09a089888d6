import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type DocumentNode,
  getArgumentValues,
  getVariableValues,
  Kind,
} from 'graphql';
import { ENTITY_KINDS, RELATION_TYPE_NAMES } from '../domain/model.js';
import { PAGE_SIZE } from '../domain/pagination.js';
import { INGEST_LIMITS } from '../domain/ingest/review.js';
import { TRAVERSAL_LIMITS } from '../domain/traversal.js';

/** A page-size argument: its name, the size used when it is absent, and the largest accepted. */
export interface PageArg {
  arg: string;
  default: number;
  max: number;
}

/** Page arguments that differ from `first` (default 20, at most 100), by field coordinate. */
const PAGE_ARGS: Partial<Record<string, PageArg>> = {
  'Query.paths': { arg: 'first', ...TRAVERSAL_LIMITS.paths },
  'Query.neighborhood': { arg: 'limit', ...TRAVERSAL_LIMITS.nodes },
};
const DEFAULT_PAGE_ARG: PageArg = { arg: 'first', ...PAGE_SIZE };

/**
 * Items assumed in a list of objects that has no page argument (`members`, `citations`,
 * `leads`...); a path's hops and nodes are bounded by `maxHops`. README's Limits section mirrors this.
 */
export const ASSUMED_LIST_SIZE = 10;
const LIST_SIZES: Partial<Record<string, number>> = {
  'Path.hops': TRAVERSAL_LIMITS.maxHops.max,
  'Path.nodes': TRAVERSAL_LIMITS.maxHops.max + 1,
  // One item per kind and per type; periods and months are bounded by the dates held, counted as 100.
  'GraphStats.entitiesByKind': ENTITY_KINDS.length,
  'GraphStats.relationshipsByType': RELATION_TYPE_NAMES.length,
  'GraphStats.relationshipsByValidFrom': 100,
  'GraphStats.writesByMonth': 100,
  // A bulk accept reports one outcome per proposal it took (INGEST_LIMITS.bulkAccept at most).
  'AcceptProposalsPayload.outcomes': INGEST_LIMITS.bulkAccept,
};
/** Lists holding one item per item of one of their arguments: a federation subgraph's `_entities`, one per representation. */
const LIST_ARG_SIZES: Partial<Record<string, string>> = { 'Query._entities': 'representations' };

/**
 * What a field that reads the whole graph adds to its cost, whatever the size of its answer:
 * `stats` counts every entity, relationship, citation and audit entry (one statement, but a
 * scan that grows with the graph). At the defaults a request holds at most three (MAX_COST
 * 20,000), a client's burst ten, its refill sixty a minute. README's Limits section mirrors this.
 */
export const WHOLE_GRAPH_COST = 5_000;
const SCAN_COSTS: Partial<Record<string, number>> = {
  'Query.stats': WHOLE_GRAPH_COST,
  // Extraction matches the document against every entity and relationship (one read of the whole graph).
  'Mutation.ingestDocument': WHOLE_GRAPH_COST,
  // One transaction reading and writing up to INGEST_LIMITS.bulkAccept proposals and their facts.
  'Mutation.acceptProposals': WHOLE_GRAPH_COST,
};

/** What one walk needs: the schema, the document's fragments, the coerced variables (undefined when they do not coerce). */
interface Walk {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Record<string, unknown> | undefined;
  /** Cost of a fragment at multiplier 1, by `name:pageSize`: fragments spread many times are walked once. */
  memo: Map<string, number>;
}

/**
 * The cost of an operation: how many field values its answer may hold. Each field counts once per
 * parent object it is resolved on; a field with a page argument multiplies what lies below it by
 * the page size it will really use (literal, variable or default; unknown counts as the maximum),
 * a list without one by its assumed size. Fragments and every type condition are counted in full
 * (an upper bound); `__schema` and `__type` cost nothing. The same request costs the same whether
 * `first` is written literally or passed as a variable. Pure: (schema, document, operation, variables) -> cost.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): number {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, {
    maxErrors: 1,
  });
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  const walk: Walk = {
    schema,
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    variables: coerced.coerced,
    memo: new Map(),
  };
  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(walk, operation.selectionSet, root, undefined) : 0;
}

/**
 * Cost of a selection set on one object of `type`. `pageSize` is set below a field with a page
 * argument whose answer is one object (a connection): its lists hold that many items.
 */
function selectionCost(
  walk: Walk,
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  pageSize: number | undefined,
): number {
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) total += fieldCost(walk, selection, type, pageSize);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      total += selectionCost(
        walk,
        selection.selectionSet,
        conditionType(walk, selection.typeCondition?.name.value) ?? type,
        pageSize,
      );
    else total += fragmentCost(walk, selection.name.value, pageSize);
  }
  return total;
}

function fragmentCost(walk: Walk, name: string, pageSize: number | undefined): number {
  const key = `${name}:${pageSize ?? ''}`;
  const known = walk.memo.get(key);
  if (known !== undefined) return known;
  walk.memo.set(key, 0); // a cycle (refused by validation anyway) adds nothing
  const fragment = walk.fragments.get(name);
  const type = fragment && conditionType(walk, fragment.typeCondition.name.value);
  const cost = fragment && type ? selectionCost(walk, fragment.selectionSet, type, pageSize) : 0;
  walk.memo.set(key, cost);
  return cost;
}

function conditionType(walk: Walk, name: string | undefined): GraphQLCompositeType | undefined {
  if (name === undefined) return undefined;
  const type = walk.schema.getType(name);
  return type && isCompositeType(type) ? type : undefined;
}

/** Cost of one field on one parent object: 1 for the field (plus its scan cost), plus its selection times the items it holds. */
function fieldCost(
  walk: Walk,
  node: FieldNode,
  parent: GraphQLCompositeType,
  pageSize: number | undefined,
): number {
  const name = node.name.value;
  if (name === '__schema' || name === '__type') return 0;
  if (name === '__typename' || !node.selectionSet || !('getFields' in parent)) return 1;
  const def = parent.getFields()[name];
  if (!def) return 1;
  const child = getNamedType(def.type);
  if (!isCompositeType(child)) return 1;
  const coordinate = `${parent.name}.${name}`;
  const page = def.args.some((a) => a.name === (PAGE_ARGS[coordinate] ?? DEFAULT_PAGE_ARG).arg)
    ? pageArgSize(walk, def, node, PAGE_ARGS[coordinate] ?? DEFAULT_PAGE_ARG)
    : undefined;
  const own = 1 + (SCAN_COSTS[coordinate] ?? 0);
  const isList = isListType(getNullableType(def.type));
  if (!isList) return own + selectionCost(walk, node.selectionSet, child, page);
  const items =
    page ?? pageSize ?? LIST_SIZES[coordinate] ?? listArgLength(walk, def, node, LIST_ARG_SIZES[coordinate]);
  return own + items * selectionCost(walk, node.selectionSet, child, undefined);
}

/** The length of the list argument `arg` (as coerced); {@link ASSUMED_LIST_SIZE} when there is none or it cannot be known. */
function listArgLength(
  walk: Walk,
  def: GraphQLField<unknown, unknown>,
  node: FieldNode,
  arg: string | undefined,
): number {
  if (arg === undefined || walk.variables === undefined) return ASSUMED_LIST_SIZE;
  try {
    const value = getArgumentValues(def, node, walk.variables)[arg];
    return Array.isArray(value) ? value.length : ASSUMED_LIST_SIZE;
  } catch {
    return ASSUMED_LIST_SIZE;
  }
}

/** The page size a field will use: its argument's value (`last` over `first`), else the default; unknown or out of bounds counts as the maximum. */
function pageArgSize(
  walk: Walk,
  def: GraphQLField<unknown, unknown>,
  node: FieldNode,
  page: PageArg,
): number {
  if (walk.variables === undefined) return page.max;
  let value: unknown;
  try {
    const args = getArgumentValues(def, node, walk.variables);
    // A connection's `last` takes precedence over `first` (domain/pagination.ts `seekOf`).
    value = page.arg === 'first' && args.last != null ? args.last : args[page.arg];
  } catch {
    return page.max;
  }
  if (value === undefined || value === null) return page.default;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= page.max
    ? value
    : page.max;
}
