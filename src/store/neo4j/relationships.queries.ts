import { BadInputError } from '../../domain/errors.js';
import type { Direction, RelationType } from '../../domain/model.js';
import type { RelatedHop } from '../graph-store.js';
import {
  ARROWS,
  entityValues,
  HOLDS_AS_OF,
  LIVE,
  notRetracted,
  REL,
  relType,
  typeAlternation,
} from './cypher-fragments.js';

/** For each entity id, its relationships of the allowed types in one direction that hold on $asOf (when given). */
export function relationshipsOfQuery(direction: Direction, types?: readonly RelationType[]): string {
  const [left, right] = ARROWS[direction];
  return `UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)${left}[r:${typeAlternation(types)}]${right}(:Entity)
  WHERE ${HOLDS_AS_OF} AND ($includeRetracted OR ${LIVE})
  WITH DISTINCT r
  RETURN collect(${REL}) AS rels
}
RETURN id, rels`;
}

/** For each entity id, the entity at the other end of each of its relationships of the allowed types in one direction that hold on $asOf (when given), in relationship-id order. */
export function relatedEntitiesQuery(direction: 'OUT' | 'IN', types?: readonly RelationType[]): string {
  const [left, right] = ARROWS[direction];
  return `UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)${left}[r:${typeAlternation(types)}]${right}(m:Entity)
  WHERE ${HOLDS_AS_OF} AND ($includeRetracted OR ${LIVE})
  WITH r, m
  ORDER BY r.id
  RETURN collect(${entityValues('m')}) AS ends
}
RETURN id, ends`;
}

/** At most this many hops in one related-entities tree (the look-ahead keeps well below it). */
export const MAX_TREE_HOPS = 32;

/**
 * For each entity id, the entity and, hop by hop, the entities at the other end of its live
 * relationships of each hop's type and direction, in relationship-id order (what
 * relatedEntitiesQuery gives per hop, asOf absent): one statement of nested COLLECT subqueries.
 */
export function relatedTreesQuery(hops: readonly RelatedHop[]): string {
  let count = 0;
  const tree = (node: string, below: readonly RelatedHop[]): string => {
    const ends = below.map((hop) => {
      if (++count > MAX_TREE_HOPS)
        throw new BadInputError(`A related-entities tree may have at most ${MAX_TREE_HOPS} hops`, 'hops');
      const [left, right] = ARROWS[hop.direction];
      const [r, m] = [`r${count}`, `m${count}`];
      return `COLLECT {
  MATCH (${node})${left}[${r}:${relType(hop.type)}]${right}(${m}:Entity)
  WHERE ${notRetracted(r)}
  WITH ${r}, ${m}
  ORDER BY ${r}.id
  RETURN ${tree(m, hop.next)}
}`;
    });
    return `{entity: ${entityValues(node)}, ends: [${ends.join(', ')}]}`;
  };
  return `UNWIND $ids AS id
MATCH (n0:Entity {id: id})
RETURN id, ${tree('n0', hops)} AS tree`;
}

/**
 * Relationships by id. An id names its start entity (`type:from:to...`, see `relationshipId`), so
 * each is one node seek on the start entity and one expand, rather than a union of one
 * relationship-index seek per allowed type; `$rows` are `{id, from}`. A relationship retyped under
 * its id (applyWrite allows it) keeps its ends, so this finds it too.
 */
export const GET_RELATIONSHIPS = `UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:${typeAlternation()}]->(:Entity)
WHERE r.id = row.id
RETURN row.id AS id, ${REL} AS rel`;

/** For each source id, the relationships citing it: Citation index seek, node seek, one expand. */
export const RELATIONSHIPS_CITING = `UNWIND $sourceIds AS sourceId
MATCH (c:Citation {sourceId: sourceId})
WITH DISTINCT sourceId, c.relId AS relId, c.fromId AS fromId
MATCH (:Entity {id: fromId})-[r:${typeAlternation()}]->(:Entity)
WHERE r.id = relId AND ${LIVE}
RETURN sourceId, ${REL} AS rel`;
