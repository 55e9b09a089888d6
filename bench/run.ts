import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { canonicalJson } from '../src/store/records.js';
import { createNeo4jStore } from '../src/store/neo4j/index.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { freePort } from '../scripts/support/local-neo4j.js';
import { bulkLoad } from './load.js';
import {
  BENCH_API_KEY,
  oursRequestBody,
  queryMix,
  SEED_PROBES,
  type BenchQuery,
  type QueryName,
} from './queries.js';
import { generateGraph } from './synthetic.js';

/*
 * npm run bench -- [--graphs seed,10000,100000] [--duration 10] [--rounds 3] [--latency-duration 5]
 *                   [--connections 8] [--seed 1] [--smoke] [--warmup 60] [--window-warmup 0]
 *                   [--queries lookup,nested] [--contestants raw,ours-embedded] [--cpu-prof bench/profiles]
 *
 * For each graph: a fresh local Neo4j of its own (heap and page cache sized to the graph), the
 * graph loaded, the contestants (bench/contestant.ts) started as processes, every answer checked against ours
 * (the run fails on any difference or error), round trips per request counted, then each
 * query under autocannon: --rounds alternating rounds (each starting with the next contestant),
 * each a --duration load at --connections (throughput) and a --latency-duration load at one
 * connection (latency); the figures are the median and the spread (min-max) over the rounds. --smoke checks
 * and loads for 1 s only; it fails on wrong answers and errors, never on timings. --queries and
 * --contestants run a subset (ours-neo4j always runs: answers are checked against it); --cpu-prof
 * has every contestant write a V8 CPU profile into that folder when it stops (for profiling, not
 * for figures: the profiler slows the server). BENCH_NODE_FLAGS adds Node flags to every contestant.
 * --warmup: seconds of load, spread over the mix and the contestants on Neo4j, before the first
 * query is measured: Neo4j's JVM needs tens of thousands of statements to reach its steady CPU
 * per statement, and without it the first query measured (lookup) paid for that. --window-warmup:
 * seconds of unmeasured load on each contestant right before each of its measured windows.
 */

const CONTESTANTS = ['ours-neo4j', 'neo4j-graphql', 'raw', 'ours-embedded', 'ours-cached', 'bare'] as const;
type Contestant = (typeof CONTESTANTS)[number];

interface Running {
  name: Contestant;
  url: string;
  child: ChildProcess;
  info: Record<string, unknown>;
}

/** Neo4j memory per graph size: everything in the page cache, a heap for the traversals. */
function neo4jMemory(relationships: number): { heap: string; pagecache: string } {
  if (relationships <= 20_000) return { heap: '512m', pagecache: '256m' };
  if (relationships <= 200_000) return { heap: '1g', pagecache: '512m' };
  return { heap: '2g', pagecache: '2g' };
}

/** scripts/neo4j-local.sh with the given arguments; resolves with its stdout's last line. */
function neo4jLocal(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', ['scripts/neo4j-local.sh', ...args], (error, stdout, stderr) =>
      error
        ? reject(new Error(`neo4j-local.sh ${args[0]}: ${stderr}`))
        : resolve(stdout.trim().split('\n').pop() ?? ''),
    );
  });
}

function startContestant(name: Contestant, env: NodeJS.ProcessEnv, cpuProf?: string): Promise<Running> {
  const profile = cpuProf ? ['--cpu-prof', '--cpu-prof-dir', path.join(cpuProf, name)] : [];
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [
      ...profile,
      ...flags,
      '--expose-gc',
      '--max-old-space-size=6144',
      '--import',
      '@swc-node/register/esm-register',
      'bench/contestant.ts',
      name,
    ],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ready (\d+) (.*)\n/.exec(out);
      if (m)
        resolve({
          name,
          url: `http://127.0.0.1:${m[1]}`,
          child,
          info: JSON.parse(m[2]!) as Record<string, unknown>,
        });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
  });
}

