import { entityValues, LIVE, REL, typeAlternation } from './cypher-fragments.js';

/* The whole graph at once: liveness, counts, export. */

/** Liveness: the server answers a trivial query. */
export const PING = `RETURN 1 AS ok`;

/** How many entities there are (count store). */
export const COUNT_ENTITIES = `MATCH (n:Entity)
RETURN count(n) AS total`;

/** How many allow-listed relationships there are. */
export const COUNT_RELATIONSHIPS = `MATCH ()-[r:${typeAlternation()}]->()
RETURN count(r) AS total`;

/** Every entity, by id. */
export const EXPORT_ENTITIES = `MATCH (n:Entity)
RETURN ${entityValues('n')} AS entity
ORDER BY n.id`;

/** Every allow-listed relationship with its citations. */
export const EXPORT_RELATIONSHIPS = `MATCH ()-[r:${typeAlternation()}]->()
RETURN ${REL} AS rel`;

/**
 * What extraction reads, in one statement: entities but SOURCEs and live relationships, each
 * by id, with only the properties `graphSnapshot` keeps (no citations, no source text).
 */
export const EXTRACTION_SNAPSHOT = `RETURN COLLECT {
    MATCH (n:Entity)
    WHERE n.kind <> 'SOURCE'
    WITH n
    ORDER BY n.id
    RETURN n {.id, .kind, .name, .aliases}
  } AS entities, COLLECT {
    MATCH ()-[r:${typeAlternation()}]->()
    WHERE ${LIVE}
    WITH r
    ORDER BY r.id
    RETURN r {.id, type: type(r), from: startNode(r).id, to: endNode(r).id, .stage, .year, .title, .validFrom, .validUntil}
  } AS relationships`;
