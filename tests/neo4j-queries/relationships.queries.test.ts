import { describe, expect, it } from 'vitest';
import { refusal } from '../support/refusal.js';
import type { RelatedHop } from '../../src/store/graph-store.js';
import {
  GET_RELATIONSHIPS,
  MAX_TREE_HOPS,
  relatedEntitiesQuery,
  relatedTreesQuery,
  RELATIONSHIPS_CITING,
  relationshipsOfQuery,
} from '../../src/store/neo4j/relationships.queries.js';

/* The Cypher of relationship reads and related-entity trees, pinned as text (no database needed). */

const hop = (
  type: RelatedHop['type'],
  direction: RelatedHop['direction'],
  ...next: RelatedHop[]
): RelatedHop => ({ type, direction, next });

describe('relationships of entities', () => {
  it('relationshipsOfQuery OUT, with every allowed type', () => {
    expect(relationshipsOfQuery('OUT')).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH (n:Entity {id: id})
      CALL (n) {
        MATCH (n)-[r:HOLDS_OFFICE|LEADS|PART_OF|MEMBER_OF|PARTICIPATED_IN|HELD_IN|RESULTED_IN|PARTY_TO|COMMITTED_TO|CONCERNS|SAID|MADE_AT|ISSUED|APPLIES_TO|SUSPENDS|IMPLEMENTS|OPERATES|LOCATED_IN|PRODUCES|HOLDS_RESERVES|USED_IN|SOURCE_OF|INVESTED_IN|DEPENDS_ON|CLAIMS|CONTRADICTS]->(:Entity)
        WHERE ($asOf IS NULL OR ((r.validFromFirst IS NULL OR r.validFromFirst <= $asOf) AND (r.validUntilLast IS NULL OR $asOf <= r.validUntilLast))) AND ($includeRetracted OR r.retractedAt IS NULL)
        WITH DISTINCT r
        RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id, citations: COLLECT {
          MATCH (c:Citation {relId: r.id})
          WITH c
          ORDER BY c.ord
          RETURN c {.sourceId, .quote, .locator}
        }}) AS rels
      }
      RETURN id, rels"
    `);
  });

  it('relationshipsOfQuery IN and BOTH, with chosen types (repeats dropped)', () => {
    expect(relationshipsOfQuery('IN', ['PRODUCES', 'OPERATES', 'PRODUCES'])).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH (n:Entity {id: id})
      CALL (n) {
        MATCH (n)<-[r:PRODUCES|OPERATES]-(:Entity)
        WHERE ($asOf IS NULL OR ((r.validFromFirst IS NULL OR r.validFromFirst <= $asOf) AND (r.validUntilLast IS NULL OR $asOf <= r.validUntilLast))) AND ($includeRetracted OR r.retractedAt IS NULL)
        WITH DISTINCT r
        RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id, citations: COLLECT {
          MATCH (c:Citation {relId: r.id})
          WITH c
          ORDER BY c.ord
          RETURN c {.sourceId, .quote, .locator}
        }}) AS rels
      }
      RETURN id, rels"
    `);
    expect(relationshipsOfQuery('BOTH', ['LOCATED_IN'])).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH (n:Entity {id: id})
      CALL (n) {
        MATCH (n)-[r:LOCATED_IN]-(:Entity)
        WHERE ($asOf IS NULL OR ((r.validFromFirst IS NULL OR r.validFromFirst <= $asOf) AND (r.validUntilLast IS NULL OR $asOf <= r.validUntilLast))) AND ($includeRetracted OR r.retractedAt IS NULL)
        WITH DISTINCT r
        RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id, citations: COLLECT {
          MATCH (c:Citation {relId: r.id})
          WITH c
          ORDER BY c.ord
          RETURN c {.sourceId, .quote, .locator}
        }}) AS rels
      }
      RETURN id, rels"
    `);
  });

  it('relatedEntitiesQuery', () => {
    expect(relatedEntitiesQuery('IN', ['LOCATED_IN'])).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH (n:Entity {id: id})
      CALL (n) {
        MATCH (n)<-[r:LOCATED_IN]-(m:Entity)
        WHERE ($asOf IS NULL OR ((r.validFromFirst IS NULL OR r.validFromFirst <= $asOf) AND (r.validUntilLast IS NULL OR $asOf <= r.validUntilLast))) AND ($includeRetracted OR r.retractedAt IS NULL)
        WITH r, m
        ORDER BY r.id
        RETURN collect(CASE WHEN m IS NULL THEN null ELSE [itemProps IN [m {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END) AS ends
      }
      RETURN id, ends"
    `);
  });

  it('GET_RELATIONSHIPS and RELATIONSHIPS_CITING', () => {
    expect(GET_RELATIONSHIPS).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
      MATCH (:Entity {id: row.from})-[r:HOLDS_OFFICE|LEADS|PART_OF|MEMBER_OF|PARTICIPATED_IN|HELD_IN|RESULTED_IN|PARTY_TO|COMMITTED_TO|CONCERNS|SAID|MADE_AT|ISSUED|APPLIES_TO|SUSPENDS|IMPLEMENTS|OPERATES|LOCATED_IN|PRODUCES|HOLDS_RESERVES|USED_IN|SOURCE_OF|INVESTED_IN|DEPENDS_ON|CLAIMS|CONTRADICTS]->(:Entity)
      WHERE r.id = row.id
      RETURN row.id AS id, r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id, citations: COLLECT {
          MATCH (c:Citation {relId: r.id})
          WITH c
          ORDER BY c.ord
          RETURN c {.sourceId, .quote, .locator}
        }} AS rel"
    `);
    expect(RELATIONSHIPS_CITING).toMatchInlineSnapshot(`
      "UNWIND $sourceIds AS sourceId
      MATCH (c:Citation {sourceId: sourceId})
      WITH DISTINCT sourceId, c.relId AS relId, c.fromId AS fromId
      MATCH (:Entity {id: fromId})-[r:HOLDS_OFFICE|LEADS|PART_OF|MEMBER_OF|PARTICIPATED_IN|HELD_IN|RESULTED_IN|PARTY_TO|COMMITTED_TO|CONCERNS|SAID|MADE_AT|ISSUED|APPLIES_TO|SUSPENDS|IMPLEMENTS|OPERATES|LOCATED_IN|PRODUCES|HOLDS_RESERVES|USED_IN|SOURCE_OF|INVESTED_IN|DEPENDS_ON|CLAIMS|CONTRADICTS]->(:Entity)
      WHERE r.id = relId AND r.retractedAt IS NULL
      RETURN sourceId, r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id, citations: COLLECT {
          MATCH (c:Citation {relId: r.id})
          WITH c
          ORDER BY c.ord
          RETURN c {.sourceId, .quote, .locator}
        }} AS rel"
    `);
  });
});

describe('related-entities trees', () => {
  it('relatedTreesQuery: nested COLLECT subqueries, one per hop, each with its own variables', () => {
    expect(relatedTreesQuery([hop('OPERATES', 'OUT', hop('LOCATED_IN', 'OUT'), hop('OPERATES', 'IN'))]))
      .toMatchInlineSnapshot(`
        "UNWIND $ids AS id
        MATCH (n0:Entity {id: id})
        RETURN id, {entity: CASE WHEN n0 IS NULL THEN null ELSE [itemProps IN [n0 {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END, ends: [COLLECT {
          MATCH (n0)-[r1:OPERATES]->(m1:Entity)
          WHERE r1.retractedAt IS NULL
          WITH r1, m1
          ORDER BY r1.id
          RETURN {entity: CASE WHEN m1 IS NULL THEN null ELSE [itemProps IN [m1 {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END, ends: [COLLECT {
          MATCH (m1)-[r2:LOCATED_IN]->(m2:Entity)
          WHERE r2.retractedAt IS NULL
          WITH r2, m2
          ORDER BY r2.id
          RETURN {entity: CASE WHEN m2 IS NULL THEN null ELSE [itemProps IN [m2 {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END, ends: []}
        }, COLLECT {
          MATCH (m1)<-[r3:OPERATES]-(m3:Entity)
          WHERE r3.retractedAt IS NULL
          WITH r3, m3
          ORDER BY r3.id
          RETURN {entity: CASE WHEN m3 IS NULL THEN null ELSE [itemProps IN [m3 {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END, ends: []}
        }]}
        }]} AS tree"
      `);
  });

  it('relatedTreesQuery without hops: the entity alone', () => {
    expect(relatedTreesQuery([])).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH (n0:Entity {id: id})
      RETURN id, {entity: CASE WHEN n0 IS NULL THEN null ELSE [itemProps IN [n0 {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END, ends: []} AS tree"
    `);
  });

  it(`relatedTreesQuery refuses more than ${MAX_TREE_HOPS} hops`, () => {
    const flat = Array.from({ length: MAX_TREE_HOPS }, () => hop('PART_OF', 'OUT'));
    expect(relatedTreesQuery(flat)).toContain('r32:PART_OF');
    expect(refusal(() => relatedTreesQuery([...flat, hop('PART_OF', 'IN')]))).toStrictEqual({
      message: `A related-entities tree may have at most ${MAX_TREE_HOPS} hops`,
      field: 'hops',
    });
  });
});