/** The request a contestant gets for one query and variable set. */
function request(
  c: Running,
  q: BenchQuery,
  variables: Record<string, unknown>,
): { path: string; body: string; headers: Record<string, string> } | null {
  const headers = { 'content-type': 'application/json' };
  if (c.name === 'raw') return { path: '/raw', body: JSON.stringify({ name: q.name, variables }), headers };
  if (c.name === 'neo4j-graphql')
    return q.neo4jGraphql
      ? { path: '/graphql', body: JSON.stringify({ query: q.neo4jGraphql, variables }), headers }
      : null;
  if (c.name === 'ours-cached')
    return {
      path: '/graphql',
      body: oursRequestBody(q, variables),
      headers: { ...headers, authorization: `Bearer ${BENCH_API_KEY}` },
    };
  return { path: '/graphql', body: oursRequestBody(q, variables), headers };
}

async function ask(c: Running, q: BenchQuery, variables: Record<string, unknown>): Promise<unknown> {
  const r = request(c, q, variables)!;
  const res = await fetch(c.url + r.path, { method: 'POST', headers: r.headers, body: r.body });
  const json = (await res.json()) as { data?: unknown; errors?: unknown };
  if (json.errors || res.status !== 200)
    throw new Error(
      `${c.name} ${q.name} ${JSON.stringify(variables)}: HTTP ${res.status} ${JSON.stringify(json.errors)}`,
    );
  return c.name === 'neo4j-graphql' ? q.fromNeo4jGraphql!(json.data) : json.data;
}

async function stats(c: Running): Promise<{ statements: number; rssMb: number }> {
  return (await (await fetch(`${c.url}/bench/stats`)).json()) as { statements: number; rssMb: number };
}

/** Every contestant's answer equals ours on Neo4j, for every variable set; returns round trips per request. */
async function check(running: Running[], q: BenchQuery): Promise<Record<string, number>> {
  const trips: Record<string, number> = {};
  const ours = running.find((c) => c.name === 'ours-neo4j')!;
  const expected = await Promise.all(q.variables.map((v) => ask(ours, q, v).then(canonicalJson)));
  for (const c of running) {
    if (!request(c, q, q.variables[0]!)) continue;
    const before = (await stats(c)).statements;
    // The cached tier is asked twice: its first answer is computed, the second comes from its cache.
    for (let pass = 0; pass < (c.name === 'ours-cached' ? 2 : 1); pass++)
      for (const [i, v] of q.variables.entries()) {
        const got = canonicalJson(await ask(c, q, v));
        if (got !== expected[i])
          throw new Error(
            `${c.name} ${q.name} ${JSON.stringify(v)} differs from ours:\n ours: ${expected[i]!.slice(0, 600)}\n ${c.name}: ${got.slice(0, 600)}`,
          );
      }
    trips[c.name] = ((await stats(c)).statements - before) / q.variables.length;
  }
  return trips;
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); null elsewhere. */
async function cpuMs(pid: number | undefined): Promise<number | null> {
  if (!pid) return null;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return null;
  }
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  rssMb: number;
  /** CPU ms per request spent in the contestant's process and in Neo4j (what the 2 shared cores pay for each answer). */
  serverCpuMs: number | null;
  neo4jCpuMs: number | null;
}

/** A figure over the rounds: the median (what targets are judged on) and the spread. */
interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(values: (number | null)[]): Spread | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = known.length >> 1;
  const median = known.length % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
  // To the µs: a cached hit costs a few hundredths of a millisecond, too few digits at 0.01.
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { median: r(median), min: r(known[0]!), max: r(known.at(-1)!) };
}

/** One contestant's figures for one query over every round. */
interface Summary {
  rounds: number;
  rps: Spread;
  p50: Spread;
  p99: Spread;
  /** p99 with one connection (latency, not throughput). */
  p99At1: Spread | null;
  serverCpuMs: Spread | null;
  neo4jCpuMs: Spread | null;
  /** Server + Neo4j CPU ms per request, summed per round. */
  totalCpuMs: Spread | null;
  requests: number;
  rssMb: number;
  roundTrips: number;
}

function summarise(rounds: Figures[], latency: Figures[], roundTrips: number): Summary {
  const of = (k: keyof Figures, from = rounds) => spread(from.map((f) => f[k]));
  return {
    rounds: rounds.length,
    rps: of('rps')!,
    p50: of('p50')!,
    p99: of('p99')!,
    p99At1: latency.length ? of('p99', latency) : null,
    serverCpuMs: of('serverCpuMs'),
    neo4jCpuMs: of('neo4jCpuMs'),
    totalCpuMs: spread(
      rounds.map((f) =>
        f.serverCpuMs === null || f.neo4jCpuMs === null ? null : f.serverCpuMs + f.neo4jCpuMs,
      ),
    ),
    requests: rounds.reduce((n, f) => n + f.requests, 0),
    rssMb: Math.max(...rounds.map((f) => f.rssMb)),
    roundTrips,
  };
}

