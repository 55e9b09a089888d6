import { BadInputError } from '../../domain/errors.js';
import type { RelatedHop } from '../graph-store.js';
import { ENTITY_KINDS, isEntityKind, isRelationType, kindLabel, RELATION_TYPE_NAMES, type Direction, type EntityKind, type RelationType } from '../../domain/model.js';
import { TRAVERSAL_LIMITS } from '../../domain/traversal.js';

/*
 * Every Cypher statement of the Neo4j store. Values always travel as parameters. Labels and
 * relationship types cannot be parameters, so the few builders below interpolate them, and
 * only after checking them against the domain's allow-list (`label`, `typeAlternation`).
 *
 * Storage model:
 * - (:Entity:<Kind> {id, kind, name, origin, ...attributes, nameLower, aliasesLower, searchKey}):
 *   the last three are derived at write time (JavaScript's toLowerCase) for exact search.
 * - (a)-[:<TYPE> {id, origin, ...properties, validFromFirst, validUntilLast}]->(b): the last two are
 *   the first/last ISO day of validFrom/validUntil (domain `bounds`), so `asOf` is a string
 *   comparison in Cypher with the same meaning as the domain's `holdsOn`.
 * - (:Citation {relId, ord, sourceId, quote, locator, fromId, toId, relType}): one per citation,
 *   unconnected (traversals over allow-listed types never meet it), indexed on relId (a
 *   relationship's citations: one index seek) and on sourceId ("what cites source X": one
 *   index seek, then a node seek on fromId and one expand to the relationship).
 */

/** Retracted relationships are kept but left out of reads (see the GraphStore port). */
const LIVE = `r.retractedAt IS NULL`;

const LABEL_PATTERN = /^[A-Z][a-z]+$/;
const TYPE_PATTERN = /^[A-Z][A-Z_]*$/;

/** The Neo4j label of a kind, checked against the allow-list before it is interpolated. */
export function label(kind: EntityKind): string {
  const name = kindLabel(kind);
  if (!isEntityKind(kind) || !LABEL_PATTERN.test(name)) throw new BadInputError(`Unknown entity kind "${String(kind)}"`, 'kind');
  return name;
}

/** Every kind label, for removing a node's old kind when it changes. */
export const ALL_KIND_LABELS = ENTITY_KINDS.map(label);

/** `A|B|C` from relationship types checked against the allow-list; every allowed type when none are given. */
export function typeAlternation(types?: readonly RelationType[]): string {
  const chosen = types && types.length > 0 ? [...new Set(types)] : RELATION_TYPE_NAMES;
  for (const type of chosen) {
    if (!isRelationType(type) || !TYPE_PATTERN.test(type)) throw new BadInputError(`Unknown relationship type "${String(type)}"`, 'types');
  }
  return chosen.join('|');
}

/** One checked relationship type. */
function relType(type: RelationType): string {
  return typeAlternation([type]);
}

/** A relationship `r` as a map without its citations: its properties, type and ends. */
const FACT = `r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}`;

/** A relationship `r` as a map: its properties, type, ends and ordered citations (one index seek). */
const REL = `r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id, citations: COLLECT {
    MATCH (c:Citation {relId: r.id})
    WITH c
    ORDER BY c.ord
    RETURN c {.sourceId, .quote, .locator}
  }}`;

/** Search predicate on `n`: the exact case-insensitive substring rule of records.ts `matchesText` (needle lower-cased by the caller); `searchKey` lets the TEXT index pre-select. */
const MATCHES_NEEDLE = `n.searchKey CONTAINS $needle
  AND (n.nameLower CONTAINS $needle OR any(alias IN coalesce(n.aliasesLower, []) WHERE alias CONTAINS $needle))`;

/** `asOf` on `r`: the domain's `holdsOn` over the precomputed first/last days (open ends hold). */
const HOLDS_AS_OF = `($asOf IS NULL OR ((r.validFromFirst IS NULL OR r.validFromFirst <= $asOf) AND (r.validUntilLast IS NULL OR $asOf <= r.validUntilLast)))`;

// ---- reads ----

/** Liveness: the server answers a trivial query. */
export const PING = `RETURN 1 AS ok`;

/** Entities by id (unknown ids give no row). */
export const GET_ENTITIES = `UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*} AS entity`;

/** How many entities of a kind (all when absent) match the search (all when absent). */
export function countEntitiesQuery(kind: EntityKind | undefined): string {
  return `MATCH (n:${kind === undefined ? 'Entity' : label(kind)})
RETURN count(n) AS total`;
}

/** A page of entities of a kind (all when absent), by name then id (index-ordered); searches go through searchPageQuery. */
export function listEntitiesQuery(kind: EntityKind | undefined): string {
  return `MATCH (n:${kind === undefined ? 'Entity' : label(kind)})
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
  return `MATCH (n:${kind === undefined ? 'Entity' : label(kind)})
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

const ARROWS: Record<Direction, [string, string]> = { OUT: ['-', '->'], IN: ['<-', '-'], BOTH: ['-', '-'] };

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
  RETURN collect(m {.*}) AS ends
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
      if (++count > MAX_TREE_HOPS) throw new BadInputError(`A related-entities tree may have at most ${MAX_TREE_HOPS} hops`, 'hops');
      const [left, right] = ARROWS[hop.direction];
      const [r, m] = [`r${count}`, `m${count}`];
      return `COLLECT {
  MATCH (${node})${left}[${r}:${relType(hop.type)}]${right}(${m}:Entity)
  WHERE ${r}.retractedAt IS NULL
  WITH ${r}, ${m}
  ORDER BY ${r}.id
  RETURN ${tree(m, hop.next)}
}`;
    });
    return `{entity: ${node} {.*}, ends: [${ends.join(', ')}]}`;
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

