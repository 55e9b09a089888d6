import { REL, typeAlternation } from './cypher-fragments.js';

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
RETURN n {.*} AS entity
ORDER BY n.id`;

/** Every allow-listed relationship with its citations. */
export const EXPORT_RELATIONSHIPS = `MATCH ()-[r:${typeAlternation()}]->()
RETURN ${REL} AS rel`;