async function load(
  c: Running,
  q: BenchQuery,
  duration: number,
  connections: number,
  neo4jPid?: number,
): Promise<Figures> {
  let bad = 0;
  const requests = q.variables.map((v) => ({
    method: 'POST' as const,
    ...request(c, q, v)!,
    onResponse: (status: number, body: string) => {
      if (status !== 200 || body.includes('"errors"')) bad++;
    },
  }));
  const [server0, neo4j0] = [await cpuMs(c.child.pid), await cpuMs(neo4jPid)];
  const result = await autocannon({ url: c.url, connections, duration, requests });
  const [server1, neo4j1] = [await cpuMs(c.child.pid), await cpuMs(neo4jPid)];
  const perRequest = (a: number | null, b: number | null) =>
    a === null || b === null || result.requests.total === 0
      ? null
      : Math.round(((b - a) / result.requests.total) * 1000) / 1000;
  const s = await stats(c);
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: bad + result.errors + result.timeouts + result.non2xx,
    rssMb: s.rssMb,
    serverCpuMs: perRequest(server0, server1),
    neo4jCpuMs: perRequest(neo4j0, neo4j1),
  };
}

const load1 = () => Math.round(loadavg()[0]! * 100) / 100;

interface Options {
  duration: number;
  /** Seconds of load spread over the Neo4j contestants and the mix before anything is measured (the JVM's warm-up). */
  warmup: number;
  /** Seconds of unmeasured load on a contestant right before each of its measured windows. */
  windowWarmup: number;
  /** Seconds of the 1-connection (latency) load per round. */
  latencyDuration: number;
  /** Alternating rounds per query; figures are the median and the spread (min-max) over them. */
  rounds: number;
  connections: number;
  seed: number;
  smoke: boolean;
  queries: QueryName[] | null;
  contestants: readonly Contestant[];
  cpuProf: string | undefined;
}

