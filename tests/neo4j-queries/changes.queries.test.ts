import { describe, expect, it } from 'vitest';
import {
  CHANGES_SINCE,
  CREATE_SEED_LOAD,
  CURRENT_SEQUENCE,
  NEXT_SEQUENCE,
  OLDEST_CHANGE,
} from '../../src/store/neo4j/changes.queries.js';

/* The Cypher of the change sequence, pinned as text (no database needed). */

describe('the change sequence', () => {
  it('NEXT_SEQUENCE: the one sequence node, its value read under the write lock the SET takes', () => {
    expect(NEXT_SEQUENCE).toMatchInlineSnapshot(`
      "MERGE (s:ChangeSequence {id: 'changes'})
      SET s.value = coalesce(s.value, 0) + 1
      RETURN s.value AS sequence"
    `);
  });

  it('CURRENT_SEQUENCE: 0 before the first change', () => {
    expect(CURRENT_SEQUENCE).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (s:ChangeSequence {id: 'changes'})
      RETURN coalesce(s.value, 0) AS sequence"
    `);
  });

  it('CREATE_SEED_LOAD: a seed load is a :Change of its own', () => {
    expect(CREATE_SEED_LOAD).toMatchInlineSnapshot(`
      "CREATE (c:SeedLoad:Change)
      SET c = {sequence: $sequence, at: $at, created: $created, updated: $updated}"
    `);
  });

  it('OLDEST_CHANGE and CHANGES_SINCE: by number, in order, bounded', () => {
    expect(OLDEST_CHANGE).toMatchInlineSnapshot(`
      "MATCH (c:Change)
      WHERE c.sequence IS NOT NULL
      RETURN c.sequence AS oldest
      ORDER BY c.sequence
      LIMIT 1"
    `);
    expect(CHANGES_SINCE).toMatchInlineSnapshot(`
      "MATCH (c:Change)
      WHERE c.sequence > $after
      RETURN c {.*} AS change, c:AuditEntry AS audited
      ORDER BY c.sequence
      LIMIT $limit"
    `);
  });
});
