import { describe, expect, it } from 'vitest';
import {
  auditEntriesQuery,
  AUDIT_ENTRIES_BY_ID,
  COUNT_AUDIT_ENTRIES,
  CREATE_AUDIT_ENTRY,
  CREATE_CITATIONS,
  DELETE_CITATIONS,
  deleteRelationshipsQuery,
  EXISTING_ENTITY_IDS,
  upsertEntitiesQuery,
  upsertRelationshipsQuery,
} from '../../src/store/neo4j/writes.queries.js';

/* The Cypher of writes and the audit trail, pinned as text (no database needed). */

describe('writes', () => {
  it('EXISTING_ENTITY_IDS', () => {
    expect(EXISTING_ENTITY_IDS).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH (n:Entity {id: id})
      RETURN n.id AS id"
    `);
  });

  it('upsertEntitiesQuery: every other kind label removed, this kind set', () => {
    expect(upsertEntitiesQuery('PERSON')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
      MERGE (n:Entity {id: row.id})
      SET n = row.props
      REMOVE n:Person:Country:Organization:Alliance:Material:Application:Facility:Event:Agreement:Commitment:Measure:Statement:Source
      SET n:Person"
    `);
  });

  it('deleteRelationshipsQuery and upsertRelationshipsQuery', () => {
    expect(deleteRelationshipsQuery('PRODUCES')).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH ()-[r:PRODUCES {id: id}]->()
      DELETE r"
    `);
    expect(upsertRelationshipsQuery('OPERATES')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
      MATCH (a:Entity {id: row.from})
      MATCH (b:Entity {id: row.to})
      MERGE (a)-[r:OPERATES {id: row.id}]->(b)
      SET r = row.props"
    `);
  });

  it('DELETE_CITATIONS and CREATE_CITATIONS', () => {
    expect(DELETE_CITATIONS).toMatchInlineSnapshot(`
      "UNWIND $relIds AS relId
      MATCH (c:Citation {relId: relId})
      DELETE c"
    `);
    expect(CREATE_CITATIONS).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
      CREATE (c:Citation)
      SET c = row"
    `);
  });
});

describe('audit trail', () => {
  it('CREATE_AUDIT_ENTRY, COUNT_AUDIT_ENTRIES, auditEntriesQuery (forward: newest first)', () => {
    expect(CREATE_AUDIT_ENTRY).toMatchInlineSnapshot(`
      "MERGE (a:AuditEntry {id: $id})
      ON CREATE SET a = $props, a:Change"
    `);
    expect(COUNT_AUDIT_ENTRIES).toMatchInlineSnapshot(`
      "MATCH (a:AuditEntry)
      WHERE ($actor IS NULL OR CASE WHEN a.actorMethod IS NULL THEN 'legacy:' + a.actor ELSE a.actor END = $actor)
      AND ($targetId IS NULL OR $targetId IN a.targetIds)
      RETURN count(a) AS total"
    `);
    expect(auditEntriesQuery(false)).toMatchInlineSnapshot(`
      "MATCH (a:AuditEntry)
      WHERE ($actor IS NULL OR CASE WHEN a.actorMethod IS NULL THEN 'legacy:' + a.actor ELSE a.actor END = $actor)
      AND ($targetId IS NULL OR $targetId IN a.targetIds)
        AND ($afterAt IS NULL OR a.at < $afterAt OR (a.at = $afterAt AND a.id < $afterId))
        AND ($beforeAt IS NULL OR a.at > $beforeAt OR (a.at = $beforeAt AND a.id > $beforeId))
      RETURN a {.*} AS entry
      ORDER BY a.at DESC, a.id DESC
      LIMIT $limit"
    `);
  });

  it('AUDIT_ENTRIES_BY_ID', () => {
    expect(AUDIT_ENTRIES_BY_ID).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH (a:AuditEntry {id: id})
      RETURN a {.*} AS entry"
    `);
  });
});