async function runGraph(graph: string, opts: Options) {
  const log = (line: string) => process.stdout.write(`[${graph}] ${line}\n`);
  const data =
    graph === 'seed'
      ? { ...(await loadSeed()), probes: SEED_PROBES }
      : generateGraph(Number(graph), opts.seed);
  const relationships = data.relationships.length;
  const memory = neo4jMemory(relationships);
  const home = path.resolve('.neo4j', `bench-${graph}`);
  await rm(home, { recursive: true, force: true });
  log(
    `${data.entities.length} entities, ${relationships} relationships; starting Neo4j (heap ${memory.heap}, page cache ${memory.pagecache})`,
  );
  const uri = await neo4jLocal([
    'start',
    '--home',
    home,
    '--port',
    String(await freePort()),
    '--heap',
    memory.heap,
    '--pagecache',
    memory.pagecache,
  ]);
  const db = { uri, stop: () => neo4jLocal(['stop', '--home', home]) };
  const neo4jPid =
    Number((await readFile(path.join(home, 'run', 'pid'), 'utf8').catch(() => '')).trim()) || undefined;
  const running: Running[] = [];
  try {
    const store = await createNeo4jStore({ uri: db.uri });
    const started = performance.now();
    const driver = neo4j.driver(db.uri);
    await bulkLoad(driver, data.entities, data.relationships).finally(() => driver.close());
    const neo4jLoadMs = Math.round(performance.now() - started);
    const counted = await store.stats();
    await store.close();
    log(
      `loaded into Neo4j in ${neo4jLoadMs} ms (${counted.entities} entities, ${counted.relationships} relationships)`,
    );
    const env = { NEO4J_URI: db.uri, GRAPH: graph, GRAPH_SEED: String(opts.seed) };
    for (const name of opts.contestants) running.push(await startContestant(name, env, opts.cpuProf));
    const embedded = running.find((c) => c.name === 'ours-embedded')?.info ?? null;
    log(`contestants ready; embedded store: ${JSON.stringify(embedded)}`);
    const mix = queryMix(data.probes).filter((q) => !opts.queries || opts.queries.includes(q.name));
    // Neo4j's JVM compiles its hot paths over its first tens of thousands of statements; until
    // then a statement costs it several times its steady CPU (bench/profile-lookup.ts). Warm it
    // on the whole mix first, so the first query measured (lookup) does not pay for it.
    const onNeo4j = running.filter((c) => c.name !== 'ours-embedded');
    const slice = Math.max(1, Math.round(opts.warmup / Math.max(1, mix.length * onNeo4j.length)));
    if (opts.warmup > 0)
      for (const q of mix)
        for (const c of onNeo4j)
          if (request(c, q, q.variables[0]!)) await load(c, q, slice, opts.connections);
    const results: Record<string, unknown>[] = [];
    for (const [qi, q] of mix.entries()) {
      const trips = await check(running, q);
      const contestants = running.filter((c) => request(c, q, q.variables[0]!));
      const measured = new Map<Contestant, { rounds: Figures[]; latency: Figures[] }>(
        contestants.map((c) => [c.name, { rounds: [], latency: [] }]),
      );
      for (const c of contestants) await load(c, q, 1, opts.connections); // warm-up
      for (let round = 0; round < opts.rounds; round++) {
        // Alternate: each round of each query starts with the next contestant, and every other
        // round goes the other way round, so no contestant always runs right after the same one
        // (a rotation alone keeps every contestant's predecessor).
        const rotated = contestants.map((_, i) => contestants[(i + qi + round) % contestants.length]!);
        const order = round % 2 === 1 ? rotated.reverse() : rotated;
        for (const c of order) {
          // A process idle while the others ran (up to a minute with six contestants) starts cold.
          if (opts.windowWarmup > 0) await load(c, q, opts.windowWarmup, opts.connections);
          const figures = await load(c, q, opts.duration, opts.connections, neo4jPid);
          const latency = opts.latencyDuration > 0 ? await load(c, q, opts.latencyDuration, 1) : undefined;
          for (const f of [figures, latency])
            if (f && f.errors > 0)
              throw new Error(`${c.name} ${q.name}: ${f.errors} failed responses under load`);
          measured.get(c.name)!.rounds.push(figures);
          if (latency) measured.get(c.name)!.latency.push(latency);
        }
      }
      const rows: Record<string, Summary> = {};
      for (const c of contestants) {
        const m = measured.get(c.name)!;
        rows[c.name] = summarise(m.rounds, m.latency, Math.round(trips[c.name]! * 100) / 100);
      }
      const ratio = (a?: Spread | null, b?: Spread | null) =>
        a && b && b.median > 0 ? Math.round((a.median / b.median) * 100) / 100 : null;
      const ours = rows['ours-neo4j'];
      results.push({
        query: q.name,
        load1: load1(),
        ...rows,
        oursOverNeo4jGraphql: ratio(ours?.rps, rows['neo4j-graphql']?.rps),
        oursOverRaw: ratio(ours?.rps, rows.raw?.rps),
        cpuOursOverRaw: ratio(ours?.totalCpuMs, rows.raw?.totalCpuMs),
        p99OursOverRaw: ratio(ours?.p99, rows.raw?.p99),
        p99At1OursOverRaw: ratio(ours?.p99At1, rows.raw?.p99At1),
        cpuCachedOverBare: ratio(rows['ours-cached']?.serverCpuMs, rows.bare?.serverCpuMs),
        totalCpuCachedOverBare: ratio(rows['ours-cached']?.totalCpuMs, rows.bare?.totalCpuMs),
      });
      log(
        `${q.name}: answers equal; ${Object.entries(rows)
          .map(
            ([n, r]) =>
              `${n} ${r.rps.median} rps (${r.rps.min}-${r.rps.max}) p99 ${r.p99.median} ms, at 1 conn ${r.p99At1?.median ?? '-'} ms, trips ${r.roundTrips}`,
          )
          .join(' | ')}`,
      );
    }
    return {
      graph,
      entities: counted.entities,
      relationships: counted.relationships,
      neo4j: { ...memory, loadMs: neo4jLoadMs },
      embedded,
      results,
    };
  } finally {
    for (const c of running) c.child.kill('SIGTERM');
    await db.stop();
    await rm(home, { recursive: true, force: true });
  }
}

