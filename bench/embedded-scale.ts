import { writeFile, mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { generateGraph } from './synthetic.js';

/*
 * Start-up time and memory of the embedded store per graph size (run with --expose-gc):
 *   node --expose-gc --max-old-space-size=8192 --import @swc-node/register/esm-register bench/embedded-scale.ts --sizes 100000,1000000
 * For each size: generate the graph (not counted), load it into a MemoryStore (timed), drop
 * the generator's arrays, collect garbage and read the V8 heap the store holds; then time
 * 10,000 single-id lookups in process.
 */

const heapMb = () => {
  global.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

async function measure(size: number) {
  const before = heapMb();
  let graph: ReturnType<typeof generateGraph> | null = generateGraph(size, 1);
  const relationships = graph.relationships.length;
  const ids = graph.entities.slice(0, 10_000).map((e) => e.id);
  const started = performance.now();
  const store = new MemoryStore();
  await store.loadSeed(graph.entities, graph.relationships);
  const loadMs = performance.now() - started;
  graph = null;
  const storeMb = heapMb() - before;
  const t = performance.now();
  for (const id of ids) await store.getEntities([id]);
  const lookupUs = ((performance.now() - t) / ids.length) * 1000;
  const t2 = performance.now();
  for (const id of ids) await store.relationshipsOf([id], { direction: 'BOTH' });
  const relationshipsUs = ((performance.now() - t2) / ids.length) * 1000;
  const perMillion = 1_000_000 / relationships;
  return {
    relationships,
    loadMs: Math.round(loadMs),
    heapMb: Math.round(storeMb),
    loadSecondsPerMillion: Math.round((loadMs / 1000) * perMillion * 10) / 10,
    heapMbPerMillion: Math.round(storeMb * perMillion),
    lookupMicroseconds: Math.round(lookupUs * 10) / 10,
    relationshipsOfMicroseconds: Math.round(relationshipsUs * 10) / 10,
    load1: Math.round(loadavg()[0]! * 100) / 100,
  };
}

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100000,1000000' } } });
const rows = [];
for (const size of values.sizes.split(',').map(Number)) {
  const row = await measure(size);
  rows.push(row);
  process.stdout.write(`${JSON.stringify(row)}\n`);
}
await mkdir('bench/results', { recursive: true });
await writeFile(
  'bench/results/embedded-scale.json',
  JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2) + '\n',
);
