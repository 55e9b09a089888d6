import type { EntityKind } from '../../domain/model.js';
import { entityValues, kindOrEntity, label } from './cypher-fragments.js';
import { ENTITY_FIELDS } from './neo4j-mappers.js';

/**
 * The search rank of `n` as `rank`: domain/text-keys.ts `searchRank` on the stored `searchKeys`
 * ($folded, $words, $stems from `searchText`); 6 is no match. `searchKey` (folded labels and
 * stems, newline-joined) lets the TEXT index pre-select: every match contains $folded or $stem0.
 */
const SEARCH_RANK = `WHERE $folded <> '' AND (n.searchKey CONTAINS $folded OR n.searchKey CONTAINS $stem0)
WITH n, [k IN n.searchKeys WHERE k STARTS WITH 'n:' OR k STARTS WITH 'a:' | substring(k, 2)] AS labels
WITH n, CASE
  WHEN 'n:' + $folded IN n.searchKeys THEN 0
  WHEN 'a:' + $folded IN n.searchKeys THEN 1
  WHEN any(l IN labels WHERE l STARTS WITH $folded) THEN 2
  WHEN size($words) > 0 AND all(w IN $words WHERE 'w:' + w IN n.searchKeys) THEN 3
  WHEN size($stems) > 0 AND all(s IN $stems WHERE 's:' + s IN n.searchKeys) THEN 4
  WHEN any(l IN labels WHERE l CONTAINS $folded) THEN 5
  ELSE 6
END AS rank
WHERE rank < 6`;

/** Seek bounds on `v`'s (sortKey, id): strictly after $afterKey/$afterId and before $beforeKey/$beforeId when given (null: unbounded). */
const seekBounds = (
  v: string,
) => `($afterKey IS NULL OR ${v}.sortKey > $afterKey OR (${v}.sortKey = $afterKey AND ${v}.id > $afterId))
  AND ($beforeKey IS NULL OR ${v}.sortKey < $beforeKey OR (${v}.sortKey = $beforeKey AND ${v}.id < $beforeId))`;

/** Entities by id (unknown ids give no row). */
export const GET_ENTITIES = `UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN ${entityValues('n')} AS entity`;

/** How many entities of a kind (all when absent) there are; searches count through searchPageQuery. */
export function countEntitiesQuery(kind: EntityKind | undefined): string {
  return `MATCH (n:${kindOrEntity(kind)})
RETURN count(n) AS total`;
}

/**
 * Up to $limit entities of a kind (all when absent) within the seek bounds, by (sortKey, id),
 * read in index order; descending for a backward page (the caller reverses it). Each as the values
 * of `fields` (neo4j-mappers.ts `entityFields`).
 */
export function listEntitiesQuery(
  kind: EntityKind | undefined,
  backward: boolean,
  fields: readonly string[] = ENTITY_FIELDS,
): string {
  const dir = backward ? ' DESC' : '';
  return `MATCH (n:${kindOrEntity(kind)})
WHERE n.sortKey IS NOT NULL AND ${seekBounds('n')}
RETURN ${entityValues('n', fields)} AS entity
ORDER BY n.sortKey${dir}, n.id${dir}
LIMIT $limit`;
}

/**
 * The entities of a kind (all when absent) matching the search: how many match, and up to
 * $limit of them within the seek bounds by (sortKey, id), descending for a backward page, each as
 * the values of `fields` (neo4j-mappers.ts `entityFields`).
 */
export function searchPageQuery(
  kind: EntityKind | undefined,
  backward: boolean,
  fields: readonly string[] = ENTITY_FIELDS,
): string {
  const dir = backward ? ' DESC' : '';
  // `Entity` beside the kind's label: the TEXT index is on :Entity, and the planner uses it only
  // for a pattern that names that label (with the kind's label alone it scans every entity of
  // the kind and tests each: about 19x the db hits on the benchmark's 100k graph).
  const labels = kind === undefined ? 'Entity' : `Entity:${label(kind)}`;
  return `MATCH (n:${labels})
${SEARCH_RANK}
WITH n
ORDER BY n.sortKey${dir}, n.id${dir}
WITH collect(n) AS matching
RETURN size(matching) AS total, [m IN matching WHERE ${seekBounds('m')} | ${entityValues('m', fields)}][..$limit] AS page`;
}

/** Search candidates: entities matching the search, best rank first, then by (sortKey, id). */
export const SEARCH_CANDIDATES = `MATCH (n:Entity)
${SEARCH_RANK}
RETURN ${entityValues('n')} AS entity
ORDER BY rank, n.sortKey, n.id
LIMIT $limit`;
