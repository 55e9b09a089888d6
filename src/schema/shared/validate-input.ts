import { validate, type ValidationError } from 'class-validator';
import { BadInputError } from '../../domain/errors.js';

/** The first failed rule of a (possibly nested) validation error, with its path (`citations[0].quote`). */
function firstFailure(error: ValidationError, prefix: string): { field: string; message: string } | null {
  const field = /^\d+$/.test(error.property)
    ? `${prefix}[${error.property}]`
    : prefix
      ? `${prefix}.${error.property}`
      : error.property;
  const message = Object.values(error.constraints ?? {})[0];
  if (message !== undefined) return { field, message };
  for (const child of error.children ?? []) {
    const found = firstFailure(child, field);
    if (found) return found;
  }
  return null;
}

/**
 * type-graphql's `validateFn`: runs the class-validator rules of every input object argument
 * before the resolver, and refuses the first broken one as BAD_USER_INPUT naming its field.
 * Absent optional fields are not checked (GraphQL already enforces the required ones).
 */
export async function validateInput(value: unknown): Promise<void> {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const errors = await validate(item, { skipMissingProperties: true, forbidUnknownValues: false });
    for (const error of errors) {
      const failure = firstFailure(error, '');
      if (failure) throw new BadInputError(failure.message, failure.field);
    }
  }
}
