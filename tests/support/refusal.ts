import { expect } from 'vitest';
import { BadInputError } from '../../src/domain/errors.js';
import type { GqlResponse } from '../../scripts/support/test-server.js';

/** What `f` throws, as `{ message, field }` when it is a BadInputError (anything else as thrown; `'no error'` when it returns). */
export function refusal(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error instanceof BadInputError ? { message: error.message, field: error.field } : error;
  }
  return 'no error';
}

/** An operation refused before it ran (a limit): HTTP 400, no `data`, one error with `code`, a message matching `message` and the request's correlation id. */
export function expectRefused(res: GqlResponse, code: string, message: RegExp): void {
  expect(res.status).toBe(400);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
  expect(res.body.errors?.[0]?.message).toMatch(message);
  expect(res.body.errors?.[0]?.extensions?.correlationId).toBe(res.headers.get('x-request-id'));
}
