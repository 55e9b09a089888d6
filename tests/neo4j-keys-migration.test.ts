import { inject, describe, expect, it } from 'vitest';
import { createNeo4jStore } from '../src/store/neo4j/index.js';
import { matchesText } from '../src/domain/search.js';
import { neo4jFixture } from './support/stores.js';
import { runCypher } from './support/neo4j-reset.js';

/*
 * A database written by the previous version (entities without sortKey/searchKeys, with the old
 * lower-cased keys) is migrated when a store starts: listing and search then work as on a fresh one.
 */
describe('Neo4j: derived keys backfilled on start', () => {
  it('an old-format entity is listed in folded name order and found by folded search after a restart', async () => {
    const uri = inject('neo4jUri');
    const first = await neo4jFixture.create();
    await first.close();
    await runCypher(
      uri,
      `MATCH (n:Entity {id: 'canada'}) REMOVE n.sortKey, n.searchKeys, n.searchKey, n.keysVersion SET n.nameLower = 'canada'`,
    );
    await runCypher(
      uri,
      `CREATE (:Entity:Organization {id: 'old-elan', kind: 'ORGANIZATION', name: 'Élan Old Format', origin: 'API', category: 'company', nameLower: 'élan old format'})`,
    );

    const store = await createNeo4jStore({ uri });
    try {
      const [stale] = await runCypher(
        uri,
        `MATCH (n:Entity) WHERE n.keysVersion IS NULL OR n.nameLower IS NOT NULL RETURN count(n) AS stale`,
      );
      expect(Number(stale?.stale)).toBe(0);
      const found = await store.listEntities({ search: 'elan old', seek: { limit: 5, backward: false } });
      expect(found.items.map((e) => e.id)).toEqual(['old-elan']);
      const countries = await store.listEntities({ kind: 'COUNTRY', seek: { limit: 100, backward: false } });
      expect(countries.items.map((e) => e.id)).toContain('canada');
      expect(
        (await store.searchCandidates('Canada', 5)).filter((e) => matchesText(e, 'canada')).map((e) => e.id),
      ).toContain('canada');
    } finally {
      await store.close();
    }
  });
});
