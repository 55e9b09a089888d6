import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
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
 * loopback and streams each export to a client that only counts bytes. Each export runs twice:
 * once timed (bytes, seconds, MB/s, and the process's resident memory sampled every 20 ms, its
 * peak above the settled baseline: mostly garbage V8 has not collected yet, and V8 lets more
 * pile up the larger the live heap, that is the graph), then once collecting garbage every
 * 500 ms, for the most the export kept alive (the heap after a full collection, above the
 * baseline): flat memory means this stays about a page whatever the graph's size. Results in
 * bench/results/export-memory.json.
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
/**
 * One export, drained: bytes, seconds, RSS peak (sampled every 20 ms). With `liveEveryMs`, also
 * collects garbage that often and keeps the largest heap found alive: what the export holds.
 */
async function measure(path: string, liveEveryMs = 0) {
  const baseline = settle();
  let peak = baseline.rss;
  let livePeak = baseline.heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const collector =
    liveEveryMs > 0
      ? setInterval(() => {
          global.gc?.();
          livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
        }, liveEveryMs)
      : undefined;
  const t = performance.now();
  const { status, bytes } = await drain(`${base}/${path}`);
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  clearInterval(collector);
  if (status !== 200) throw new Error(`${path}: HTTP ${status}`);
  return {
    bytes,
    seconds,
    baseline,
    peakRss: Math.max(peak, process.memoryUsage().rss),
    liveAbove: livePeak - baseline.heapUsed,
  };
}

const rows = [];
for (const path of exports) {
  const timed = await measure(path);
  // A second run collecting garbage every 500 ms (slower; only its memory figure is kept).
  const live = await measure(path, 500);
  const row = {
    export: path,
    bytes: timed.bytes,
    seconds: Math.round(timed.seconds * 100) / 100,
    mbPerSecond: Math.round((timed.bytes / MB / timed.seconds) * 10) / 10,
    baselineRssMb: Math.round(timed.baseline.rss / MB),
    peakRssMb: Math.round(timed.peakRss / MB),
    // Mostly garbage not yet collected: V8 lets more pile up the larger the live heap (the graph).
    peakRssAboveBaselineMb: Math.round((timed.peakRss - timed.baseline.rss) / MB),
    heapUsedMb: Math.round(timed.baseline.heapUsed / MB),
    // What the export holds alive at most (heap after a full collection, above the settled baseline).
    liveHeapAboveBaselineMb: Math.round(live.liveAbove / MB),
    // What the exports left behind once garbage is collected.
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
