import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { generateGraph } from './synthetic.js';

/*
 * Memory and speed of the exports on a large embedded graph (`npm run bench:export`, with
 * `-- --relationships N`, default 1,000,000): generates the synthetic graph, loads it into a
 * MemoryStore, drops the generator's arrays and collects garbage, then serves the real app on
 * loopback and streams each export to a client that only counts bytes. For each export: bytes,
 * seconds, MB/s, and the process's resident memory (RSS) sampled every 20 ms, its peak above
 * the settled baseline before that export (the graph itself is in the baseline: the exports
 * must not add to it in proportion to its size; how much garbage V8 lets pile up before it
 * collects grows with the live heap, though), the V8 heap found alive after each full
 * collection during the export (its peak above the baseline is what the export held), and the
 * heap before and after it once garbage is collected. Results in bench/results/export-memory.json.
 */

const { values } = parseArgs({
  options: {
    relationships: { type: 'string', default: '1000000' },
    out: { type: 'string', default: 'bench/results/export-memory.json' },
  },
});
const target = Number(values.relationships);
const MB = 2 ** 20;

const settle = () => {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage();
};

/** GETs `url`, counting the body's bytes and nothing else; resolves with the count and the status. */
function drain(url: string): Promise<{ status: number; bytes: number; type: string }> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: a kept-alive one may be closed by the server while the bench collects garbage.
    get(url, { agent: false }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, bytes, type: String(res.headers['content-type']) }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}

const started = performance.now();
let graph: ReturnType<typeof generateGraph> | null = generateGraph(target, 1);
const around = graph.probes.companies[0]!;
const store = new MemoryStore();
await store.loadSeed(graph.entities, graph.relationships);
graph = null;
const stats = await store.stats();
const loadSeconds = (performance.now() - started) / 1000;
// The embedded store sorts its entity list on the first list read after entities change: once, not per export.
const sorting = performance.now();
await store.listEntities({ seek: { limit: 1, backward: false } });
const sortSeconds = (performance.now() - sorting) / 1000;
console.log(
  `graph: ${stats.entities} entities, ${stats.relationships} relationships (generated and loaded in ${loadSeconds.toFixed(1)} s; entity list sorted in ${sortSeconds.toFixed(1)} s)`,
);

const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
const { app, apollo } = await createApp(store, config, pino({ level: 'silent' }));
const server = createServer(app);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/export`;

const exports = [
  'graph.graphml',
  'nodes.csv',
  'edges.csv',
  'graph.jsonld',
  `graph.graphml?around=${around}&depth=2`,
];
const rows = [];
for (const path of exports) {
  const baseline = settle();
  let peak = baseline.rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  // The heap right after each full collection: what is alive then (the graph, and whatever the export holds).
  let livePeak = baseline.heapUsed;
  let majorGcs = 0;
  const gcs = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        majorGcs++;
        livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
      }
  });
  gcs.observe({ entryTypes: ['gc'] });
  const t = performance.now();
  const { status, bytes } = await drain(`${base}/${path}`);
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  gcs.disconnect();
  peak = Math.max(peak, process.memoryUsage().rss);
  if (status !== 200) throw new Error(`${path}: HTTP ${status}`);
  const row = {
    export: path,
    bytes,
    seconds: Math.round(seconds * 100) / 100,
    mbPerSecond: Math.round((bytes / MB / seconds) * 10) / 10,
    baselineRssMb: Math.round(baseline.rss / MB),
    peakRssMb: Math.round(peak / MB),
    peakAboveBaselineMb: Math.round((peak - baseline.rss) / MB),
    heapUsedMb: Math.round(baseline.heapUsed / MB),
    majorGcs,
    liveHeapPeakAboveBaselineMb: Math.round((livePeak - baseline.heapUsed) / MB),
    // What the export left behind once garbage is collected (nothing, if it held no more than pages).
    heapAfterMb: Math.round(settle().heapUsed / MB),
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}

await new Promise<void>((resolve) => server.close(() => resolve()));
await apollo.stop();
await mkdir('bench/results', { recursive: true });
await writeFile(
  values.out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      load1: Math.round(loadavg()[0]! * 100) / 100,
      entities: stats.entities,
      relationships: stats.relationships,
      sortSeconds: Math.round(sortSeconds * 100) / 100,
      rows,
    },
    null,
    2,
  ) + '\n',
);
