import { describe, expect, it } from 'vitest';
import { runChaos } from '../scripts/support/chaos-run.js';

/*
 * The database stopped under a write load, small, serial and deterministic (the full concurrent
 * version is `npm run chaos`): on a Neo4j of this test's own, writes go through the HTTP API, the
 * database is stopped mid-run and started again, and failed writes are sent again.
 */
describe('Neo4j stopped during writes', () => {
  it(
    'keeps every acknowledged write, once; fails fast while down; recovers without a restart',
    { timeout: 300_000 },
    async () => {
      const report = await runChaos({
        writers: 1,
        writes: 30,
        outages: 1,
        downMs: 1500,
        kill: false,
        writesBetweenOutages: 12,
      });
      expect(report.acknowledged).toBe(30);
      expect(report.lost).toEqual([]);
      expect(report.found).toBe(30);
      expect(report.distinctFound).toBe(30);
      expect(report.auditEntries).toBe(30);
      expect(report.duplicatedAudits).toEqual([]);
      // Refusals while down carry the documented codes only (never INTERNAL or a bare 500)...
      expect(Object.keys(report.failuresByCode).length).toBeGreaterThan(0);
      for (const code of Object.keys(report.failuresByCode))
        expect(['503 DB_UNAVAILABLE', '504 TIMEOUT']).toContain(code);
      // ...and come back in seconds, not after a hang.
      expect(report.slowestFailureMs).toBeLessThan(10_000);
      expect(report.recoveryMs).toHaveLength(1);
    },
  );
});
