/**
 * Chaos run: editors write through the real HTTP API over a Neo4j of this run's own while the
 * database is stopped and started under them. Afterwards every acknowledged write must be in the
 * graph, none twice, and the audit trail must hold exactly one entry per acknowledged write.
 * While the database is down, writes must fail fast (503 DB_UNAVAILABLE or 504 TIMEOUT), and the
 * API must recover without a restart.
 *
 *   npm run chaos -- [--writers 8] [--writes 400] [--outages 3] [--down-ms 4000] [--kill]
 *
 * `tests/chaos.test.ts` runs a small, serial, deterministic version in CI.
 */
import { parseArgs } from 'node:util';
import { runChaos } from './support/chaos-run.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      writers: { type: 'string', default: '8' },
      writes: { type: 'string', default: '400' },
      outages: { type: 'string', default: '3' },
      'down-ms': { type: 'string', default: '4000' },
      kill: { type: 'boolean', default: false },
    },
  });
  const writes = Number(values.writes);
  const outages = Number(values.outages);
  const report = await runChaos({
    writers: Number(values.writers),
    writes,
    outages,
    downMs: Number(values['down-ms']),
    kill: values.kill,
    writesBetweenOutages: Math.max(1, Math.floor(writes / (outages + 1))),
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(report, null, 2));
  const ok =
    report.lost.length === 0 &&
    report.duplicatedAudits.length === 0 &&
    report.found === report.distinctFound &&
    report.found === writes;
  console.log(ok ? 'chaos: every acknowledged write present once, none lost' : 'chaos: FAILED');
  process.exitCode = ok ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
