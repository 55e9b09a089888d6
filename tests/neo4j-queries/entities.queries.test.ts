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
      RETURN CASE WHEN n IS NULL THEN null ELSE [itemProps IN [n {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END AS entity"
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

  it('listEntitiesQuery: all entities forward, or one kind by its label backward', () => {
    expect(listEntitiesQuery(undefined, false)).toMatchInlineSnapshot(`
      "MATCH (n:Entity)
      WHERE n.sortKey IS NOT NULL AND ($afterKey IS NULL OR n.sortKey > $afterKey OR (n.sortKey = $afterKey AND n.id > $afterId))
        AND ($beforeKey IS NULL OR n.sortKey < $beforeKey OR (n.sortKey = $beforeKey AND n.id < $beforeId))
      RETURN CASE WHEN n IS NULL THEN null ELSE [itemProps IN [n {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END AS entity
      ORDER BY n.sortKey, n.id
      LIMIT $limit"
    `);
    expect(listEntitiesQuery('FACILITY', true)).toMatchInlineSnapshot(`
      "MATCH (n:Facility)
      WHERE n.sortKey IS NOT NULL AND ($afterKey IS NULL OR n.sortKey > $afterKey OR (n.sortKey = $afterKey AND n.id > $afterId))
        AND ($beforeKey IS NULL OR n.sortKey < $beforeKey OR (n.sortKey = $beforeKey AND n.id < $beforeId))
      RETURN CASE WHEN n IS NULL THEN null ELSE [itemProps IN [n {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END AS entity
      ORDER BY n.sortKey DESC, n.id DESC
      LIMIT $limit"
    `);
  });

  it('searchPageQuery: within a kind, by the kind label beside Entity (the TEXT index is on :Entity)', () => {
    expect(searchPageQuery('ORGANIZATION', false).split('\n')[0]).toMatchInlineSnapshot(
      `"MATCH (n:Entity:Organization)"`,
    );
  });

  it('searchPageQuery', () => {
    expect(searchPageQuery(undefined, false)).toMatchInlineSnapshot(`
      "MATCH (n:Entity)
      WHERE $folded <> '' AND (n.searchKey CONTAINS $folded OR n.searchKey CONTAINS $stem0)
      WITH n, [k IN n.searchKeys WHERE k STARTS WITH 'n:' OR k STARTS WITH 'a:' | substring(k, 2)] AS labels
      WITH n, CASE
        WHEN 'n:' + $folded IN n.searchKeys THEN 0
        WHEN 'a:' + $folded IN n.searchKeys THEN 1
        WHEN any(l IN labels WHERE l STARTS WITH $folded) THEN 2
        WHEN size($words) > 0 AND all(w IN $words WHERE 'w:' + w IN n.searchKeys) THEN 3
        WHEN size($stems) > 0 AND all(s IN $stems WHERE 's:' + s IN n.searchKeys) THEN 4
        WHEN any(l IN labels WHERE l CONTAINS $folded) THEN 5
        ELSE 6
      END AS rank
      WHERE rank < 6
      WITH n
      ORDER BY n.sortKey, n.id
      WITH collect(n) AS matching
      RETURN size(matching) AS total, [m IN matching WHERE ($afterKey IS NULL OR m.sortKey > $afterKey OR (m.sortKey = $afterKey AND m.id > $afterId))
        AND ($beforeKey IS NULL OR m.sortKey < $beforeKey OR (m.sortKey = $beforeKey AND m.id < $beforeId)) | CASE WHEN m IS NULL THEN null ELSE [itemProps IN [m {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END][..$limit] AS page"
    `);
    expect(searchPageQuery('COUNTRY', true)).toMatchInlineSnapshot(`
      "MATCH (n:Entity:Country)
      WHERE $folded <> '' AND (n.searchKey CONTAINS $folded OR n.searchKey CONTAINS $stem0)
      WITH n, [k IN n.searchKeys WHERE k STARTS WITH 'n:' OR k STARTS WITH 'a:' | substring(k, 2)] AS labels
      WITH n, CASE
        WHEN 'n:' + $folded IN n.searchKeys THEN 0
        WHEN 'a:' + $folded IN n.searchKeys THEN 1
        WHEN any(l IN labels WHERE l STARTS WITH $folded) THEN 2
        WHEN size($words) > 0 AND all(w IN $words WHERE 'w:' + w IN n.searchKeys) THEN 3
        WHEN size($stems) > 0 AND all(s IN $stems WHERE 's:' + s IN n.searchKeys) THEN 4
        WHEN any(l IN labels WHERE l CONTAINS $folded) THEN 5
        ELSE 6
      END AS rank
      WHERE rank < 6
      WITH n
      ORDER BY n.sortKey DESC, n.id DESC
      WITH collect(n) AS matching
      RETURN size(matching) AS total, [m IN matching WHERE ($afterKey IS NULL OR m.sortKey > $afterKey OR (m.sortKey = $afterKey AND m.id > $afterId))
        AND ($beforeKey IS NULL OR m.sortKey < $beforeKey OR (m.sortKey = $beforeKey AND m.id < $beforeId)) | CASE WHEN m IS NULL THEN null ELSE [itemProps IN [m {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END][..$limit] AS page"
    `);
  });

  it('SEARCH_CANDIDATES', () => {
    expect(SEARCH_CANDIDATES).toMatchInlineSnapshot(`
      "MATCH (n:Entity)
      WHERE $folded <> '' AND (n.searchKey CONTAINS $folded OR n.searchKey CONTAINS $stem0)
      WITH n, [k IN n.searchKeys WHERE k STARTS WITH 'n:' OR k STARTS WITH 'a:' | substring(k, 2)] AS labels
      WITH n, CASE
        WHEN 'n:' + $folded IN n.searchKeys THEN 0
        WHEN 'a:' + $folded IN n.searchKeys THEN 1
        WHEN any(l IN labels WHERE l STARTS WITH $folded) THEN 2
        WHEN size($words) > 0 AND all(w IN $words WHERE 'w:' + w IN n.searchKeys) THEN 3
        WHEN size($stems) > 0 AND all(s IN $stems WHERE 's:' + s IN n.searchKeys) THEN 4
        WHEN any(l IN labels WHERE l CONTAINS $folded) THEN 5
        ELSE 6
      END AS rank
      WHERE rank < 6
      RETURN CASE WHEN n IS NULL THEN null ELSE [itemProps IN [n {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END AS entity
      ORDER BY rank, n.sortKey, n.id
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
      RETURN CASE WHEN n IS NULL THEN null ELSE [itemProps IN [n {.*}] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`, itemProps.\`aliases\`, itemProps.\`description\`, itemProps.\`symbol\`, itemProps.\`atomicNumber\`, itemProps.\`reeClass\`, itemProps.\`iupacClass\`, itemProps.\`iso2\`, itemProps.\`category\`, itemProps.\`date\`, itemProps.\`validFrom\`, itemProps.\`validUntil\`, itemProps.\`text\`, itemProps.\`measureType\`, itemProps.\`number\`, itemProps.\`status\`, itemProps.\`publisher\`, itemProps.\`url\`, itemProps.\`textPath\`, itemProps.\`ref\`]][0] END AS entity
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
