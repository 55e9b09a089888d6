import neo4j from 'neo4j-driver';

/*
 * Test support that needs the database itself rather than the store: each call opens a
 * short-lived driver of its own on the test database's URI, so the store exports nothing for tests.
 */

/** Whether the database holds the test marker, and whether it holds anything at all. */
const RESET_GUARD = `OPTIONAL MATCH (m:RareEarthsGraphTestMarker)
WITH count(m) AS markers
OPTIONAL MATCH (n)
WITH markers, n
LIMIT 1
RETURN markers, n IS NOT NULL AS hasNodes`;

/** Deletes every node and relationship (behind the guard). */
const DELETE_EVERYTHING = `MATCH (n)
DETACH DELETE n`;

/** Marks the database as one the tests own. */
export const CREATE_TEST_MARKER = `MERGE (:RareEarthsGraphTestMarker {createdBy: 'tests/support/neo4j-reset.ts'})`;

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

/** Runs `work` in one write transaction on the database at `uri` (no credentials: the tests' database), with a driver closed afterwards. */
async function inWriteTransaction<T>(
  uri: string,
  work: (run: (query: string) => Promise<Record<string, unknown>[]>) => Promise<T>,
): Promise<T> {
  const driver = neo4j.driver(uri);
  const session = driver.session();
  try {
    return await session.executeWrite((tx) =>
      work(async (query) =>
        (await tx.run(query)).records.map((r) => r.toObject() as Record<string, unknown>),
      ),
    );
  } finally {
    await session.close();
    await driver.close();
  }
}

/** Runs one statement on the database at `uri` in its own write transaction and returns its rows as plain objects. */
export function runCypher(uri: string, query: string): Promise<Record<string, unknown>[]> {
  return inWriteTransaction(uri, (run) => run(query));
}

/**
 * Deletes every node and relationship of the database at `uri`, but only when it is empty or
 * carries the marker node the tests leave behind (then leaves the marker again). Throws
 * {@link NotATestDatabaseError} otherwise, so a developer's or production database is never wiped.
 */
export async function resetForTests(uri: string): Promise<void> {
  await inWriteTransaction(uri, async (run) => {
    const [guard] = await run(RESET_GUARD);
    const markers = neo4j.integer.toNumber((guard?.markers ?? 0) as number);
    if (markers === 0 && guard?.hasNodes === true) throw new NotATestDatabaseError();
    await run(DELETE_EVERYTHING);
    await run(CREATE_TEST_MARKER);
  });
}
