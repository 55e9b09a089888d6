/**
 * The fuzz at scale (issue 12): generated documents and editors' writes against the real HTTP
 * server on each store, with a fixed seed, on loopback only. Reads mix documents generated from
 * the schema, broken requests and hostile ones aimed at the limits (cost from variables, deep
 * variables, many aliases, huge `first`). Reports the answers by code and HTTP status, and fails
 * (exit 1) on any INTERNAL, any 5xx, a read that changed the graph, or a refused write that did.
 *
 *   npm run fuzz:scale [-- --documents 10000 --writes 2000 --seed 20251102 --stores embedded,neo4j]
 *
 * The Neo4j run starts its own local Neo4j (scripts/neo4j-local.sh) in a fresh folder and stops it.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import type { GraphStore } from '../src/store/graph-store.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { AS_EDITOR, WRITE_ENV } from './support/credentials.js';
import type { FuzzRequest } from './support/fuzz-documents.js';
import { broke, cheapState, digest, fuzzGenerators, send, Tally, type Answer } from './support/fuzz-run.js';
import { MUTATIONS, type Write } from './support/fuzz-writes.js';
import { startLocalNeo4j, type LocalNeo4j } from './support/local-neo4j.js';
import { startTestServer } from './support/test-server.js';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '10000' },
    writes: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '20251102' },
    stores: { type: 'string', default: 'embedded,neo4j' },
    concurrency: { type: 'string', default: '4' },
  },
});
const DOCUMENTS = Number(values.documents);
const WRITES = Number(values.writes);
const SEED = Number(values.seed);
const CONCURRENCY = Number(values.concurrency);

interface StoreRun {
  store: GraphStore;
  stop: () => Promise<void>;
}

async function openStore(name: string): Promise<StoreRun> {
  const seed = await loadSeed();
  if (name === 'embedded') {
    const store = new MemoryStore();
    await store.loadSeed(seed.entities, seed.relationships);
    return { store, stop: () => store.close() };
  }
  const home = path.resolve('.neo4j', `fuzz-scale-${process.pid}`);
  await rm(home, { recursive: true, force: true });
  const neo4j: LocalNeo4j = await startLocalNeo4j({ home });
  const { createNeo4jStore } = await import('../src/store/neo4j/index.js');
  const store = await createNeo4jStore({ uri: neo4j.uri });
  await store.loadSeed(seed.entities, seed.relationships);
  return {
    store,
    stop: async () => {
      await store.close();
      await neo4j.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Sends `requests` with a few in flight at once; answers are tallied in the order sent. */
async function sendAll(url: string, requests: FuzzRequest[], tally: Tally): Promise<Answer[]> {
  const answers: Answer[] = new Array<Answer>(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      answers[i] = await send(url, requests[i]!);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  for (const a of answers) tally.record(a);
  return answers;
}

const toRequest = (w: Write): FuzzRequest => ({
  kind: 'graphql',
  query: MUTATIONS[w.mutation],
  variables: w.variables,
});

async function fuzzStore(name: string): Promise<{ tally: Tally; problems: string[]; seconds: number }> {
  const started = Date.now();
  const { store, stop } = await openStore(name);
  const api = await startTestServer(store, WRITE_ENV);
  const tally = new Tally();
  const problems: string[] = [];
  try {
    const { documents, writes } = await fuzzGenerators(store);
    const share = (part: number) => Math.round(DOCUMENTS * part);
    const reads = [
      ...fc.sample(documents.operation(), { seed: SEED, numRuns: share(0.7) }),
      ...fc.sample(documents.broken(), { seed: SEED + 1, numRuns: share(0.15) }),
      ...fc.sample(documents.hostile(), { seed: SEED + 5, numRuns: DOCUMENTS - share(0.7) - share(0.15) }),
    ];
    const before = await digest(store);
    for (let i = 0; i < reads.length; i += 500) {
      const answers = await sendAll(api.url, reads.slice(i, i + 500), tally);
      for (const a of answers.filter(broke))
        problems.push(`read answered ${a.status} ${a.codes.join(',')}: ${a.sent.slice(0, 300)}`);
      process.stdout.write(`\r${name}: ${Math.min(i + 500, reads.length)}/${reads.length} documents`);
    }
    if ((await digest(store)) !== before) problems.push('reads changed the graph');
    process.stdout.write('\n');

    const invalid = fc.sample(writes.invalid(), { seed: SEED + 2, numRuns: Math.round(WRITES * 0.4) });
    const plausible = fc.sample(writes.plausible(), { seed: SEED + 3, numRuns: Math.round(WRITES * 0.3) });
    const perturbed = fc.sample(writes.perturbed(), {
      seed: SEED + 4,
      numRuns: WRITES - invalid.length - plausible.length,
    });
    let checked = 0;
    for (const [i, w] of [...invalid, ...plausible, ...perturbed].entries()) {
      const wasInvalid = i < invalid.length;
      const state = await cheapState(store);
      const full = wasInvalid && i % 50 === 0 ? await digest(store) : null;
      const a = await send(api.url, toRequest(w), AS_EDITOR.headers);
      tally.record(a);
      tally.writesSent++;
      const after = await cheapState(store);
      if (broke(a)) problems.push(`write answered ${a.status} ${a.codes.join(',')}: ${a.sent.slice(0, 300)}`);
      if (a.acknowledged) {
        tally.writesAcknowledged++;
        if (wasInvalid) problems.push(`a broken write was acknowledged: ${a.sent.slice(0, 300)}`);
        if (after.audit !== state.audit + 1)
          problems.push(`an acknowledged write left ${after.audit - state.audit} audit entries`);
      } else {
        const same =
          JSON.stringify(after) === JSON.stringify(state) &&
          (full === null || (await digest(store)) === full);
        if (!same) problems.push(`a refused write changed the graph: ${a.sent.slice(0, 300)}`);
        else checked++;
      }
      if (i % 100 === 99) process.stdout.write(`\r${name}: ${i + 1}/${WRITES} writes`);
    }
    tally.invalidWritesUnchanged = checked;
    process.stdout.write('\n');
    if ((await fetch(`${api.url}/health/live`)).status !== 200)
      problems.push('/health/live did not answer 200 afterwards');
  } finally {
    await api.close();
    await stop();
  }
  return { tally, problems, seconds: (Date.now() - started) / 1000 };
}

const sorted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

let failed = false;
console.log(`fuzz at scale: ${DOCUMENTS} documents and ${WRITES} writes per store, seed ${SEED}`);
for (const name of values.stores.split(',')) {
  const { tally, problems, seconds } = await fuzzStore(name.trim());
  const fiveHundreds = Object.entries(tally.byStatus)
    .filter(([s]) => Number(s) >= 500)
    .reduce((n, [, c]) => n + c, 0);
  console.log(`\n## ${name} store (${seconds.toFixed(0)} s)`);
  console.log(
    `requests: ${tally.tried} (${tally.writesSent} writes as an editor, ${tally.writesAcknowledged} acknowledged)`,
  );
  console.log(`by first error code: ${sorted(tally.byCode)}`);
  console.log(`by HTTP status: ${sorted(tally.byStatus)}`);
  console.log(
    `INTERNAL: ${tally.byCode.INTERNAL ?? 0}; 5xx: ${fiveHundreds}; refused writes checked unchanged: ${tally.invalidWritesUnchanged}`,
  );
  for (const p of problems.slice(0, 10)) console.log(`PROBLEM: ${p}`);
  if (problems.length > 0 || (tally.byCode.INTERNAL ?? 0) > 0 || fiveHundreds > 0) failed = true;
}
process.exit(failed ? 1 : 0);
