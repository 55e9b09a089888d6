import { describe, expect, it } from 'vitest';
import { GRAPH_STATS } from '../../src/store/neo4j/stats.queries.js';

/* The Cypher of `stats`, pinned as text (no database needed): one statement, a subquery per figure. */

describe('stats', () => {
  it('GRAPH_STATS: entity counts by label, then live relationships (holding on $asOf) by type and validFrom, their citations by source, audit entries by month', () => {
    expect(GRAPH_STATS).toMatchInlineSnapshot(`
      "RETURN [COUNT { MATCH (:Person) }, COUNT { MATCH (:Country) }, COUNT { MATCH (:Organization) }, COUNT { MATCH (:Alliance) }, COUNT { MATCH (:Material) }, COUNT { MATCH (:Application) }, COUNT { MATCH (:Facility) }, COUNT { MATCH (:Event) }, COUNT { MATCH (:Agreement) }, COUNT { MATCH (:Commitment) }, COUNT { MATCH (:Measure) }, COUNT { MATCH (:Statement) }, COUNT { MATCH (:Source) }] AS kinds,
        COLLECT {
          MATCH ()-[r:HOLDS_OFFICE|LEADS|PART_OF|MEMBER_OF|PARTICIPATED_IN|HELD_IN|RESULTED_IN|PARTY_TO|COMMITTED_TO|CONCERNS|SAID|MADE_AT|ISSUED|APPLIES_TO|SUSPENDS|IMPLEMENTS|OPERATES|LOCATED_IN|PRODUCES|HOLDS_RESERVES|USED_IN|SOURCE_OF|INVESTED_IN|DEPENDS_ON|CLAIMS|CONTRADICTS]->()
          WHERE r.retractedAt IS NULL AND ($asOf IS NULL OR ((r.validFromFirst IS NULL OR r.validFromFirst <= $asOf) AND (r.validUntilLast IS NULL OR $asOf <= r.validUntilLast)))
          WITH type(r) AS type, r.validFrom AS validFrom, count(*) AS count
          RETURN {type: type, validFrom: validFrom, count: count}
        } AS relationships,
        COLLECT {
          MATCH ()-[r:HOLDS_OFFICE|LEADS|PART_OF|MEMBER_OF|PARTICIPATED_IN|HELD_IN|RESULTED_IN|PARTY_TO|COMMITTED_TO|CONCERNS|SAID|MADE_AT|ISSUED|APPLIES_TO|SUSPENDS|IMPLEMENTS|OPERATES|LOCATED_IN|PRODUCES|HOLDS_RESERVES|USED_IN|SOURCE_OF|INVESTED_IN|DEPENDS_ON|CLAIMS|CONTRADICTS]->()
          WHERE r.retractedAt IS NULL AND ($asOf IS NULL OR ((r.validFromFirst IS NULL OR r.validFromFirst <= $asOf) AND (r.validUntilLast IS NULL OR $asOf <= r.validUntilLast)))
          MATCH (c:Citation {relId: r.id})
          WITH c.sourceId AS sourceId, count(*) AS count
          OPTIONAL MATCH (s:Entity {id: sourceId})
          RETURN {sourceId: sourceId, name: s.name, count: count}
        } AS citations,
        COLLECT {
          MATCH (a:AuditEntry)
          WITH left(a.at, 7) AS month, count(*) AS count
          RETURN {month: month, count: count}
        } AS writes"
    `);
  });
});
