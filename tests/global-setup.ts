import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Bolt URI of the Neo4j the contract suite runs on. */
    neo4jUri: string;
  }
}

/**
 * With NEO4J_URI set, the suite uses that database (and refuses to wipe one holding data it did
 * not create). Without it, a local Neo4j is started for this run in a fresh folder (never one
 * left over from a crashed run) and stopped afterwards. A Neo4j that cannot start fails the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.NEO4J_URI?.trim();
  if (given) {
    project.provide('neo4jUri', given);
    return () => Promise.resolve();
  }
  const home = path.resolve('.neo4j', `test-run-${process.pid}`);
  await rm(home, { recursive: true, force: true });
  const { startLocalNeo4j } = await import('../scripts/support/local-neo4j.js');
  const neo4j = await startLocalNeo4j({ home });
  project.provide('neo4jUri', neo4j.uri);
  return async () => {
    await neo4j.stop();
    await rm(home, { recursive: true, force: true });
  };
}
