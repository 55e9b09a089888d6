import type { EntityKind } from '../../domain/model.js';
import { kindOrEntity } from './cypher-fragments.js';

/** Search predicate on `n`: the exact case-insensitive substring rule of records.ts `matchesText` (needle lower-cased by the caller); `searchKey` lets the TEXT index pre-select. */
const MATCHES_NEEDLE = `n.searchKey CONTAINS $needle
  AND (n.nameLower CONTAINS $needle OR any(alias IN coalesce(n.aliasesLower, []) WHERE alias CONTAINS $needle))`;

/** Entities by id (unknown ids give no row). */
export const GET_ENTITIES = `UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*} AS entity`;

/** How many entities of a kind (all when absent) there are; searches count through searchPageQuery. */
export function countEntitiesQuery(kind: EntityKind | undefined): string {
  return `MATCH (n:${kindOrEntity(kind)})
RETURN count(n) AS total`;
}

/** A page of entities of a kind (all when absent), by name then id (index-ordered); searches go through searchPageQuery. */
export function listEntitiesQuery(kind: EntityKind | undefined): string {
  return `MATCH (n:${kindOrEntity(kind)})
WHERE n.name IS NOT NULL
RETURN n {.*} AS entity
ORDER BY n.name, n.id
SKIP $offset
LIMIT $limit`;
}

/**
 * A page of the entities of a kind (all when absent) matching the search, by name then id, and
 * how many match: one pass over the candidates. $sliceFrom and $sliceTo are list indexes, which
 * Cypher takes as 32-bit integers (see `listSlice`).
 */
export function searchPageQuery(kind: EntityKind | undefined): string {
  return `MATCH (n:${kindOrEntity(kind)})
WHERE n.name IS NOT NULL AND ${MATCHES_NEEDLE}
WITH n
ORDER BY n.name, n.id
WITH collect(n) AS matching
RETURN size(matching) AS total, [m IN matching[$sliceFrom..$sliceTo] | m {.*}] AS page`;
}

/** Search candidates: entities whose name or an alias contains the needle, by name then id. */
export const SEARCH_CANDIDATES = `MATCH (n:Entity)
WHERE ${MATCHES_NEEDLE}
RETURN n {.*} AS entity
ORDER BY n.name, n.id
LIMIT $limit`;
