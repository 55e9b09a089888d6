import path from 'node:path';
import type { Logger } from 'pino';
import type { GraphStore } from '../store/graph-store.js';
import { Journal } from '../store/memory/journal.js';
import { MemoryStore } from '../store/memory/memory-store.js';
import { loadSeed } from '../store/seed/seed-loader.js';
import type { Config } from './config.js';

/**
 * The store the configuration selects: Neo4j when `NEO4J_URI` is set, else the embedded store
 * (seed/ plus the journal of API writes in DATA_DIR, which wins over the seed).
 */
export async function createStore(config: Config, logger: Logger): Promise<GraphStore> {
  if (config.neo4j) {
    const { createNeo4jStore } = await import('../store/neo4j/neo4j-store.js');
    const store = await createNeo4jStore(config.neo4j);
    if (config.neo4j.seedOnStart) {
      const seed = await loadSeed(config.seedDir);
      const report = await store.loadSeed(seed.entities, seed.relationships);
      logger.info({ report }, 'seed loaded into Neo4j');
    }
    return store;
  }
  const seed = await loadSeed(config.seedDir);
  const store = new MemoryStore(
    new Journal(path.join(config.dataDir, 'journal.jsonl'), { warn: (message) => logger.warn(message) }),
  );
  // Seed first, then the journal: journalled (API) records win, and seed records they lack stay.
  const report = await store.loadSeed(seed.entities, seed.relationships);
  await store.open();
  logger.info({ report, dataDir: config.dataDir }, 'embedded store ready');
  return store;
}
