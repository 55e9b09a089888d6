import type { Neo4jStore } from './neo4j-store.js';
import { CREATE_TEST_MARKER, DELETE_EVERYTHING, RESET_GUARD } from './neo4j.queries.js';
import { toNumber } from './neo4j-mappers.js';

/** Thrown instead of wiping a database the tests did not create. */
export class NotATestDatabaseError extends Error {
  constructor() {
    super(
      'Refusing to reset this Neo4j database: it holds data but no (:RareEarthsGraphTestMarker) node, so the tests did not create it. ' +
        'Point NEO4J_URI at an empty or test database.',
    );
    this.name = 'NotATestDatabaseError';
  }
}

/**
 * Tests only: deletes every node and relationship, but only when the database is empty or
 * carries the marker node the tests leave behind (then leaves the marker again). Throws
 * {@link NotATestDatabaseError} otherwise, so a developer's or production database is never wiped.
 */
export async function resetForTests(store: Neo4jStore): Promise<void> {
  await store.gatewayForTests.write(async (tx) => {
    const [guard] = await tx.rows(RESET_GUARD);
    const markers = toNumber(guard?.markers ?? 0);
    if (markers === 0 && guard?.hasNodes === true) throw new NotATestDatabaseError();
    await tx.rows(DELETE_EVERYTHING);
    await tx.rows(CREATE_TEST_MARKER);
  });
}
