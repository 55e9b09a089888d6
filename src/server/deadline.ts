import { TimeoutError } from '../domain/errors.js';
import type { GraphStore } from '../store/graph-store.js';

/**
 * The request's execution deadline, enforced at the store port: every store call that starts
 * after `deadline` (epoch ms) fails with TIMEOUT (HTTP 504) instead of running, so a slow
 * request stops doing work; a call already running is bounded by the store's own timeout.
 * Checked per store round trip (batched by the DataLoaders), not per field: no cost per field.
 */
export function withDeadline(store: GraphStore, deadline: number, timeoutMs: number): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) =>
        Date.now() > deadline ? Promise.reject(new TimeoutError(`The request took longer than ${timeoutMs} ms (REQUEST_TIMEOUT_MS).`)) : method.apply(target, args);
    },
  });
}
