import type { ApolloServerPlugin } from '@apollo/server';
import {
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isLeafType,
  isObjectType,
  isUnionType,
  Kind,
  type FieldNode,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type NamedTypeNode,
  type SelectionNode,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { TimeoutError } from '../domain/errors.js';
import { byPath } from './errors.js';
import { LimitError } from './limit-error.js';
import type { RequestRecord } from './request-log.js';

/** How much one request may produce while it executes. README's Limits section mirrors this. */
export interface BudgetLimits {
  /** Epoch ms after which nothing more runs. */
  deadline: number;
  timeoutMs: number;
  /** Most entities and relationships resolved. */
  maxObjects: number;
  /** Most bytes of the answer (estimated as it is built, close to its JSON size). */
  maxBytes: number;
}

/** Why an execution was stopped: the error every later field and store call gets. */
export type StopError = TimeoutError | LimitError;

/**
 * One request's execution budget: time, entities and relationships, answer bytes. Once spent,
 * {@link check} throws the same error for every later field and store call, so the execution
 * stops instead of running on.
 */
export class ExecutionBudget {
  objects = 0;
  bytes = 0;
  stopped: StopError | undefined;

  constructor(readonly limits: BudgetLimits) {}

  /** The stop error once the budget is spent or the deadline has passed, else undefined. */
  stopError(): StopError | undefined {
    if (!this.stopped && Date.now() > this.limits.deadline)
      this.stopped = new TimeoutError(
        `The request took longer than ${this.limits.timeoutMs} ms (REQUEST_TIMEOUT_MS).`,
      );
    return this.stopped;
  }

  /** Throws {@link stopError} when there is one. */
  check(): void {
    const stop = this.stopError();
    if (stop) throw stop;
  }

  /** Adds what a field put in the answer; past a cap, stops the execution with RESPONSE_TOO_LARGE. */
  spend(objects: number, bytes: number): void {
    this.objects += objects;
    this.bytes += bytes;
    if (this.stopped) return;
    const { maxObjects, maxBytes } = this.limits;
    if (this.objects > maxObjects)
      this.stopped = tooLarge(
        `The answer holds more than ${maxObjects} entities and relationships (MAX_RESULT_OBJECTS); ask for fewer.`,
      );
    else if (this.bytes > maxBytes)
      this.stopped = tooLarge(
        `The answer is larger than ${maxBytes} bytes (MAX_RESPONSE_BYTES); ask for fewer fields or smaller pages.`,
      );
  }
}

function tooLarge(message: string): LimitError {
  return new LimitError(message, 'RESPONSE_TOO_LARGE');
}

const budgets = new WeakMap<RequestRecord, ExecutionBudget>();

/** The budget given to a request, if any. */
export function budgetOf(record: RequestRecord): ExecutionBudget | undefined {
  return budgets.get(record);
}

/** Gives a request its budget (kept beside its record until the record is dropped). */
export function attachBudget(record: RequestRecord, budget: ExecutionBudget): ExecutionBudget {
  budgets.set(record, budget);
  return budget;
}

/** Whether values of this type are entities or relationships (counted against MAX_RESULT_OBJECTS), a federation subgraph's `_Entity` union included. */
function isRecordType(type: GraphQLNamedType): boolean {
  return (
    type.name === 'Entity' ||
    type.name === 'Relationship' ||
    (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Entity')) ||
    (isUnionType(type) && type.getTypes().every(isRecordType))
  );
}

/** Estimated JSON bytes of a leaf value (strings by length: escapes and multi-byte characters are not counted). */
function leafBytes(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + leafBytes(v) + 1, 2);
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number') return 12;
  if (typeof value === 'boolean') return 5;
  if (value === null || value === undefined) return 4;
  return 32;
}

/** What a field's value adds to the answer: a leaf's bytes, or an object's braces and, for entities and relationships, their count. */
function measurer(type: GraphQLOutputType): Measure {
  const named = getNamedType(type);
  if (isLeafType(named)) return (budget, key, value) => budget.spend(0, key + leafBytes(value));
  const record = isRecordType(named);
  return (budget, key, value) => {
    const items = Array.isArray(value) ? value.length : value == null ? 0 : 1;
    budget.spend(record ? items : 0, key + items * 3);
  };
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** A field with no resolver of its own, asked under a field that has one: measured by that one. */
interface PlainField {
  /** The response key's bytes with its quotes, colon and comma. */
  key: number;
  name: string;
  shape: Shape;
  nodes: FieldNode[];
  measure: Measure;
}

/** What the walk needs of a field's type, worked out once (graphql's type checks are slow outside production). */
interface Shape {
  /** Objects (or lists of them), not leaves. */
  composite: boolean;
  object?: GraphQLObjectType;
  abstract?: GraphQLAbstractType;
}

function shapeOf(type: GraphQLOutputType): Shape {
  const named = getNamedType(type);
  if (isObjectType(named)) return { composite: true, object: named };
  if (isAbstractType(named)) return { composite: true, abstract: named };
  return { composite: false };
}

type Measure = (budget: ExecutionBudget, key: number, value: unknown) => void;

/** What the walk below a field needs of its resolve info. */
interface Walk {
  info: GraphQLResolveInfo;
  context: unknown;
}

/** The plain fields of `type` asked by `nodes`, and whether a @skip or @include decided which. */
function plainFields(
  walk: Walk,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
): [PlainField[], boolean] {
  const byKey = new Map<string, FieldNode[]>();
  let conditional = false;
  const included = (node: SelectionNode): boolean => {
    if (!node.directives?.length) return true;
    conditional = true;
    return (
      getDirectiveValues(GraphQLSkipDirective, node, walk.info.variableValues)?.if !== true &&
      getDirectiveValues(GraphQLIncludeDirective, node, walk.info.variableValues)?.if !== false
    );
  };
  const applies = (condition: NamedTypeNode | undefined): boolean => {
    if (!condition) return true;
    const on = walk.info.schema.getType(condition.name.value);
    return on === type || (isAbstractType(on) && walk.info.schema.isSubType(on, type));
  };
  const visit = (selections: readonly SelectionNode[], spread: Set<string>): void => {
    for (const node of selections) {
      if (!included(node)) continue;
      if (node.kind === Kind.FIELD) {
        const key = (node.alias ?? node.name).value;
        const list = byKey.get(key);
        if (list) list.push(node);
        else byKey.set(key, [node]);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        if (applies(node.typeCondition)) visit(node.selectionSet.selections, spread);
      } else if (!spread.has(node.name.value)) {
        spread.add(node.name.value);
        const fragment = walk.info.fragments[node.name.value];
        if (fragment && applies(fragment.typeCondition)) visit(fragment.selectionSet.selections, spread);
      }
    }
  };
  const spread = new Set<string>();
  for (const node of nodes) if (node.selectionSet) visit(node.selectionSet.selections, spread);
  const fields = type.getFields();
  const plain: PlainField[] = [];
  for (const [key, fieldNodes] of byKey) {
    const field = fields[fieldNodes[0]!.name.value];
    // __typename is not measured; a field with a resolver measures itself
    if (!field || field.resolve) continue;
    plain.push({
      key: key.length + 4,
      name: field.name,
      shape: shapeOf(field.type),
      nodes: fieldNodes,
      measure: measurer(field.type),
    });
  }
  return [plain, conditional];
}

/** Plain fields per asked field nodes (graphql-jit keeps one array per field of a compiled query) and object type, unless variables decide them. */
const plans = new WeakMap<readonly FieldNode[], Map<GraphQLObjectType, PlainField[]>>();

function planOf(walk: Walk, type: GraphQLObjectType, nodes: readonly FieldNode[]): PlainField[] {
  let byType = plans.get(nodes);
  const cached = byType?.get(type);
  if (cached) return cached;
  const [plain, conditional] = plainFields(walk, type, nodes);
  if (conditional) return plain;
  if (!byType) plans.set(nodes, (byType = new Map<GraphQLObjectType, PlainField[]>()));
  byType.set(type, plain);
  return plain;
}

/** The object type of `value` as the execution will resolve it, when that is known synchronously (else what is below it is not measured). */
function objectTypeOf(walk: Walk, shape: Shape, value: unknown): GraphQLObjectType | undefined {
  if (shape.object || !shape.abstract?.resolveType) return shape.object;
  const name = shape.abstract.resolveType(value, walk.context, walk.info, shape.abstract);
  const resolved = typeof name === 'string' ? walk.info.schema.getType(name) : undefined;
  return resolved && isObjectType(resolved) ? resolved : undefined;
}

/**
 * Adds to the budget the plain fields asked below a field's `value` (of a composite `shape`, asked
 * by `nodes`), down to the fields with resolvers, which measure themselves: what the execution
 * will copy into the answer without calling anything.
 */
function measureBelow(
  budget: ExecutionBudget,
  walk: Walk,
  shape: Shape,
  nodes: readonly FieldNode[],
  value: unknown,
): void {
  if (value == null || budget.stopped) return;
  if (Array.isArray(value)) {
    for (const v of value) measureBelow(budget, walk, shape, nodes, v);
    return;
  }
  const objectType = objectTypeOf(walk, shape, value);
  if (!objectType) return;
  for (const field of planOf(walk, objectType, nodes)) {
    const v = (value as Record<string, unknown>)[field.name];
    field.measure(budget, field.key, v);
    if (field.shape.composite) measureBelow(budget, walk, field.shape, field.nodes, v);
  }
}

/** What a guarded field knows of itself. */
interface Guard {
  measure: Measure;
  shape: Shape;
}

/** Adds a guarded field's value and the plain fields below it; throws the budget's error once it is spent. */
function spent(
  budget: ExecutionBudget,
  guard: Guard,
  info: GraphQLResolveInfo,
  context: unknown,
  value: unknown,
): unknown {
  // the key, its quotes, colon and comma
  const key = (info.fieldNodes[0]?.alias ?? info.fieldNodes[0]?.name)?.value.length ?? 0;
  guard.measure(budget, key + 4, value);
  if (guard.shape.composite) measureBelow(budget, { info, context }, guard.shape, info.fieldNodes, value);
  if (budget.stopped) throw budget.stopped;
  return value;
}

/**
 * A field's resolver that first checks the request's budget, then adds what the field and the
 * plain fields below it put in the answer, and fails with the budget's error once that is spent.
 */
function guarded(
  field: GraphQLField<unknown, { record?: RequestRecord }>,
  resolve: GraphQLFieldResolver<unknown, { record?: RequestRecord }>,
): GraphQLFieldResolver<unknown, { record?: RequestRecord }> {
  const guard: Guard = { measure: measurer(field.type), shape: shapeOf(field.type) };
  return (source, args, context, info) => {
    const budget = context.record && budgets.get(context.record);
    if (!budget) return resolve(source, args, context, info);
    budget.check();
    const value = resolve(source, args, context, info);
    // A value that arrives past the deadline is not used: nothing below it resolves.
    return isPromise(value)
      ? value.then((v) => {
          budget.check();
          return spent(budget, guard, info, context, v);
        })
      : spent(budget, guard, info, context, value);
  };
}

const guards = new WeakSet<GraphQLFieldResolver<unknown, never>>();

/**
 * Makes every field of `schema` (in place; introspection excepted) respect its request's
 * {@link ExecutionBudget}: a field with a resolver first checks it (past the deadline or a cap it
 * fails at once, so no resolver or loader runs on), then adds what it resolved and the plain fields
 * (no resolver) asked below it, which cost nothing to guard: graphql-jit reads them inline.
 * Requests without a budget are not affected. One wrapper per field with a resolver, with no
 * allocation for a synchronous value: Apollo's `willResolveField` hook costs several times more on
 * large answers.
 */
export function enforceBudgets<S extends GraphQLSchema>(schema: S): S {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      // Schemas built in one process may share their types: wrap each field once.
      if (!field.resolve || guards.has(field.resolve)) continue;
      field.resolve = guarded(field as GraphQLField<unknown, { record?: RequestRecord }>, field.resolve);
      guards.add(field.resolve);
    }
  }
  return schema;
}

