import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, isLeafType, isObjectType, type GraphQLFormattedError, type GraphQLNamedType, type GraphQLResolveInfo } from 'graphql';
import { TimeoutError } from '../domain/errors.js';
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
    if (!this.stopped && Date.now() > this.limits.deadline) this.stopped = new TimeoutError(`The request took longer than ${this.limits.timeoutMs} ms (REQUEST_TIMEOUT_MS).`);
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
    if (this.objects > maxObjects) this.stopped = tooLarge(`The answer holds more than ${maxObjects} entities and relationships (MAX_RESULT_OBJECTS); ask for fewer.`);
    else if (this.bytes > maxBytes) this.stopped = tooLarge(`The answer is larger than ${maxBytes} bytes (MAX_RESPONSE_BYTES); ask for fewer fields or smaller pages.`);
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

/** Whether values of this type are entities or relationships (counted against MAX_RESULT_OBJECTS). */
const recordTypes = new WeakMap<GraphQLNamedType, boolean>();
function isRecordType(type: GraphQLNamedType): boolean {
  let is = recordTypes.get(type);
  if (is === undefined) {
    is = type.name === 'Entity' || type.name === 'Relationship' || (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Entity'));
    recordTypes.set(type, is);
  }
  return is;
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

/** What a resolved field adds to the answer: its key, then its value (a leaf's bytes, an object's braces). */
function measure(budget: ExecutionBudget, info: GraphQLResolveInfo, result: unknown): void {
  const named = getNamedType(info.returnType);
  const key = (info.fieldNodes[0]?.alias ?? info.fieldNodes[0]?.name)?.value.length ?? 0;
  if (isLeafType(named)) return budget.spend(0, key + 4 + leafBytes(result));
  const items = Array.isArray(result) ? result.length : result == null ? 0 : 1;
  budget.spend(isRecordType(named) ? items : 0, key + 4 + items * 3);
}

/**
 * Enforces each request's {@link ExecutionBudget} during execution: every field first checks the
 * budget (past the deadline or a cap it fails at once, so no resolver or loader runs on), and
 * adds what it resolved. When a cap stopped the execution the answer is `data: null` with that
 * one RESPONSE_TOO_LARGE error (HTTP 400); after the deadline, the data resolved so far is kept
 * with one TIMEOUT error (HTTP 504). Must come before the error policy's plugin, which stamps and logs the errors.
 */
export function executionBudgetPlugin(): ApolloServerPlugin<{ record: RequestRecord }> {
  return {
    requestDidStart: ({ contextValue }) => {
      const budget = budgets.get(contextValue.record);
      if (!budget) return Promise.resolve();
      return Promise.resolve({
        executionDidStart: () =>
          Promise.resolve({
            willResolveField({ info }) {
              budget.check();
              return (error, result) => {
                if (!error) measure(budget, info, result);
              };
            },
          }),
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

/** The errors with only the first of those carrying `code` (every field stopped after it repeats it). */
function onePerCode(errors: readonly GraphQLFormattedError[], code: string): GraphQLFormattedError[] {
  let seen = false;
  return errors.filter((e) => {
    if (e.extensions?.code !== code) return true;
    if (seen) return false;
    seen = true;
    return true;
  });
}
