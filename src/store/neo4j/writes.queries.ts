import type { EntityKind, RelationType } from '../../domain/model.js';
import { ALL_KIND_LABELS, label, relType } from './cypher-fragments.js';

/*
 * Writes (each idempotent: MERGE on ids, SET replaces, citations replaced as a whole), the read
 * the write checks need, and the audit trail.
 */

/** Which of $ids name an entity. */
export const EXISTING_ENTITY_IDS = `UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id`;

/** Upserts entities of one kind by id: properties replaced, kind label set (any other kind label removed). */
export function upsertEntitiesQuery(kind: EntityKind): string {
  return `UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
REMOVE n:${ALL_KIND_LABELS.join(':')}
SET n:${label(kind)}`;
}

/** Deletes relationships of one type by id (before re-creating them under another type). */
export function deleteRelationshipsQuery(type: RelationType): string {
  return `UNWIND $ids AS id
MATCH ()-[r:${relType(type)} {id: id}]->()
DELETE r`;
}

/** Upserts relationships of one type by id between existing ends; properties replaced. */
export function upsertRelationshipsQuery(type: RelationType): string {
  return `UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:${relType(type)} {id: row.id}]->(b)
SET r = row.props`;
}

/** Deletes the citations of relationships (they are re-created whole). */
export const DELETE_CITATIONS = `UNWIND $relIds AS relId
MATCH (c:Citation {relId: relId})
DELETE c`;

/** Creates citation nodes. */
export const CREATE_CITATIONS = `UNWIND $rows AS row
CREATE (c:Citation)
SET c = row`;

/**
 * Records an audit entry once (MERGE on its id: a retried transaction does not record it twice),
 * as a change of the sequence (see changes.queries.ts) when it has a number.
 */
export const CREATE_AUDIT_ENTRY = `MERGE (a:AuditEntry {id: $id})
ON CREATE SET a = $props, a:Change`;

/** Matching the audit filter: by actor key and by an id the entry touched (each optional); entries without `actorMethod` predate methods and match as `legacy:<actor>`. */
const AUDIT_MATCH = `MATCH (a:AuditEntry)
WHERE ($actor IS NULL OR CASE WHEN a.actorMethod IS NULL THEN 'legacy:' + a.actor ELSE a.actor END = $actor)
AND ($targetId IS NULL OR $targetId IN a.targetIds)`;

/** How many audit entries match. */
export const COUNT_AUDIT_ENTRIES = `${AUDIT_MATCH}
RETURN count(a) AS total`;

/**
 * Up to $limit audit entries within the seek bounds of the newest-first order: older than
 * $afterAt/$afterId and newer than $beforeAt/$beforeId when given; oldest first for a backward
 * page (the caller reverses it).
 */
export function auditEntriesQuery(backward: boolean): string {
  const dir = backward ? '' : ' DESC';
  return `${AUDIT_MATCH}
  AND ($afterAt IS NULL OR a.at < $afterAt OR (a.at = $afterAt AND a.id < $afterId))
  AND ($beforeAt IS NULL OR a.at > $beforeAt OR (a.at = $beforeAt AND a.id > $beforeId))
RETURN a {.*} AS entry
ORDER BY a.at${dir}, a.id${dir}
LIMIT $limit`;
}

/** Audit entries by id (an unknown id yields no row). */
export const AUDIT_ENTRIES_BY_ID = `UNWIND $ids AS id
MATCH (a:AuditEntry {id: id})
RETURN a {.*} AS entry`;
