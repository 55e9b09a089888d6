import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { startLocalNeo4j } from '../scripts/support/local-neo4j.js';
import { createNeo4jStore } from '../src/store/neo4j/index.js';
import type { Entity } from '../src/domain/entity.js';
import type { Relationship } from '../src/domain/relationship.js';
import { citationRows, entityRow, relationshipRow } from '../src/store/neo4j/neo4j-mappers.js';
import { CREATE_CITATIONS } from '../src/store/neo4j/writes.queries.js';
import { label, typeAlternation } from '../src/store/neo4j/cypher-fragments.js';

/*
 * Bulk loading for the benchmark (bench only): into an EMPTY database whose schema the store
 * has already set up (createNeo4jStore), the same node, relationship and citation records the
 * store writes (its own row mappers: search keys, date bounds, citation nodes), with CREATE
 * instead of the store's read-check-MERGE, in chunked transactions. The store's loadSeed reads
 * back every id first and runs all in one transaction: fine for the seed, over its 10 s
 * transaction timeout at a few thousand relationships on this machine.
 */

/** Rows per statement and statements per transaction. */
const ROWS = 2_000;
const STATEMENTS_PER_TX = 5;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Runs statements (query, rows) in write transactions of a few statements each. */
async function runAll(driver: Driver, statements: [string, unknown[]][]): Promise<void> {
  for (const group of chunks(statements, STATEMENTS_PER_TX)) {
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(async (tx) => {
        for (const [query, rows] of group) await tx.run(query, { rows });
      });
    } finally {
      await session.close();
    }
  }
}

/** Deletes every node and relationship, in batches (a bench database only). */
export async function wipe(driver: Driver): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/**
 * Loads a graph into an empty Neo4j database prepared by createNeo4jStore. Returns the time taken in ms.
 */
export async function bulkLoad(
  driver: Driver,
  entities: readonly Entity[],
  relationships: readonly Relationship[],
): Promise<number> {
  const started = performance.now();
  const statements: [string, unknown[]][] = [];
  for (const [, group] of groupBy(entities, (e) => e.kind)) {
    const query = `UNWIND $rows AS row
CREATE (n:Entity:${label(group[0]!.kind)})
SET n = row.props`;
    for (const part of chunks(group, ROWS)) statements.push([query, part.map((e) => entityRow(e, 'SEED'))]);
  }
  await runAll(driver, statements.splice(0));
  for (const [, group] of groupBy(relationships, (r) => r.type)) {
    const query = `UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:${typeAlternation([group[0]!.type])}]->(b)
SET r = row.props`;
    for (const part of chunks(group, ROWS))
      statements.push([query, part.map((r) => relationshipRow(r, 'SEED'))]);
  }
  for (const part of chunks(relationships.flatMap(citationRows), ROWS * 2))
    statements.push([CREATE_CITATIONS, part]);
  await runAll(driver, statements);
  return performance.now() - started;
}

/** CPU ms a process has used so far (user + system, from /proc). */
export async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * A fresh local Neo4j in .neo4j/<name>, its schema set up by the store, `graph` loaded: runs `fn`
 * with a driver, the server's process id (for its CPU) and its URI, then stops it.
 */
export async function withLoadedNeo4j(
  name: string,
  graph: { entities: readonly Entity[]; relationships: readonly Relationship[] },
  fn: (driver: Driver, pid: number, uri: string) => Promise<void>,
): Promise<void> {
  const home = path.resolve('.neo4j', name);
  await rm(home, { recursive: true, force: true });
  const db = await startLocalNeo4j({ home });
  try {
    const pid = Number((await readFile(path.join(home, 'run', 'pid'), 'utf8')).trim());
    await (await createNeo4jStore({ uri: db.uri })).close();
    const driver = neo4j.driver(db.uri);
    try {
      await bulkLoad(driver, graph.entities, graph.relationships);
      await fn(driver, pid, db.uri);
    } finally {
      await driver.close();
    }
  } finally {
    await db.stop();
  }
}
