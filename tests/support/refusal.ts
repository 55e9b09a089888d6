import { BadInputError } from '../../src/domain/errors.js';

/** What `f` throws, as `{ message, field }` when it is a BadInputError (anything else as thrown; `'no error'` when it returns). */
export function refusal(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error instanceof BadInputError ? { message: error.message, field: error.field } : error;
  }
  return 'no error';
}
