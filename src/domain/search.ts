import type { Entity } from './entity.js';

/** How well an entity's name or aliases match a search text: lower is better. */
export type MatchRank = 0 | 1 | 2 | 3;

/**
 * The one search ranking both stores answer with: an exact match of the name or an alias
 * (case-insensitive) first, then a prefix match, then a match anywhere; within a rank by
 * name, then id (UTF-16 code-unit order). Entities that do not match are dropped.
 */
export function rankSearch(candidates: readonly Entity[], text: string): Entity[] {
  const needle = text.trim().toLowerCase();
  return candidates
    .map((entity) => ({ entity, rank: matchRank(entity, needle) }))
    .filter((r) => r.rank < 3)
    .sort((a, b) => a.rank - b.rank || compare(a.entity.name, b.entity.name) || compare(a.entity.id, b.entity.id))
    .map((r) => r.entity);
}

function matchRank(entity: Entity, needle: string): MatchRank {
  let best: MatchRank = 3;
  for (const label of [entity.name, ...(entity.aliases ?? [])]) {
    const l = label.toLowerCase();
    const rank: MatchRank = l === needle ? 0 : l.startsWith(needle) ? 1 : l.includes(needle) ? 2 : 3;
    if (rank < best) best = rank;
  }
  return best;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