/**
 * The answer of a request its {@link ExecutionBudget} stopped (fields are guarded by
 * {@link enforceBudgets}): past a cap, `data: null` with the one RESPONSE_TOO_LARGE error (HTTP
 * 400); past the deadline, the data resolved so far with one TIMEOUT error (HTTP 504). Must come
 * before the error policy's plugin, which stamps and logs the errors.
 */
export function executionBudgetPlugin(): ApolloServerPlugin<{ record: RequestRecord }> {
  return {
    requestDidStart: ({ contextValue }) => {
      const budget = budgets.get(contextValue.record);
      if (!budget) return Promise.resolve();
      return Promise.resolve({
        willSendResponse({ response }) {
          if (!budget.stopped || response.body.kind !== 'single') return Promise.resolve();
          const result = response.body.singleResult;
          const code = budget.stopped.code;
          result.errors = onePerCode(result.errors ?? [], code);
          if (code === 'RESPONSE_TOO_LARGE') result.data = null;
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * The errors with only one of those carrying `code` (every field stopped after it repeats it): the
 * first in the answer's order, as the error policy sorts them (graphql-js and graphql-jit resolve
 * sibling fields in different orders).
 */
function onePerCode(errors: readonly GraphQLFormattedError[], code: string): GraphQLFormattedError[] {
  const first = errors.filter((e) => e.extensions?.code === code).sort(byPath)[0];
  return errors.filter((e) => e.extensions?.code !== code || e === first);
}
