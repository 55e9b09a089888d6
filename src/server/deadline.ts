import { GraphService, type GraphContext } from '../schema/shared/graph.service.js';
import type { GraphStore } from '../store/graph-store.js';
import { attachBudget, ExecutionBudget, type BudgetLimits } from './budget.js';
import type { ServerContext } from './errors.js';
import type { RequestRecord } from './request-log.js';

/**
 * The store as one request sees it: every store call that starts after the request's deadline,
 * or after its execution budget stopped it (RESPONSE_TOO_LARGE), fails with that error instead
 * of running, so DataLoader batches stop too; a call already running is bounded by the store's
 * own timeout. Fields check the same budget (see budget.ts). Each call yields to the event loop first.
 */
export function withBudget(store: GraphStore, budget: ExecutionBudget): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      // Each call starts on a fresh turn of the event loop: the embedded store answers without I/O, so
      // a large execution would otherwise run as one chain of microtasks and keep health checks waiting.
      return (...args: unknown[]) =>
        new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          const stop = budget.stopError();
          return stop ? Promise.reject(stop) : method.apply(target, args);
        });
    },
  });
}

/**
 * A request's context (what every resolver receives) with its execution budget: the budget is
 * attached to the request's record (budget.ts guards the fields with it) and the graph service
 * reads the store through {@link withBudget}.
 */
export function budgetedContext(
  store: GraphStore,
  record: RequestRecord,
  limits: BudgetLimits,
  request: Omit<GraphContext, 'graph' | 'requestId'>,
): ServerContext {
  const budget = attachBudget(record, new ExecutionBudget(limits));
  return {
    ...request,
    graph: new GraphService(withBudget(store, budget)),
    requestId: record.requestId,
    record,
  };
}