function table(run: Awaited<ReturnType<typeof runGraph>>): string {
  const lines = [
    `graph ${run.graph}: ${run.entities} entities, ${run.relationships} relationships (medians over rounds)`,
  ];
  lines.push(
    'query               contestant      req/s   p50 ms  p99 ms  p99@1 ms  trips  RSS MB  CPU ms/req server + Neo4j',
  );
  const m = (s: Spread | null | undefined) => (s ? String(s.median) : '-');
  for (const r of run.results) {
    for (const name of CONTESTANTS) {
      const f = r[name] as Summary | undefined;
      if (!f) continue;
      lines.push(
        `${String(r.query).padEnd(20)}${name.padEnd(14)}${m(f.rps).padStart(7)}${m(f.p50).padStart(9)}${m(f.p99).padStart(8)}${m(f.p99At1).padStart(10)}${String(f.roundTrips).padStart(7)}${String(f.rssMb).padStart(8)}  ${m(f.serverCpuMs)} + ${m(f.neo4jCpuMs)}`,
      );
    }
    const x = (v: unknown) => (typeof v === 'number' ? `${v}x` : '-');
    lines.push(
      `${''.padEnd(20)}ours/@neo4j/graphql ${x(r.oursOverNeo4jGraphql)} req/s, ours/raw ${x(r.oursOverRaw)} req/s, CPU ours/raw ${x(r.cpuOursOverRaw)}, p99@1 ours/raw ${x(r.p99At1OursOverRaw)}, server CPU cached/bare ${x(r.cpuCachedOverBare)} (with Neo4j ${x(r.totalCpuCachedOverBare)})`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      graphs: { type: 'string', default: 'seed,10000' },
      duration: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '60' },
      'window-warmup': { type: 'string', default: '0' },
      'latency-duration': { type: 'string' },
      connections: { type: 'string', default: '8' },
      seed: { type: 'string', default: '1' },
      smoke: { type: 'boolean', default: false },
      queries: { type: 'string' },
      contestants: { type: 'string', default: CONTESTANTS.join(',') },
      'cpu-prof': { type: 'string' },
    },
  });
  const contestants = CONTESTANTS.filter(
    (c) => c === 'ours-neo4j' || values.contestants.split(',').includes(c),
  );
  const queries = values.queries ? (values.queries.split(',') as QueryName[]) : null;
  const opts: Options = {
    duration: values.smoke ? 1 : Number(values.duration),
    warmup: values.smoke ? 0 : Number(values.warmup),
    windowWarmup: values.smoke ? 0 : Number(values['window-warmup']),
    rounds: values.smoke ? 1 : Math.max(1, Number(values.rounds)),
    latencyDuration: values.smoke
      ? 1
      : Number(values['latency-duration'] ?? Math.max(1, Math.round(Number(values.duration) / 2))),
    connections: Number(values.connections),
    seed: Number(values.seed),
    smoke: values.smoke,
    queries,
    contestants,
    cpuProf: values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined,
  };
  const partial = queries !== null || contestants.length < CONTESTANTS.length;
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    note: 'load generator, contestant servers and Neo4j share these cores',
  };
  for (const graph of values.graphs.split(',')) {
    const loadBefore = load1();
    const run = await runGraph(graph, opts);
    const out = {
      date: new Date().toISOString(),
      machine,
      loadAverageBefore: loadBefore,
      loadAverageAfter: load1(),
      ...opts,
      ...run,
    };
    process.stdout.write(
      `\n${table(run)}\n(load average before ${loadBefore}, after ${out.loadAverageAfter}; ${machine.cpus} cores shared by autocannon, the servers and Neo4j)\n\n`,
    );
    if (!opts.smoke && !opts.cpuProf) {
      // A run of some queries or contestants never overwrites a full run's figures.
      await mkdir('bench/results', { recursive: true });
      await writeFile(
        `bench/results/${graph}${partial ? '-partial' : ''}.json`,
        JSON.stringify({ ...out, queries: opts.queries ?? 'all', contestants: opts.contestants }, null, 2) +
          '\n',
      );
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
