/*
 * The change sequence: one (:ChangeSequence) node holds the latest number; each change is a node
 * labelled :Change under its number (`sequence`): an (:AuditEntry:Change) per audited write, a
 * (:SeedLoad:Change) per seed load that changed records. A write takes its number in its own
 * transaction, so numbers are committed in order and a rolled-back write takes none.
 */

/**
 * Takes the next number: the one sequence node (created at 0 on first use; its id is unique), its
 * value read and written under the write lock Cypher takes before reading a property the SET
 * depends on. Concurrent writers queue on that lock until the holder commits, so they commit in
 * number order. Run last in a write's transaction, to hold the lock briefly.
 */
export const NEXT_SEQUENCE = `MERGE (s:ChangeSequence {id: 'changes'})
SET s.value = coalesce(s.value, 0) + 1
RETURN s.value AS sequence`;

/** The latest number (0 before the first change). */
export const CURRENT_SEQUENCE = `OPTIONAL MATCH (s:ChangeSequence {id: 'changes'})
RETURN coalesce(s.value, 0) AS sequence`;

/** Records a seed load that changed records, under its number. */
export const CREATE_SEED_LOAD = `CREATE (c:SeedLoad:Change)
SET c = {sequence: $sequence, at: $at, created: $created, updated: $updated}`;

/** The number of the oldest change held (no row when none is), read from the index's first entry. */
export const OLDEST_CHANGE = `MATCH (c:Change)
WHERE c.sequence IS NOT NULL
RETURN c.sequence AS oldest
ORDER BY c.sequence
LIMIT 1`;

/** Up to $limit changes numbered after $after, in order: each node's properties and whether it is an audit entry. */
export const CHANGES_SINCE = `MATCH (c:Change)
WHERE c.sequence > $after
RETURN c {.*} AS change, c:AuditEntry AS audited
ORDER BY c.sequence
LIMIT $limit`;
