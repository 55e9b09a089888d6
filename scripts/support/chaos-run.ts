/**
 * The chaos run, shared by `npm run chaos` (scripts/chaos.ts) and its small CI version
 * (tests/chaos.test.ts): editors write through the real HTTP API over a Neo4j of this run's own
 * while the database is stopped and started under them. Afterwards every acknowledged write must be in the
 * graph, none twice, and the audit trail must hold exactly one entry per acknowledged write.
 * While the database is down, writes must fail fast (503 DB_UNAVAILABLE or 504 TIMEOUT), and the
 * API must recover without a restart.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createNeo4jStore } from '../../src/store/neo4j/index.js';
import { loadSeed } from '../../src/store/seed/seed-loader.js';
import { AS_EDITOR, WRITE_ENV } from './credentials.js';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j.js';
import { startTestServer } from './test-server.js';

export interface ChaosOptions {
  /** Concurrent writers (1 = serial, deterministic). */
  writers: number;
  /** Distinct entities written in all. */
  writes: number;
  /** How many times the database is stopped and started. */
  outages: number;
  /** How long each outage lasts, ms (writers keep writing meanwhile). */
  downMs: number;
  /** Stop the database with SIGKILL instead of a clean shutdown. */
  kill: boolean;
  /** Writes attempted (in order) before the first outage, and between outages. */
  writesBetweenOutages: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  attempts: number;
  acknowledged: number;
  /** Writes that failed and were sent again later (same id). */
  retried: number;
  failuresByCode: Record<string, number>;
  /** Slowest refusal while the database was down, ms. */
  slowestFailureMs: number;
  /** Entities with the run's prefix found in the graph afterwards, and how many distinct ids. */
  found: number;
  distinctFound: number;
  /** Acknowledged ids missing from the graph afterwards (must be empty). */
  lost: string[];
  /** Audit entries of the run's writes that changed something, and the ids with more than one such entry (must be empty). */
  auditEntries: number;
  duplicatedAudits: string[];
  /** ms from each restart until the first write acknowledged again. */
  recoveryMs: number[];
  durationMs: number;
}

const UPSERT = `mutation($input: EntityInput!, $note: String!) { upsertEntity(input: $input, note: $note) { entity { id } audit { id } } }`;

interface Outcome {
  ok: boolean;
  code: string;
  ms: number;
}

