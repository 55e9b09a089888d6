import { describe, expect, it } from 'vitest';
import { refusal } from '../support/refusal.js';
import { TRAVERSAL_LIMITS } from '../../src/domain/traversal.js';
import { SUPPLY_CONTEXT } from '../../src/store/neo4j/supply.queries.js';
import { neighborhoodQuery, shortestPathsQuery } from '../../src/store/neo4j/traversal.queries.js';

/* The Cypher of traversals and supply rows, pinned as text (no database needed). */

describe('shortest paths', () => {
  it('shortestPathsQuery: the hop bound and the types are part of the pattern', () => {
    expect(shortestPathsQuery(4)).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (a:Entity {id: $from})
      OPTIONAL MATCH (b:Entity {id: $to})
      CALL (a, b) {
        WITH a, b
        WHERE a IS NOT NULL AND b IS NOT NULL
        MATCH p = allShortestPaths((a)-[:HOLDS_OFFICE|LEADS|PART_OF|MEMBER_OF|PARTICIPATED_IN|HELD_IN|RESULTED_IN|PARTY_TO|COMMITTED_TO|CONCERNS|SAID|MADE_AT|ISSUED|APPLIES_TO|SUSPENDS|IMPLEMENTS|OPERATES|LOCATED_IN|PRODUCES|HOLDS_RESERVES|USED_IN|SOURCE_OF|INVESTED_IN|DEPENDS_ON|CLAIMS|CONTRADICTS*1..4]-(b))
        WHERE all(r IN relationships(p) WHERE r.retractedAt IS NULL)
        WITH p
        LIMIT $cap
        WITH [n IN nodes(p) | n.id] AS ids, collect(p) AS ps
        ORDER BY size(ids), ids
        LIMIT $limit
        WITH ps, head(ps) AS p
        RETURN collect({
          paths: [q IN ps | [r IN relationships(q) | CASE WHEN r IS NULL THEN null ELSE [itemProps IN [r {.*}] | [itemProps.\`id\`, type(r), startNode(r).id, endNode(r).id, itemProps.\`origin\`, itemProps.\`title\`, itemProps.\`stage\`, itemProps.\`volume\`, itemProps.\`unit\`, itemProps.\`year\`, itemProps.\`share\`, itemProps.\`qualifier\`, itemProps.\`basis\`, itemProps.\`status\`, itemProps.\`capacity\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`confidence\`, itemProps.\`disputed\`, itemProps.\`note\`, itemProps.\`retractedAt\`, itemProps.\`retractionNote\`, itemProps.\`version\`, itemProps.\`milestonesJson\`]][0] END]],
          nodes: [n IN nodes(p) | CASE WHEN n IS NULL THEN null ELSE [itemProps IN [n {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END]
        }) AS routes
      }
      RETURN routes, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound"
    `);
    expect(shortestPathsQuery(2, ['PRODUCES', 'LOCATED_IN'])).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (a:Entity {id: $from})
      OPTIONAL MATCH (b:Entity {id: $to})
      CALL (a, b) {
        WITH a, b
        WHERE a IS NOT NULL AND b IS NOT NULL
        MATCH p = allShortestPaths((a)-[:PRODUCES|LOCATED_IN*1..2]-(b))
        WHERE all(r IN relationships(p) WHERE r.retractedAt IS NULL)
        WITH p
        LIMIT $cap
        WITH [n IN nodes(p) | n.id] AS ids, collect(p) AS ps
        ORDER BY size(ids), ids
        LIMIT $limit
        WITH ps, head(ps) AS p
        RETURN collect({
          paths: [q IN ps | [r IN relationships(q) | CASE WHEN r IS NULL THEN null ELSE [itemProps IN [r {.*}] | [itemProps.\`id\`, type(r), startNode(r).id, endNode(r).id, itemProps.\`origin\`, itemProps.\`title\`, itemProps.\`stage\`, itemProps.\`volume\`, itemProps.\`unit\`, itemProps.\`year\`, itemProps.\`share\`, itemProps.\`qualifier\`, itemProps.\`basis\`, itemProps.\`status\`, itemProps.\`capacity\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`confidence\`, itemProps.\`disputed\`, itemProps.\`note\`, itemProps.\`retractedAt\`, itemProps.\`retractionNote\`, itemProps.\`version\`, itemProps.\`milestonesJson\`]][0] END]],
          nodes: [n IN nodes(p) | CASE WHEN n IS NULL THEN null ELSE [itemProps IN [n {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END]
        }) AS routes
      }
      RETURN routes, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound"
    `);
  });

  it('shortestPathsQuery refuses a hop bound that is not a positive integer up to 100', () => {
    for (const maxHops of [0, -1, 1.5, 101, Number.NaN]) {
      expect(refusal(() => shortestPathsQuery(maxHops))).toStrictEqual({
        message: 'maxHops must be a positive integer',
        field: 'maxHops',
      });
    }
  });
});

describe('neighbourhood', () => {
  it('neighborhoodQuery depth 1', () => {
    expect(neighborhoodQuery(1)).toMatchInlineSnapshot(`
      "MATCH (c:Entity {id: $id})
      WITH [c] AS frontier, [c] AS seen, [{node: c, distance: 0}] AS reached
      CALL (frontier, seen) {
        UNWIND CASE WHEN size(seen) <= $limit THEN frontier ELSE [] END AS x
        MATCH (x)-[r:HOLDS_OFFICE|LEADS|PART_OF|MEMBER_OF|PARTICIPATED_IN|HELD_IN|RESULTED_IN|PARTY_TO|COMMITTED_TO|CONCERNS|SAID|MADE_AT|ISSUED|APPLIES_TO|SUSPENDS|IMPLEMENTS|OPERATES|LOCATED_IN|PRODUCES|HOLDS_RESERVES|USED_IN|SOURCE_OF|INVESTED_IN|DEPENDS_ON|CLAIMS|CONTRADICTS]-(m:Entity)
        WHERE r.retractedAt IS NULL AND NOT m IN seen
        WITH DISTINCT m
        ORDER BY m.id
        LIMIT $limit
        RETURN collect(m) AS next
      }
      WITH next AS frontier, seen + next AS seen, reached + [m IN next | {node: m, distance: 1}] AS reached
      WITH reached[0..$limit] AS kept, size(reached) > $limit AS truncated
      WITH kept, truncated, [k IN kept | k.node] AS nodes
      CALL (nodes) {
        UNWIND nodes AS a
        MATCH (a)-[r:HOLDS_OFFICE|LEADS|PART_OF|MEMBER_OF|PARTICIPATED_IN|HELD_IN|RESULTED_IN|PARTY_TO|COMMITTED_TO|CONCERNS|SAID|MADE_AT|ISSUED|APPLIES_TO|SUSPENDS|IMPLEMENTS|OPERATES|LOCATED_IN|PRODUCES|HOLDS_RESERVES|USED_IN|SOURCE_OF|INVESTED_IN|DEPENDS_ON|CLAIMS|CONTRADICTS]->(b:Entity)
        WHERE r.retractedAt IS NULL AND b IN nodes
        RETURN collect(CASE WHEN r IS NULL THEN null ELSE [itemProps IN [r {.*}] | [itemProps.\`id\`, type(r), startNode(r).id, endNode(r).id, itemProps.\`origin\`, itemProps.\`title\`, itemProps.\`stage\`, itemProps.\`volume\`, itemProps.\`unit\`, itemProps.\`year\`, itemProps.\`share\`, itemProps.\`qualifier\`, itemProps.\`basis\`, itemProps.\`status\`, itemProps.\`capacity\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`confidence\`, itemProps.\`disputed\`, itemProps.\`note\`, itemProps.\`retractedAt\`, itemProps.\`retractionNote\`, itemProps.\`version\`, itemProps.\`milestonesJson\`]][0] END) AS rels
      }
      RETURN [k IN kept | CASE WHEN k.node IS NULL THEN null ELSE [itemProps IN [properties(k.node)] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END] AS nodes, [k IN kept | k.distance] AS distances, rels, truncated"
    `);
  });

  it('neighborhoodQuery depth 2 with types: one CALL per hop', () => {
    expect(neighborhoodQuery(2, ['MEMBER_OF'])).toMatchInlineSnapshot(`
      "MATCH (c:Entity {id: $id})
      WITH [c] AS frontier, [c] AS seen, [{node: c, distance: 0}] AS reached
      CALL (frontier, seen) {
        UNWIND CASE WHEN size(seen) <= $limit THEN frontier ELSE [] END AS x
        MATCH (x)-[r:MEMBER_OF]-(m:Entity)
        WHERE r.retractedAt IS NULL AND NOT m IN seen
        WITH DISTINCT m
        ORDER BY m.id
        LIMIT $limit
        RETURN collect(m) AS next
      }
      WITH next AS frontier, seen + next AS seen, reached + [m IN next | {node: m, distance: 1}] AS reached
      CALL (frontier, seen) {
        UNWIND CASE WHEN size(seen) <= $limit THEN frontier ELSE [] END AS x
        MATCH (x)-[r:MEMBER_OF]-(m:Entity)
        WHERE r.retractedAt IS NULL AND NOT m IN seen
        WITH DISTINCT m
        ORDER BY m.id
        LIMIT $limit
        RETURN collect(m) AS next
      }
      WITH next AS frontier, seen + next AS seen, reached + [m IN next | {node: m, distance: 2}] AS reached
      WITH reached[0..$limit] AS kept, size(reached) > $limit AS truncated
      WITH kept, truncated, [k IN kept | k.node] AS nodes
      CALL (nodes) {
        UNWIND nodes AS a
        MATCH (a)-[r:MEMBER_OF]->(b:Entity)
        WHERE r.retractedAt IS NULL AND b IN nodes
        RETURN collect(CASE WHEN r IS NULL THEN null ELSE [itemProps IN [r {.*}] | [itemProps.\`id\`, type(r), startNode(r).id, endNode(r).id, itemProps.\`origin\`, itemProps.\`title\`, itemProps.\`stage\`, itemProps.\`volume\`, itemProps.\`unit\`, itemProps.\`year\`, itemProps.\`share\`, itemProps.\`qualifier\`, itemProps.\`basis\`, itemProps.\`status\`, itemProps.\`capacity\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`confidence\`, itemProps.\`disputed\`, itemProps.\`note\`, itemProps.\`retractedAt\`, itemProps.\`retractionNote\`, itemProps.\`version\`, itemProps.\`milestonesJson\`]][0] END) AS rels
      }
      RETURN [k IN kept | CASE WHEN k.node IS NULL THEN null ELSE [itemProps IN [properties(k.node)] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END] AS nodes, [k IN kept | k.distance] AS distances, rels, truncated"
    `);
  });

  it('neighborhoodQuery refuses a depth outside 1..max', () => {
    const max = TRAVERSAL_LIMITS.depth.max;
    for (const depth of [0, max + 1, 1.5]) {
      expect(refusal(() => neighborhoodQuery(depth))).toStrictEqual({
        message: `depth must be an integer from 1 to ${max}`,
        field: 'depth',
      });
    }
  });
});

describe('supply', () => {
  it('SUPPLY_CONTEXT', () => {
    expect(SUPPLY_CONTEXT).toMatchInlineSnapshot(`
      "CALL () {
        UNWIND $materialIds AS materialId
        MATCH (s:Entity)-[r:PRODUCES]->(:Entity {id: materialId})
        WHERE ($stage IS NULL OR r.stage = $stage) AND r.retractedAt IS NULL
        RETURN collect({
          rel: CASE WHEN r IS NULL THEN null ELSE [itemProps IN [r {.*}] | [itemProps.\`id\`, type(r), startNode(r).id, endNode(r).id, itemProps.\`origin\`, itemProps.\`title\`, itemProps.\`stage\`, itemProps.\`volume\`, itemProps.\`unit\`, itemProps.\`year\`, itemProps.\`share\`, itemProps.\`qualifier\`, itemProps.\`basis\`, itemProps.\`status\`, itemProps.\`capacity\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`confidence\`, itemProps.\`disputed\`, itemProps.\`note\`, itemProps.\`retractedAt\`, itemProps.\`retractionNote\`, itemProps.\`version\`, itemProps.\`milestonesJson\`]][0] END,
          supplier: CASE WHEN s IS NULL THEN null ELSE [itemProps IN [s {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END,
          supplierCountries: COLLECT {
            MATCH (s)-[l:LOCATED_IN]->(c:Entity)
            WHERE l.retractedAt IS NULL
            RETURN c.id
          },
          operators: COLLECT {
            MATCH (op:Entity)-[o:OPERATES]->(s)
            WHERE o.retractedAt IS NULL
            RETURN {id: op.id, countries: COLLECT {
              MATCH (op)-[l:LOCATED_IN]->(c:Entity)
              WHERE l.retractedAt IS NULL
              RETURN c.id
            }}
          }
        }) AS rows, collect(CASE WHEN s.kind = 'COUNTRY' THEN s.id END) AS countrySuppliers
      }
      WITH rows, countrySuppliers,
        $countryIds + COLLECT {
          UNWIND rows AS row
          UNWIND row.supplierCountries + reduce(c = [], o IN row.operators | c + o.countries) AS id
          RETURN DISTINCT id
        } AS countryIds,
        CASE WHEN $alliances THEN COLLECT { UNWIND rows AS row UNWIND row.operators AS o RETURN DISTINCT o.id } ELSE [] END AS operatorIds
      CALL (countrySuppliers, countryIds) {
        UNWIND CASE WHEN $alliances THEN countryIds + countrySuppliers ELSE [] END AS id
        WITH DISTINCT id
        MATCH (:Entity {id: id})-[r:MEMBER_OF]->(:Entity)
        WHERE r.retractedAt IS NULL
        RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id, citations: COLLECT {
          MATCH (c:Citation {relId: r.id})
          WITH c
          ORDER BY c.ord
          RETURN c {.sourceId, .quote, .locator}
        }}) AS memberships
      }
      CALL (countryIds, operatorIds) {
        UNWIND countryIds + operatorIds AS id
        WITH DISTINCT id
        MATCH (e:Entity {id: id})
        RETURN collect(CASE WHEN e IS NULL THEN null ELSE [itemProps IN [e {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END) AS entities
      }
      // One record: the driver reads a message that came in many parts from one buffer (bolt-messages.ts).
      RETURN rows, memberships, entities"
    `);
  });
});
