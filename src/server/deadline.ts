import type { GraphStore } from '../store/graph-store.js';
import type { ExecutionBudget } from './budget.js';

/**
 * The store as one request sees it: every store call that starts after the request's deadline,
 * or after its execution budget stopped it (RESPONSE_TOO_LARGE), fails with that error instead
 * of running, so DataLoader batches stop too; a call already running is bounded by the store's
 * own timeout. Fields check the same budget (see budget.ts).
 */
export function withBudget(store: GraphStore, budget: ExecutionBudget): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => {
        const stop = budget.stopError();
        return stop ? Promise.reject(stop) : method.apply(target, args);
      };
    },
  });
}