/** Runs the scenario on a fresh Neo4j in `.neo4j/chaos-<pid>` and returns what it counted; cleans up after itself. */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const home = path.resolve('.neo4j', `chaos-${process.pid}`);
  await rm(home, { recursive: true, force: true });
  let neo4j: LocalNeo4j = await startLocalNeo4j({ home });
  const store = await createNeo4jStore({ uri: neo4j.uri });
  // The real HTTP app, as the test suites start it (no rate limit: the load is one client).
  const api = await startTestServer(store, WRITE_ENV);
  const started = Date.now();
  try {
    const seed = await loadSeed();
    await store.loadSeed(seed.entities, seed.relationships);
    const prefix = `chaos-${process.pid}`;

    const write = async (i: number): Promise<Outcome> => {
      const t = Date.now();
      const input = {
        id: `${prefix}-${i}`,
        kind: 'ORGANIZATION',
        name: `Chaos Org ${i}`,
        description: `written by the chaos run, write ${i}`,
      };
      try {
        const res = await api.gql<{ upsertEntity?: { entity: { id: string } } }>(
          UPSERT,
          { input, note: `chaos write ${i}` },
          AS_EDITOR,
        );
        const body = res.body;
        const ok = res.status === 200 && body.data?.upsertEntity?.entity.id === input.id;
        return {
          ok,
          code: ok ? 'OK' : `${res.status} ${body.errors?.[0]?.extensions?.code ?? '?'}`,
          ms: Date.now() - t,
        };
      } catch {
        return { ok: false, code: 'NETWORK', ms: Date.now() - t };
      }
    };

    const acknowledged = new Set<number>();
    const pending: number[] = [];
    const report: ChaosReport = {
      attempts: 0,
      acknowledged: 0,
      retried: 0,
      failuresByCode: {},
      slowestFailureMs: 0,
      found: 0,
      distinctFound: 0,
      lost: [],
      auditEntries: 0,
      duplicatedAudits: [],
      recoveryMs: [],
      durationMs: 0,
    };
    let next = 0;
    let down = false;
    const attempt = async (i: number): Promise<boolean> => {
      report.attempts++;
      const outcome = await write(i);
      if (outcome.ok) {
        acknowledged.add(i);
        return true;
      }
      report.failuresByCode[outcome.code] = (report.failuresByCode[outcome.code] ?? 0) + 1;
      if (down) report.slowestFailureMs = Math.max(report.slowestFailureMs, outcome.ms);
      pending.push(i);
      // A client backs off a little before its next write.
      await new Promise((r) => setTimeout(r, 100));
      return false;
    };
    /** Writers take fresh ids (and retry failed ones) until `until` says stop. */
    const writeWhile = async (until: () => boolean): Promise<void> => {
      await Promise.all(
        Array.from({ length: options.writers }, async () => {
          while (!until()) {
            const retry = !down ? pending.shift() : undefined;
            if (retry !== undefined) report.retried++;
            const i = retry ?? (next < options.writes ? next++ : undefined);
            if (i === undefined) return;
            await attempt(i);
          }
        }),
      );
    };

    for (let outage = 0; outage <= options.outages; outage++) {
      const target = Math.min(options.writes, next + options.writesBetweenOutages);
      await writeWhile(() => next >= target && pending.length === 0);
      if (outage === options.outages) break;
      log(
        `outage ${outage + 1}: stopping Neo4j${options.kill ? ' (SIGKILL)' : ''} after ${acknowledged.size} acknowledged writes`,
      );
      const port = neo4j.port;
      down = true;
      const stopping = options.kill ? neo4j.kill() : neo4j.stop();
      const until = Date.now() + options.downMs;
      await Promise.all([stopping, writeWhile(() => Date.now() >= until)]);
      await stopping;
      const deadline = Date.now() + options.downMs;
      await writeWhile(() => Date.now() >= deadline);
      neo4j = await startLocalNeo4j({ home, port });
      down = false;
      const restarted = Date.now();
      const before = acknowledged.size;
      while (acknowledged.size === before) {
        const i = pending.shift() ?? next++;
        await attempt(i);
        if (acknowledged.size === before) await new Promise((r) => setTimeout(r, 200));
      }
      report.recoveryMs.push(Date.now() - restarted);
      log(`outage ${outage + 1}: first write acknowledged ${Date.now() - restarted} ms after restart`);
    }
    // Drain: every id that failed is sent again until acknowledged (the database is up now).
    while (pending.length > 0 || next < options.writes)
      await writeWhile(() => pending.length === 0 && next >= options.writes);

    report.acknowledged = acknowledged.size;
    const ids = [...acknowledged].map((i) => `${prefix}-${i}`);
    const found = (await store.getEntities(ids)).filter((e) => e !== null);
    report.lost = ids.filter((_, k) => (found[k] ?? null) === null);
    const listed = await store.listEntities({
      search: 'Chaos Org',
      seek: { limit: options.writes * 2 + 10, backward: false },
    });
    report.found = listed.totalCount;
    report.distinctFound = new Set(listed.items.map((e) => e.id)).size;
    const audits = await store.auditLog({
      actor: 'api-key:alice',
      seek: { limit: options.writes * 4 + 10, backward: false },
    });
    const changedPerId = new Map<string, number>();
    for (const entry of audits.items)
      for (const change of entry.changes) changedPerId.set(change.id, (changedPerId.get(change.id) ?? 0) + 1);
    report.auditEntries = [...changedPerId.values()].reduce((a, b) => a + b, 0);
    report.duplicatedAudits = [...changedPerId].filter(([, n]) => n > 1).map(([id]) => id);
    report.durationMs = Date.now() - started;
    return report;
  } finally {
    await api.close();
    await store.close();
    await neo4j.stop();
    await rm(home, { recursive: true, force: true });
  }
}
