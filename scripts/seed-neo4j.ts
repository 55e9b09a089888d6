/**
 * `npm run seed`: loads seed/ (or SEED_DIR) into the Neo4j database named by NEO4J_URI,
 * NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE. Idempotent: a second run reports every
 * record unchanged (and takes no number of the change sequence); records edited through the API
 * are skipped, never overwritten.
 */
import path from 'node:path';
import { configFromEnv, createNeo4jStore } from '../src/store/neo4j/index.js';
import { DEFAULT_SEED_DIR, loadSeed, SeedError } from '../src/store/seed/seed-loader.js';

async function main(): Promise<number> {
  const seedDir = process.env.SEED_DIR ? path.resolve(process.env.SEED_DIR) : DEFAULT_SEED_DIR;
  const seed = await loadSeed(seedDir);
  const store = await createNeo4jStore(configFromEnv());
  try {
    const r = await store.loadSeed(seed.entities, seed.relationships);
    console.log(
      `created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, skipped ${r.skipped} (entities+relationships)`,
    );
    // A load that created or updated anything is a change subscribers are sent (README, "Live changes").
    console.log(`change sequence at ${await store.changeSequence()}`);
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof SeedError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
