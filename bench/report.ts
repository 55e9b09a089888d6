import { readFile } from 'node:fs/promises';

/*
 * Markdown tables from bench/results/<graph>.json (for the README). Each cell: req/s · p50 / p99 ms ·
 * statements per request · CPU ms per request in the server + in Neo4j:
 *   node --import @swc-node/register/esm-register bench/report.ts bench/results/10000.json
 */

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  roundTrips: number;
  rssMb: number;
  serverCpuMs: number | null;
  neo4jCpuMs: number | null;
}

const CONTESTANTS = ['ours-neo4j', 'neo4j-graphql', 'raw', 'ours-embedded'];
const cpu = (f: Figures) =>
  f.serverCpuMs === null || f.serverCpuMs === undefined ? '' : ` · ${f.serverCpuMs} + ${f.neo4jCpuMs ?? '-'}`;
const cell = (f?: Figures) => (f ? `${f.rps} · ${f.p50} / ${f.p99} · ${f.roundTrips}${cpu(f)}` : '—');
const ratio = (v: unknown) => (typeof v === 'number' ? `${v}×` : '—');

for (const file of process.argv.slice(2)) {
  const run = JSON.parse(await readFile(file, 'utf8')) as { results: Record<string, unknown>[] };
  const contestants = CONTESTANTS.filter((c) => run.results.some((r) => r[c]));
  const lines = [
    `| query | ${contestants.join(' | ')} | ours/@neo4j/graphql req/s | ours/raw req/s | ours/raw p99 | load |`,
    `|---|${contestants.map(() => '---').join('|')}|---|---|---|---|`,
  ];
  for (const r of run.results) {
    const cells = contestants.map((c) => cell(r[c] as Figures | undefined));
    lines.push(
      `| ${String(r.query)} | ${cells.join(' | ')} | ${ratio(r.oursOverNeo4jGraphql)} | ${ratio(r.oursOverRaw)} | ${ratio(r.p99OursOverRaw)} | ${String(r.load1)} |`,
    );
  }
  const rss = contestants
    .map((c) => `${c} ${Math.max(...run.results.map((r) => (r[c] as Figures | undefined)?.rssMb ?? 0))} MB`)
    .join(', ');
  process.stdout.write(`${lines.join('\n')}\n\nServer RSS (largest seen): ${rss}.\n\n`);
}
