import { readFile } from 'node:fs/promises';

/*
 * Markdown tables from bench/results/<graph>.json (for the README). Each cell: req/s (min-max over
 * the rounds) · p50 / p99 ms · p99 at one connection · statements per request · CPU ms per request
 * in the server + in Neo4j; all medians over the rounds. Files written before rounds existed (one
 * number per figure) print the same cells without spreads:
 *   node --import @swc-node/register/esm-register bench/report.ts bench/results/10000.json
 */

interface Spread {
  median: number;
  min: number;
  max: number;
}
type Figure = Spread | number | null | undefined;

interface Row {
  rps: Figure;
  p50: Figure;
  p99: Figure;
  p99At1?: Figure;
  roundTrips: number;
  rssMb: number;
  serverCpuMs: Figure;
  neo4jCpuMs: Figure;
}

const CONTESTANTS = ['ours-neo4j', 'neo4j-graphql', 'raw', 'ours-embedded', 'ours-cached', 'bare'];
const median = (f: Figure): string =>
  f === null || f === undefined ? '-' : typeof f === 'number' ? `${f}` : `${f.median}`;
const withSpread = (f: Figure): string =>
  f !== null && typeof f === 'object' && f.min !== f.max ? `${f.median} (${f.min}-${f.max})` : median(f);
const cpu = (f: Row) =>
  f.serverCpuMs === null || f.serverCpuMs === undefined
    ? ''
    : ` · ${median(f.serverCpuMs)} + ${median(f.neo4jCpuMs)}`;
const cell = (f?: Row) =>
  f
    ? `${withSpread(f.rps)} · ${median(f.p50)} / ${median(f.p99)}${f.p99At1 === undefined ? '' : ` · ${median(f.p99At1)}`} · ${f.roundTrips}${cpu(f)}`
    : '—';
const ratio = (v: unknown) => (typeof v === 'number' ? `${v}×` : '—');

for (const file of process.argv.slice(2)) {
  const run = JSON.parse(await readFile(file, 'utf8')) as { results: Record<string, unknown>[] };
  const contestants = CONTESTANTS.filter((c) => run.results.some((r) => r[c]));
  const lines = [
    `| query | ${contestants.join(' | ')} | ours/@neo4j/graphql req/s | ours/raw req/s | ours/raw CPU | ours/raw p99 at 1 connection | cached/bare CPU (server; with Neo4j) | load |`,
    `|---|${contestants.map(() => '---').join('|')}|---|---|---|---|---|---|`,
  ];
  for (const r of run.results) {
    const cells = contestants.map((c) => cell(r[c] as Row | undefined));
    lines.push(
      `| ${String(r.query)} | ${cells.join(' | ')} | ${ratio(r.oursOverNeo4jGraphql)} | ${ratio(r.oursOverRaw)} | ${ratio(r.cpuOursOverRaw)} | ${ratio(r.p99At1OursOverRaw)} | ${ratio(r.cpuCachedOverBare)}; ${ratio(r.totalCpuCachedOverBare)} | ${String(r.load1)} |`,
    );
  }
  const rss = contestants
    .map((c) => `${c} ${Math.max(...run.results.map((r) => (r[c] as Row | undefined)?.rssMb ?? 0))} MB`)
    .join(', ');
  process.stdout.write(`${lines.join('\n')}\n\nServer RSS (largest seen): ${rss}.\n\n`);
}
