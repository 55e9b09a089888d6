import type { Entity } from './entity.js';
import { compareText } from './order.js';
import { NO_MATCH, searchKeysOf, searchRank, searchText, sortKeyOf } from './text-keys.js';

/**
 * Whether an entity matches a search text by the documented rule of {@link searchRank} (accents
 * and case folded, word forms stemmed): which entities a search or a filtered listing keeps (both
 * stores; Neo4j checks the same rule on its stored `searchKeys`).
 */
export function matchesText(entity: Entity, text: string): boolean {
  return textMatcher(text)(entity);
}

/** Each entity record's search keys, folded once (records are replaced on a write, never changed). */
const keysOfRecord = new WeakMap<Entity, readonly string[]>();
const storedSearchKeys = (entity: Entity): readonly string[] => {
  let keys = keysOfRecord.get(entity);
  if (keys === undefined) keysOfRecord.set(entity, (keys = searchKeysOf(entity)));
  return keys;
};

/** {@link matchesText} for one search text over many entities: the text folded once, each entity's keys once. */
export function textMatcher(text: string): (entity: Entity) => boolean {
  const query = searchText(text);
  return (entity) => searchRank(storedSearchKeys(entity), query) < NO_MATCH;
}

/**
 * The one search ranking both stores answer with (see {@link searchRank}): exact name, exact
 * alias, prefix, every word, every word's stem, substring; within a rank by sort key (folded
 * name), then id (UTF-16 code-unit order). Entities that do not match are dropped.
 */
export function rankSearch(candidates: readonly Entity[], text: string): Entity[] {
  const query = searchText(text);
  return candidates
    .map((entity) => ({ entity, rank: searchRank(searchKeysOf(entity), query), key: sortKeyOf(entity.name) }))
    .filter((r) => r.rank < NO_MATCH)
    .sort((a, b) => a.rank - b.rank || compareText(a.key, b.key) || compareText(a.entity.id, b.entity.id))
    .map((r) => r.entity);
}

/**
 * The keyset position of each match in {@link rankSearch}'s order, as an entity key: the rank
 * (one digit) before the sort key, so that comparing keys compares (rank, sort key, id) and a
 * search can be paged by cursor like the entity list.
 */
export function rankedSearchKeys(
  candidates: readonly Entity[],
  text: string,
): { entity: Entity; key: { sortKey: string; id: string } }[] {
  const query = searchText(text);
  return candidates
    .map((entity) => ({
      entity,
      rank: searchRank(searchKeysOf(entity), query),
      sortKey: sortKeyOf(entity.name),
    }))
    .filter((r) => r.rank < NO_MATCH)
    .map((r) => ({ entity: r.entity, key: { sortKey: `${r.rank}\u0000${r.sortKey}`, id: r.entity.id } }))
    .sort((a, b) => compareText(a.key.sortKey, b.key.sortKey) || compareText(a.key.id, b.key.id));
}
