import { describe, expect, it } from 'vitest';
import {
  COUNT_PROPOSALS,
  PROPOSALS_BY_ID,
  proposalsQuery,
  UPSERT_PROPOSALS,
} from '../../src/store/neo4j/ingest.queries.js';
import { EXTRACTION_SNAPSHOT } from '../../src/store/neo4j/graph.queries.js';
import { SCHEMA_STATEMENTS } from '../../src/store/neo4j/schema-setup.js';

/* The Cypher of review proposals, pinned as text (no database needed). */

describe('proposals', () => {
  it('UPSERT_PROPOSALS: a batch of rows per statement, merged on the id', () => {
    expect(UPSERT_PROPOSALS).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
      MERGE (p:Proposal {id: row.id})
      SET p = row"
    `);
  });

  it('PROPOSALS_BY_ID', () => {
    expect(PROPOSALS_BY_ID).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH (p:Proposal {id: id})
      RETURN p.json AS json"
    `);
  });

  it('COUNT_PROPOSALS and proposalsQuery: the same filter, keyset bounds on the id', () => {
    expect(COUNT_PROPOSALS).toMatchInlineSnapshot(`
      "MATCH (p:Proposal)
      WHERE ($documentId IS NULL OR p.documentId = $documentId)
      AND ($status IS NULL OR p.status = $status)
      AND ($type IS NULL OR p.type = $type)
      RETURN count(p) AS total"
    `);
    expect(proposalsQuery(false)).toMatchInlineSnapshot(`
      "MATCH (p:Proposal)
      WHERE ($documentId IS NULL OR p.documentId = $documentId)
      AND ($status IS NULL OR p.status = $status)
      AND ($type IS NULL OR p.type = $type)
        AND ($afterId IS NULL OR p.id > $afterId)
        AND ($beforeId IS NULL OR p.id < $beforeId)
      RETURN p.json AS json
      ORDER BY p.id
      LIMIT $limit"
    `);
    expect(proposalsQuery(true)).toMatchInlineSnapshot(`
      "MATCH (p:Proposal)
      WHERE ($documentId IS NULL OR p.documentId = $documentId)
      AND ($status IS NULL OR p.status = $status)
      AND ($type IS NULL OR p.type = $type)
        AND ($afterId IS NULL OR p.id > $afterId)
        AND ($beforeId IS NULL OR p.id < $beforeId)
      RETURN p.json AS json
      ORDER BY p.id DESC
      LIMIT $limit"
    `);
  });

  it('the schema has a unique id and a (documentId, id) index for proposals', () => {
    expect(SCHEMA_STATEMENTS.filter((s) => s.includes(':Proposal'))).toMatchInlineSnapshot(`
      [
        "CREATE CONSTRAINT proposal_id_unique IF NOT EXISTS
      FOR (p:Proposal)
      REQUIRE p.id IS UNIQUE",
        "CREATE RANGE INDEX proposal_document_id IF NOT EXISTS
      FOR (p:Proposal)
      ON (p.documentId, p.id)",
      ]
    `);
  });
});

describe('the extraction snapshot', () => {
  it('EXTRACTION_SNAPSHOT: one parameter-free statement, entities but SOURCEs and live relationships, key properties only', () => {
    expect(EXTRACTION_SNAPSHOT).not.toContain('$');
    expect(EXTRACTION_SNAPSHOT).toMatchInlineSnapshot(`
      "RETURN COLLECT {
          MATCH (n:Entity)
          WHERE n.kind <> 'SOURCE'
          WITH n
          ORDER BY n.id
          RETURN n {.id, .kind, .name, .aliases}
        } AS entities, COLLECT {
          MATCH ()-[r:HOLDS_OFFICE|LEADS|PART_OF|MEMBER_OF|PARTICIPATED_IN|HELD_IN|RESULTED_IN|PARTY_TO|COMMITTED_TO|CONCERNS|SAID|MADE_AT|ISSUED|APPLIES_TO|SUSPENDS|IMPLEMENTS|OPERATES|LOCATED_IN|PRODUCES|HOLDS_RESERVES|USED_IN|SOURCE_OF|INVESTED_IN|DEPENDS_ON|CLAIMS|CONTRADICTS]->()
          WHERE r.retractedAt IS NULL
          WITH r
          ORDER BY r.id
          RETURN r {.id, type: type(r), from: startNode(r).id, to: endNode(r).id, .stage, .year, .title, .validFrom, .validUntil}
        } AS relationships"
    `);
  });
});
