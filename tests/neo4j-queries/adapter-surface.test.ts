import { describe, expect, it } from 'vitest';
import * as adapter from '../../src/store/neo4j/index.js';
import { Neo4jStore } from '../../src/store/neo4j/index.js';

/* What src/store/neo4j offers the rest of the code: the store and its configuration, nothing for tests. */

describe('the Neo4j adapter surface', () => {
  it('exports the store, its factory and the configuration reader only', () => {
    expect(Object.keys(adapter).sort()).toStrictEqual(['Neo4jStore', 'configFromEnv', 'createNeo4jStore']);
  });

  it('the store has the port methods, close, and its private reads (one transaction, or auto-commit per statement): no test-only accessor', () => {
    expect(Object.getOwnPropertyNames(Neo4jStore.prototype).sort()).toMatchInlineSnapshot(`
      [
        "applyWrite",
        "auditLog",
        "changeSequence",
        "changesSince",
        "close",
        "constructor",
        "exportAll",
        "extractionSnapshot",
        "getAuditEntries",
        "getEntities",
        "getProposals",
        "getRelationships",
        "graphStats",
        "listEntities",
        "loadSeed",
        "neighborhood",
        "ping",
        "proposals",
        "read",
        "readEach",
        "relatedEntities",
        "relatedTrees",
        "relationshipsCiting",
        "relationshipsOf",
        "searchCandidates",
        "shortestPaths",
        "stats",
        "supplyContext",
      ]
    `);
  });
});
