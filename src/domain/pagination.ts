import { BadInputError } from './errors.js';

/** Page size bounds for every list argument named `first`. */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

const PREFIX = 'offset:';

/** The opaque cursor of the item at `offset` (base64url of `offset:N`). */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** The offset a cursor points at; `BadInputError` naming `field` when it is not one of ours. */
export function decodeCursor(cursor: string, field = 'after'): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const n = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(n) || n < 0 || encodeCursor(n) !== cursor) {
    throw new BadInputError(`Argument "${field}" is not a valid cursor`, field);
  }
  return n;
}

/** The page window asked for by `first`/`after`; `BadInputError` naming the argument when out of bounds. */
export function pageWindow(
  first: number | undefined | null,
  after: string | undefined | null,
): { offset: number; limit: number } {
  const limit = first ?? PAGE_SIZE.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_SIZE.max) {
    throw new BadInputError(
      `Argument "first" must be between 1 and ${PAGE_SIZE.max} (got ${limit})`,
      'first',
    );
  }
  return { offset: after == null ? 0 : decodeCursor(after) + 1, limit };
}
