import { readFile } from 'node:fs/promises';

/*
 * Markdown tables from bench/results/<graph>.json (for the README):
 *   node --import @swc-node/register/esm-register bench/report.ts bench/results/10000.json
 */

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  roundTrips: number;
  rssMb: number;
}

const CONTESTANTS = ['ours-neo4j', 'neo4j-graphql', 'raw', 'ours-embedded'];
const cell = (f?: Figures) => (f ? `${f.rps} · ${f.p50} / ${f.p99} · ${f.roundTrips}` : '—');
const ratio = (v: unknown) => (typeof v === 'number' ? `${v}×` : '—');

for (const file of process.argv.slice(2)) {
  const run = JSON.parse(await readFile(file, 'utf8')) as { results: Record<string, unknown>[] };
  const lines = [
    `| query | ${CONTESTANTS.join(' | ')} | ours/@neo4j/graphql req/s | ours/raw req/s | ours/raw p99 | load |`,
    `|---|${CONTESTANTS.map(() => '---').join('|')}|---|---|---|---|`,
  ];
  for (const r of run.results) {
    const cells = CONTESTANTS.map((c) => cell(r[c] as Figures | undefined));
    lines.push(`| ${String(r.query)} | ${cells.join(' | ')} | ${ratio(r.oursOverNeo4jGraphql)} | ${ratio(r.oursOverRaw)} | ${ratio(r.p99OursOverRaw)} | ${String(r.load1)} |`);
  }
  const rss = CONTESTANTS.map((c) => `${c} ${Math.max(...run.results.map((r) => (r[c] as Figures | undefined)?.rssMb ?? 0))} MB`).join(', ');
  process.stdout.write(`${lines.join('\n')}\n\nServer RSS (largest seen): ${rss}.\n\n`);
}
