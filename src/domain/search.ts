import type { Entity } from './entity.js';
import { compareText } from './order.js';

/**
 * Whether `text` occurs, case-insensitively, in the entity's name or one of its aliases: which
 * entities a search or a filtered listing keeps (both stores; Neo4j keeps lower-cased keys for it).
 */
export function matchesText(entity: Entity, text: string): boolean {
  const needle = text.toLowerCase();
  return (
    entity.name.toLowerCase().includes(needle) ||
    (entity.aliases ?? []).some((a) => a.toLowerCase().includes(needle))
  );
}

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
    .sort(
      (a, b) =>
        a.rank - b.rank || compareText(a.entity.name, b.entity.name) || compareText(a.entity.id, b.entity.id),
    )
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
