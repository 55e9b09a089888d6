import { BadInputError } from './errors.js';
import { compareText } from './order.js';

/** Page size bounds for every `first`/`last` argument (the SDL declares the default of `first`). */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

/** The keyset an entity list is ordered by: its sort key (folded name), then id. */
export interface EntityKey {
  sortKey: string;
  id: string;
}

/** Entity keys in list order. */
export function compareEntityKeys(a: EntityKey, b: EntityKey): number {
  return compareText(a.sortKey, b.sortKey) || compareText(a.id, b.id);
}

/**
 * One page asked of an ordered list, as seek bounds rather than offsets: items strictly after
 * `after` and strictly before `before`, the first `limit` of them, or the last when `backward`.
 * A bound need not be an item that still exists, so a walk under writes neither repeats nor skips.
 */
export interface Seek<K> {
  after?: K;
  before?: K;
  limit: number;
  backward: boolean;
}

/** A page in list order, and whether more items lie beyond it in the direction walked. */
export interface SeekPage<T> {
  items: T[];
  hasMore: boolean;
}

/** What a cursor encodes: `e` an entity key, `i` an id (relationships, by id), `a` an audit key. */
type CursorKind = 'e' | 'i' | 'a';

/** The keyset the audit trail is ordered by, newest first: its time, then id (both descending). */
export interface AuditKey {
  at: string;
  id: string;
}

/** Audit keys in list order (newest first). */
export function compareAuditKeys(a: AuditKey, b: AuditKey): number {
  return compareText(b.at, a.at) || compareText(b.id, a.id);
}

/** The opaque cursor of an audit entry. */
export function encodeAuditCursor(key: AuditKey): string {
  return encode('a', [key.at, key.id]);
}

/** The audit key a cursor points at; `BadInputError` naming `field` when it is not one of ours. */
export function decodeAuditCursor(cursor: string, field: string): AuditKey {
  const [at = '', id = ''] = decode(cursor, 'a', 2, field);
  return { at, id };
}

function encode(kind: CursorKind, parts: readonly string[]): string {
  return Buffer.from(`${kind}:${JSON.stringify(parts)}`, 'utf8').toString('base64url');
}

function decode(cursor: string, kind: CursorKind, size: number, field: string): string[] {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (/^offset:\d+$/.test(text)) {
    throw new BadInputError(
      `Argument "${field}" is an offset cursor of API 0.1, which this version no longer reads: start the walk again without "${field}" and use the cursors this version returns`,
      field,
    );
  }
  let parts: unknown;
  try {
    parts = text.startsWith(`${kind}:`) ? JSON.parse(text.slice(2)) : null;
  } catch {
    parts = null;
  }
  const valid = Array.isArray(parts) && parts.length === size && parts.every((p) => typeof p === 'string');
  if (!valid || encode(kind, parts as string[]) !== cursor)
    throw new BadInputError(`Argument "${field}" is not a valid cursor`, field);
  return parts as string[];
}

/** The opaque cursor of an entity in a list ordered by (sortKey, id). */
export function encodeEntityCursor(key: EntityKey): string {
  return encode('e', [key.sortKey, key.id]);
}

/** The entity key a cursor points at; `BadInputError` naming `field` when it is not one of ours. */
export function decodeEntityCursor(cursor: string, field: string): EntityKey {
  const [sortKey = '', id = ''] = decode(cursor, 'e', 2, field);
  return { sortKey, id };
}

/** The opaque cursor of a record in a list ordered by id (relationship lists). */
export function encodeIdCursor(id: string): string {
  return encode('i', [id]);
}

/** The id a cursor points at; `BadInputError` naming `field` when it is not one of ours. */
export function decodeIdCursor(cursor: string, field: string): string {
  const [id = ''] = decode(cursor, 'i', 1, field);
  return id;
}

/** Relay page arguments as the schema receives them (null means absent). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function size(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > PAGE_SIZE.max) {
    throw new BadInputError(
      `Argument "${field}" must be between 1 and ${PAGE_SIZE.max} (got ${value})`,
      field,
    );
  }
  return value;
}

/**
 * The seek a connection's arguments ask for: `last` (when given) pages backward and takes
 * precedence over `first`, whose default is {@link PAGE_SIZE}; `after` and `before` bound the
 * list on either side. `BadInputError` naming the argument when a size or cursor is invalid.
 */
export function seekOf<K>(args: PageArgs, decodeKey: (cursor: string, field: string) => K): Seek<K> {
  const backward = args.last != null;
  const limit = backward ? size(args.last as number, 'last') : size(args.first ?? PAGE_SIZE.default, 'first');
  return {
    limit,
    backward,
    ...(args.after != null && { after: decodeKey(args.after, 'after') }),
    ...(args.before != null && { before: decodeKey(args.before, 'before') }),
  };
}

/**
 * A page of a list sorted by `compare` on `keyOf`, by seek bounds (both stores' relationship
 * lists, the embedded entity list, search ranks, proposals, audit entries): the bounds are found
 * by binary search, so a page reads O(log n) keys however long the list (a walk over a large
 * embedded graph pages in time linear in the graph, not quadratic).
 */
export function seekInSorted<T, K>(
  sorted: readonly T[],
  keyOf: (item: T) => K,
  compare: (a: K, b: K) => number,
  seek: Seek<K>,
): SeekPage<T> {
  // The first index whose key is past `bound` (strictly, or at it when `inclusive`).
  const firstPast = (bound: K, inclusive: boolean): number => {
    let [lo, hi] = [0, sorted.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compare(keyOf(sorted[mid]!), bound);
      if (c > 0 || (inclusive && c === 0)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const start = seek.after === undefined ? 0 : firstPast(seek.after, false);
  const end = Math.max(start, seek.before === undefined ? sorted.length : firstPast(seek.before, true));
  const items = seek.backward
    ? sorted.slice(Math.max(start, end - seek.limit), end)
    : sorted.slice(start, Math.min(end, start + seek.limit));
  return { items, hasMore: end - start > seek.limit };
}

/** Relay's page flags: more beyond the page in the direction walked; on the other side, whether the walk started from a cursor. */
export function pageFlags(
  seek: Seek<unknown>,
  hasMore: boolean,
): { hasNextPage: boolean; hasPreviousPage: boolean } {
  return seek.backward
    ? { hasNextPage: seek.before !== undefined, hasPreviousPage: hasMore }
    : { hasNextPage: hasMore, hasPreviousPage: seek.after !== undefined };
}