/**
 * All shortest paths (ignoring direction) over the allowed types up to `maxHops`, at most $cap of
 * them enumerated, the first $limit in `comparePaths` order (length, then relationship ids hop by
 * hop: Cypher's list order), as relationship lists (without citations) with their nodes.
 */
export function shortestPathsQuery(maxHops: number, types?: readonly RelationType[]): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 100) throw new BadInputError('maxHops must be a positive integer', 'maxHops');
  return `MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:${typeAlternation(types)}*1..${maxHops}]-(b))
WHERE all(r IN relationships(p) WHERE ${LIVE})
WITH p
LIMIT $cap
WITH p
ORDER BY length(p), [r IN relationships(p) | r.id]
LIMIT $limit
RETURN [r IN relationships(p) | ${FACT}] AS rels, [n IN nodes(p) | n {.*}] AS nodes`;
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
 * among the kept entities (without citations).
 */
export function neighborhoodQuery(depth: number, types?: readonly RelationType[]): string {
  const max = TRAVERSAL_LIMITS.depth.max;
  if (!Number.isInteger(depth) || depth < 1 || depth > max) throw new BadInputError(`depth must be an integer from 1 to ${max}`, 'depth');
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
  RETURN collect(${FACT}) AS rels
}
RETURN [k IN kept | {entity: properties(k.node), distance: k.distance}] AS nodes, rels, truncated`;
}

/** PRODUCES facts (without citations) into $materialIds (at $stage when given), with the supplier, its LOCATED_IN countries, and operators with theirs. */
export const SUPPLY_ROWS = `UNWIND $materialIds AS materialId
MATCH (s:Entity)-[r:${relType('PRODUCES')}]->(:Entity {id: materialId})
WHERE ($stage IS NULL OR r.stage = $stage) AND ${LIVE}
RETURN ${FACT} AS rel,
  s {.*} AS supplier,
  COLLECT {
    MATCH (s)-[l:${relType('LOCATED_IN')}]->(c:Entity)
    WHERE l.retractedAt IS NULL
    RETURN c.id
  } AS supplierCountries,
  COLLECT {
    MATCH (op:Entity)-[o:${relType('OPERATES')}]->(s)
    WHERE o.retractedAt IS NULL
    RETURN {id: op.id, countries: COLLECT {
      MATCH (op)-[l:${relType('LOCATED_IN')}]->(c:Entity)
      WHERE l.retractedAt IS NULL
      RETURN c.id
    }}
  } AS operators`;

/** How many entities there are (count store). */
export const COUNT_ENTITIES = `MATCH (n:Entity)
RETURN count(n) AS total`;

/** How many allow-listed relationships there are. */
export const COUNT_RELATIONSHIPS = `MATCH ()-[r:${typeAlternation()}]->()
RETURN count(r) AS total`;

/** Every entity, by id. */
export const EXPORT_ENTITIES = `MATCH (n:Entity)
RETURN n {.*} AS entity
ORDER BY n.id`;

/** Every allow-listed relationship with its citations. */
export const EXPORT_RELATIONSHIPS = `MATCH ()-[r:${typeAlternation()}]->()
RETURN ${REL} AS rel`;

/** Which of $ids name an entity. */
export const EXISTING_ENTITY_IDS = `UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id`;

// ---- writes (each idempotent: MERGE on ids, SET replaces, citations replaced as a whole) ----

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

/** Records an audit entry once (MERGE on its id: a retried transaction does not record it twice). */
export const CREATE_AUDIT_ENTRY = `MERGE (a:AuditEntry {id: $id})
ON CREATE SET a = $props`;

/** Matching the audit filter: by actor and by an id the entry touched (each optional). */
const AUDIT_MATCH = `MATCH (a:AuditEntry)
WHERE ($actor IS NULL OR a.actor = $actor) AND ($targetId IS NULL OR $targetId IN a.targetIds)`;

/** How many audit entries match. */
export const COUNT_AUDIT_ENTRIES = `${AUDIT_MATCH}
RETURN count(a) AS total`;

/** A page of the audit trail, newest first. */
export const AUDIT_ENTRIES = `${AUDIT_MATCH}
RETURN a {.*} AS entry
ORDER BY a.at DESC, a.id DESC
SKIP $offset
LIMIT $limit`;

// ---- test support ----

/** Whether the database holds the test marker, and whether it holds anything at all. */
export const RESET_GUARD = `OPTIONAL MATCH (m:RareEarthsGraphTestMarker)
WITH count(m) AS markers
OPTIONAL MATCH (n)
WITH markers, n
LIMIT 1
RETURN markers, n IS NOT NULL AS hasNodes`;

/** Deletes every node and relationship (tests only, behind the guard). */
export const DELETE_EVERYTHING = `MATCH (n)
DETACH DELETE n`;

/** Marks the database as one the tests own. */
export const CREATE_TEST_MARKER = `MERGE (:RareEarthsGraphTestMarker {createdBy: 'tests/neo4j-store.test.ts'})`;
