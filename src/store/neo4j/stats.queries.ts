import { ENTITY_KINDS } from '../../domain/model.js';
import { HOLDS_AS_OF, label, LIVE, typeAlternation } from './cypher-fragments.js';

/*
 * The graph in figures (`graphStats`), in one statement: each figure a COLLECT subquery that
 * counts in the database and returns a handful of rows; the domain (stats.ts) shapes the answer.
 */

/** Live relationships (`r`), holding on $asOf when it is given (two lines, for inside a subquery). */
const COUNTED = `MATCH ()-[r:${typeAlternation()}]->()
    WHERE ${LIVE} AND ${HOLDS_AS_OF}`;

/**
 * One row: `kinds`, the entity count of each kind in ENTITY_KINDS order (by label, from the
 * count store); `relationships`, counts of live relationships by type and `validFrom` (null when
 * absent); `citations`, counts of their citations by source, with its name; `writes`, audit
 * entries by the month of `at` (its first seven characters, the domain's `monthOfInstant`).
 */
export const GRAPH_STATS = `RETURN [${ENTITY_KINDS.map((kind) => `COUNT { MATCH (:${label(kind)}) }`).join(', ')}] AS kinds,
  COLLECT {
    ${COUNTED}
    WITH type(r) AS type, r.validFrom AS validFrom, count(*) AS count
    RETURN {type: type, validFrom: validFrom, count: count}
  } AS relationships,
  COLLECT {
    ${COUNTED}
    MATCH (c:Citation {relId: r.id})
    WITH c.sourceId AS sourceId, count(*) AS count
    OPTIONAL MATCH (s:Entity {id: sourceId})
    RETURN {sourceId: sourceId, name: s.name, count: count}
  } AS citations,
  COLLECT {
    MATCH (a:AuditEntry)
    WITH left(a.at, 7) AS month, count(*) AS count
    RETURN {month: month, count: count}
  } AS writes`;
