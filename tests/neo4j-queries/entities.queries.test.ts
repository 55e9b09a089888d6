import { describe, expect, it } from 'vitest';
import {
  countEntitiesQuery,
  GET_ENTITIES,
  listEntitiesQuery,
  SEARCH_CANDIDATES,
  searchPageQuery,
} from '../../src/store/neo4j/entities.queries.js';
import {
  COUNT_ENTITIES,
  COUNT_RELATIONSHIPS,
  EXPORT_ENTITIES,
  EXPORT_RELATIONSHIPS,
  PING,
} from '../../src/store/neo4j/graph.queries.js';

/*
 * The Cypher the Neo4j store sends, pinned as text (like @neo4j/graphql's TCK): a change to a
 * statement shows in review as a change here. No database needed.
 */

describe('entities and search', () => {
  it('GET_ENTITIES', () => {
    expect(GET_ENTITIES).toMatchInlineSnapshot(`
      "UNWIND $ids AS id
      MATCH (n:Entity {id: id})
      RETURN n {.*} AS entity"
    `);
  });

  it('countEntitiesQuery: all entities, or one kind by its label', () => {
    expect(countEntitiesQuery(undefined)).toMatchInlineSnapshot(`
      "MATCH (n:Entity)
      RETURN count(n) AS total"
    `);
    expect(countEntitiesQuery('PERSON')).toMatchInlineSnapshot(`
      "MATCH (n:Person)
      RETURN count(n) AS total"
    `);
  });

  it('listEntitiesQuery: all entities, or one kind by its label', () => {
    expect(listEntitiesQuery(undefined)).toMatchInlineSnapshot(`
      "MATCH (n:Entity)
      WHERE n.name IS NOT NULL
      RETURN n {.*} AS entity
      ORDER BY n.name, n.id
      SKIP $offset
      LIMIT $limit"
    `);
    expect(listEntitiesQuery('FACILITY')).toMatchInlineSnapshot(`
      "MATCH (n:Facility)
      WHERE n.name IS NOT NULL
      RETURN n {.*} AS entity
      ORDER BY n.name, n.id
      SKIP $offset
      LIMIT $limit"
    `);
  });

  it('searchPageQuery', () => {
    expect(searchPageQuery(undefined)).toMatchInlineSnapshot(`
      "MATCH (n:Entity)
      WHERE n.name IS NOT NULL AND n.searchKey CONTAINS $needle
        AND (n.nameLower CONTAINS $needle OR any(alias IN coalesce(n.aliasesLower, []) WHERE alias CONTAINS $needle))
      WITH n
      ORDER BY n.name, n.id
      WITH collect(n) AS matching
      RETURN size(matching) AS total, [m IN matching[$sliceFrom..$sliceTo] | m {.*}] AS page"
    `);
    expect(searchPageQuery('COUNTRY')).toMatchInlineSnapshot(`
      "MATCH (n:Country)
      WHERE n.name IS NOT NULL AND n.searchKey CONTAINS $needle
        AND (n.nameLower CONTAINS $needle OR any(alias IN coalesce(n.aliasesLower, []) WHERE alias CONTAINS $needle))
      WITH n
      ORDER BY n.name, n.id
      WITH collect(n) AS matching
      RETURN size(matching) AS total, [m IN matching[$sliceFrom..$sliceTo] | m {.*}] AS page"
    `);
  });

  it('SEARCH_CANDIDATES', () => {
    expect(SEARCH_CANDIDATES).toMatchInlineSnapshot(`
      "MATCH (n:Entity)
      WHERE n.searchKey CONTAINS $needle
        AND (n.nameLower CONTAINS $needle OR any(alias IN coalesce(n.aliasesLower, []) WHERE alias CONTAINS $needle))
      RETURN n {.*} AS entity
      ORDER BY n.name, n.id
      LIMIT $limit"
    `);
  });
});

describe('the whole graph', () => {
  it('PING, COUNT_ENTITIES, EXPORT_ENTITIES', () => {
    expect(PING).toMatchInlineSnapshot(`"RETURN 1 AS ok"`);
    expect(COUNT_ENTITIES).toMatchInlineSnapshot(`
      "MATCH (n:Entity)
      RETURN count(n) AS total"
    `);
    expect(EXPORT_ENTITIES).toMatchInlineSnapshot(`
      "MATCH (n:Entity)
      RETURN n {.*} AS entity
      ORDER BY n.id"
    `);
  });

  it('COUNT_RELATIONSHIPS and EXPORT_RELATIONSHIPS: over every allow-listed type', () => {
    expect(COUNT_RELATIONSHIPS).toMatchInlineSnapshot(`
      "MATCH ()-[r:HOLDS_OFFICE|LEADS|PART_OF|MEMBER_OF|PARTICIPATED_IN|HELD_IN|RESULTED_IN|PARTY_TO|COMMITTED_TO|CONCERNS|SAID|MADE_AT|ISSUED|APPLIES_TO|SUSPENDS|IMPLEMENTS|OPERATES|LOCATED_IN|PRODUCES|HOLDS_RESERVES|USED_IN|SOURCE_OF|INVESTED_IN|DEPENDS_ON|CLAIMS|CONTRADICTS]->()
      RETURN count(r) AS total"
    `);
    expect(EXPORT_RELATIONSHIPS).toMatchInlineSnapshot(`
      "MATCH ()-[r:HOLDS_OFFICE|LEADS|PART_OF|MEMBER_OF|PARTICIPATED_IN|HELD_IN|RESULTED_IN|PARTY_TO|COMMITTED_TO|CONCERNS|SAID|MADE_AT|ISSUED|APPLIES_TO|SUSPENDS|IMPLEMENTS|OPERATES|LOCATED_IN|PRODUCES|HOLDS_RESERVES|USED_IN|SOURCE_OF|INVESTED_IN|DEPENDS_ON|CLAIMS|CONTRADICTS]->()
      RETURN r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id, citations: COLLECT {
          MATCH (c:Citation {relId: r.id})
          WITH c
          ORDER BY c.ord
          RETURN c {.sourceId, .quote, .locator}
        }} AS rel"
    `);
  });
});
