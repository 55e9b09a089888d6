import { BadInputError } from '../../domain/errors.js';
import type { RelationType } from '../../domain/model.js';
import { TRAVERSAL_LIMITS } from '../../domain/traversal.js';
import { entityValues, factValues, LIVE, typeAlternation } from './cypher-fragments.js';
import { ENTITY_FIELDS, FACT_FIELDS } from './neo4j-mappers.js';

/**
 * All shortest paths (ignoring direction) over the allowed types up to `maxHops`, at most $cap of
 * them enumerated, grouped by the entities they pass (parallel relationships make several paths
 * over one route), the first $limit routes in `compareRoutes` order (length, then entity ids from
 * the start: Cypher's list order), each as its paths' relationship lists (without citations) with its nodes
 * (the values of `fields`, see neo4j-mappers.ts `entityFields`). One record: `routes`, and whether
 * each end exists (`fromFound`, `toFound`), so that an unknown end costs no second statement.
 */
export function shortestPathsQuery(
  maxHops: number,
  types?: readonly RelationType[],
  fields: readonly string[] = ENTITY_FIELDS,
  facts: readonly string[] = FACT_FIELDS,
): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 100)
    throw new BadInputError('maxHops must be a positive integer', 'maxHops');
  return `OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
CALL (a, b) {
  WITH a, b
  WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[:${typeAlternation(types)}*1..${maxHops}]-(b))
  WHERE all(r IN relationships(p) WHERE ${LIVE})
  WITH p
  LIMIT $cap
  WITH [n IN nodes(p) | n.id] AS ids, collect(p) AS ps
  ORDER BY size(ids), ids
  LIMIT $limit
  WITH ps, head(ps) AS p
  RETURN collect({
    paths: [q IN ps | [r IN relationships(q) | ${factValues(facts)}]],
    nodes: [n IN nodes(p) | ${entityValues('n', fields)}]
  }) AS routes
}
RETURN routes, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound`;
}

/** One breadth-first hop to `distance`: the entities not yet `seen` next to the `frontier`, the first $limit by id (skipped once more than $limit are seen). */
function neighbourHop(distance: number, types?: readonly RelationType[]): string {
  return `CALL (frontier, seen) {
  UNWIND CASE WHEN size(seen) <= $limit THEN frontier ELSE [] END AS x
  MATCH (x)-[r:${typeAlternation(types)}]-(m:Entity)
  WHERE ${LIVE} AND NOT m IN seen
  WITH DISTINCT m
  ORDER BY m.id
  LIMIT $limit
  RETURN collect(m) AS next
}
WITH next AS frontier, seen + next AS seen, reached + [m IN next | {node: m, distance: ${distance}}] AS reached`;
}

/**
 * The neighbourhood of $id in one statement (no row for an unknown centre): breadth-first,
 * ignoring direction, over live relationships of the allowed types, one hop per CALL up to
 * `depth`. Each hop keeps only the first $limit new entities by id and no hop runs once more
 * than $limit are reached, so the first $limit by (distance, id), and whether there were more,
 * come out exact without walking further than the cut needs (ids are lower-case ASCII slugs, so
 * Cypher's string order is `compareReached`'s). Then the live relationships of the allowed types
 * among the kept entities (without citations). One record: the kept entities (`nodes`, the values
 * of `fields`, see neo4j-mappers.ts `entityFields`), their distances in the same order
 * (`distances`: two lists decode faster than a map per entity), the relationships (`rels`, the
 * values of `facts`, see `factFields`) and `truncated`.
 */
export function neighborhoodQuery(
  depth: number,
  types?: readonly RelationType[],
  fields: readonly string[] = ENTITY_FIELDS,
  facts: readonly string[] = FACT_FIELDS,
): string {
  const max = TRAVERSAL_LIMITS.depth.max;
  if (!Number.isInteger(depth) || depth < 1 || depth > max)
    throw new BadInputError(`depth must be an integer from 1 to ${max}`, 'depth');
  const hops = Array.from({ length: depth }, (_, i) => neighbourHop(i + 1, types));
  return `MATCH (c:Entity {id: $id})
WITH [c] AS frontier, [c] AS seen, [{node: c, distance: 0}] AS reached
${hops.join('\n')}
WITH reached[0..$limit] AS kept, size(reached) > $limit AS truncated
WITH kept, truncated, [k IN kept | k.node] AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:${typeAlternation(types)}]->(b:Entity)
  WHERE ${LIVE} AND b IN nodes
  RETURN collect(${factValues(facts)}) AS rels
}
RETURN [k IN kept | ${entityValues('k.node', fields)}] AS nodes, [k IN kept | k.distance] AS distances, rels, truncated`;
}
