import type { ApolloServerPlugin } from '@apollo/server';
import {
  defaultFieldResolver,
  getNamedType,
  isLeafType,
  isObjectType,
  isUnionType,
  type GraphQLField,
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
function measurer(type: GraphQLOutputType): (budget: ExecutionBudget, key: number, value: unknown) => void {
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

/** A field's resolver that first checks the request's budget, then adds what the field put in the answer. */
function guarded(
  field: GraphQLField<unknown, { record?: RequestRecord }>,
): GraphQLFieldResolver<unknown, { record?: RequestRecord }> {
  const resolve = field.resolve ?? defaultFieldResolver;
  const measure = measurer(field.type);
  return (source, args, context, info) => {
    const budget = context.record && budgets.get(context.record);
    if (!budget) return resolve(source, args, context, info);
    budget.check();
    // the key, its quotes, colon and comma
    const key = (info.fieldNodes[0]?.alias ?? info.fieldNodes[0]?.name)?.value.length ?? 0;
    const value = resolve(source, args, context, info);
    if (!isPromise(value)) measure(budget, key + 4, value);
    else
      void value.then(
        (v) => measure(budget, key + 4, v),
        () => undefined,
      );
    return value;
  };
}

const guards = new WeakSet<GraphQLFieldResolver<unknown, never>>();

/**
 * Makes every field of `schema` (in place; introspection excepted) respect its request's
 * {@link ExecutionBudget}: a field first checks it (past the deadline or a cap it fails at once,
 * so no resolver or loader runs on), then adds what it resolved. Requests without a budget are
 * not affected. One wrapper per field, with no allocation for a synchronous value: Apollo's
 * `willResolveField` hook costs several times more on large answers.
 */
export function enforceBudgets<S extends GraphQLSchema>(schema: S): S {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      // Schemas built in one process may share their types: wrap each field once.
      if (field.resolve && guards.has(field.resolve)) continue;
      field.resolve = guarded(field as GraphQLField<unknown, { record?: RequestRecord }>);
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
