import type { AuditEntry } from './audit.js';
import type { EntityKind, RelationType } from './model.js';

/*
 * The change sequence: one number that every audited write, and every seed load that changed a
 * record, takes in turn (1, 2, 3...; 0 before the first). Stores keep each change under its
 * number, so a reader that saw up to N can ask for what came after N, in order.
 */

/** One change in the sequence: an audited write (its audit entry), or a seed load that changed records (not audited: what it changed is not recorded). */
export type GraphChange =
  | { kind: 'WRITE'; sequence: number; entry: AuditEntry & { sequence: number } }
  | { kind: 'SEED'; sequence: number; at: string };

/** What `changesSince` answers: the changes after the number asked, in order, and the oldest number the store still holds. */
export interface ChangesPage {
  entries: GraphChange[];
  /** The number of the oldest change the store holds (later numbers have no holes); the next number when it holds none. */
  oldestRetained: number;
}

/** The index of the first change numbered above `after` in a list numbered in increasing order (its length when none is). */
export function firstAfter(changes: readonly { sequence: number }[], after: number): number {
  let [low, high] = [0, changes.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (changes[mid]!.sequence <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Numbers that a reader resuming after some change can no longer be given, as an inclusive range. */
export interface SequenceGap {
  from: number;
  to: number;
}

/**
 * The changes a reader resuming after `after` misses: those before the last `retention` of
 * the sequence (at `latest`), and those the store no longer holds. Null when it misses none.
 */
export function missedChanges(
  after: number,
  latest: number,
  oldestRetained: number,
  retention: number,
): SequenceGap | null {
  const firstKept = Math.max(oldestRetained, latest - retention + 1);
  return after + 1 < firstKept ? { from: after + 1, to: firstKept - 1 } : null;
}

/** Which changes a subscriber wants; every field given must hold (absent or empty fields hold for any change). */
export interface ChangeFilter {
  /** The changed record's id, or for a relationship either of its ends. */
  ids?: readonly string[];
  /** Entity changes of these kinds (with `types`: or relationship changes of those types). */
  kinds?: readonly EntityKind[];
  /** Relationship changes of these types (with `kinds`: or entity changes of those kinds). */
  types?: readonly RelationType[];
}

type RecordChange = AuditEntry['changes'][number];

const given = <T>(list: readonly T[] | undefined): list is readonly T[] =>
  list !== undefined && list.length > 0;

/** Whether one changed record passes the filter (kinds and types are read from the record as it was and as it became). */
function recordMatches(change: RecordChange, filter: ChangeFilter): boolean {
  if (given(filter.ids)) {
    // A relationship keeps its ends (stores refuse to move them): `after` names them.
    const touched =
      change.target === 'ENTITY' ? [change.id] : [change.id, change.after.from, change.after.to];
    if (!touched.some((id) => filter.ids!.includes(id))) return false;
  }
  const { kinds, types } = filter;
  if (!given(kinds) && !given(types)) return true;
  if (change.target === 'ENTITY')
    return given(kinds) && [change.before, change.after].some((e) => e !== null && kinds.includes(e.kind));
  return given(types) && [change.before, change.after].some((r) => r !== null && types.includes(r.type));
}

/**
 * Whether a subscriber with this filter is sent the change: a write when any record it changed
 * passes (a write that changed nothing only without a filter); a seed load always, since what
 * it changed is not recorded.
 */
export function changeMatches(change: GraphChange, filter: ChangeFilter): boolean {
  if (change.kind === 'SEED') return true;
  const unfiltered = !given(filter.ids) && !given(filter.kinds) && !given(filter.types);
  return unfiltered || change.entry.changes.some((c) => recordMatches(c, filter));
}
