import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import neo4j, { type Driver, type ResultSummary } from 'neo4j-driver';
import { ENTITY_ATTRIBUTE_NAMES } from '../src/domain/entity.js';
import { createNeo4jStore } from '../src/store/neo4j/index.js';
import { GET_ENTITIES } from '../src/store/neo4j/entities.queries.js';
import { relatedTreesQuery } from '../src/store/neo4j/relationships.queries.js';
import { processCpuMs as cpuMs, withLoadedNeo4j } from './load.js';
import { LOOKUP, NESTED, rawAnswer } from './raw-driver.js';
import { generateGraph } from './synthetic.js';

/*
 * node --import @swc-node/register/esm-register bench/profile-lookup.ts [--graph 10000] [--n 3000]
 *
 * Our lookup and nested statements against the raw contestant's, on a fresh local Neo4j with a
 * synthetic graph: each statement's PROFILE (operators, rows, db hits, bytes returned), then its
 * cost under load (--n statements, 8 at a time, each in its own read transaction, managed as raw
 * sends them, or auto-commit for the `auto` variants): Neo4j's CPU ms per statement (from /proc) and this client's, in ROUNDS rounds (4): the
 * first rounds show the JVM's warm-up. Then the lookup through our store's port against the raw
 * contestant's handler (driver settings, gateway and mappers included, no HTTP or GraphQL), and
 * the CPU Neo4j uses idle.
 */

const { values } = parseArgs({ options: { graph: { type: 'string' }, n: { type: 'string' } } });
const graph = generateGraph(Number(values.graph ?? 10_000), 1);
const N = Number(values.n ?? 3000);
const TIMEOUT = { timeout: 10_000 };

const NESTED_HOPS = [
  { type: 'OPERATES', direction: 'OUT', next: [{ type: 'LOCATED_IN', direction: 'OUT', next: [] }] },
] as const;

interface Variant {
  name: string;
  query: string;
  params: (id: string) => Record<string, unknown>;
}

/**
 * A statement with its entity maps naming every property the domain reads instead of `n {.*}`:
 * tried and reverted (the absent attributes come back as nulls: twice the db hits and more bytes).
 */
const namedProperties = (query: string) =>
  query.replace(
    /(\w+) \{\.\*\}/g,
    (_, v: string) =>
      `${v} {${['id', 'kind', 'name', 'origin', ...ENTITY_ATTRIBUTE_NAMES].map((k) => `.${k}`).join(', ')}}`,
  );

const VARIANTS: Variant[] = [
  { name: 'ours lookup', query: GET_ENTITIES, params: (id) => ({ ids: [id] }) },
  { name: 'ours lookup named', query: namedProperties(GET_ENTITIES), params: (id) => ({ ids: [id] }) },
  { name: 'raw lookup', query: LOOKUP, params: (id) => ({ id }) },
  {
    name: 'ours nested',
    query: relatedTreesQuery(NESTED_HOPS as never),
    params: (id) => ({ ids: [id] }),
  },
  {
    name: 'ours nested named',
    query: namedProperties(relatedTreesQuery(NESTED_HOPS as never)),
    params: (id) => ({ ids: [id] }),
  },
  { name: 'raw nested', query: NESTED, params: (id) => ({ id }) },
  // The same statements as auto-commit transactions (`session.run`: RUN and PULL, one round trip,
  // instead of BEGIN and RUN, then COMMIT), as the store now sends single-statement reads.
  { name: 'ours lookup auto', query: GET_ENTITIES, params: (id) => ({ ids: [id] }) },
  {
    name: 'ours nested auto',
    query: relatedTreesQuery(NESTED_HOPS as never),
    params: (id) => ({ ids: [id] }),
  },
];

type Plan = Exclude<ResultSummary['profile'], false>;

function operators(plan: Plan, depth = 0): string[] {
  const line = `${'  '.repeat(depth)}${plan.operatorType} rows=${plan.rows} dbHits=${plan.dbHits} ${String(plan.arguments.Details ?? '').slice(0, 90)}`;
  return [line, ...plan.children.flatMap((c) => operators(c, depth + 1))];
}

function totalHits(plan: Plan): number {
  return plan.dbHits + plan.children.reduce((s, c) => s + totalHits(c), 0);
}

async function profile(driver: Driver, v: Variant, id: string): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(`PROFILE ${v.query}`, v.params(id));
    const plan = result.summary.profile as Plan;
    const bytes = JSON.stringify(result.records.map((r) => r.toObject())).length;
    process.stdout.write(
      `\n== ${v.name}: ${totalHits(plan)} db hits, ${result.records.length} rows, ${bytes} bytes of JSON\n${operators(plan).join('\n')}\n`,
    );
  } finally {
    await session.close();
  }
}

async function load(driver: Driver, v: Variant, ids: string[], pid: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < N) {
      const id = ids[next++ % ids.length]!;
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        if (v.name.endsWith(' auto')) await session.run(v.query, v.params(id), TIMEOUT);
        else await session.executeRead(async (tx) => (await tx.run(v.query, v.params(id))).records, TIMEOUT);
      } finally {
        await session.close();
      }
    }
  };
  const [db0, client0] = [await cpuMs(pid), process.cpuUsage()];
  const started = performance.now();
  await Promise.all(Array.from({ length: 8 }, worker));
  const elapsed = performance.now() - started;
  const client = process.cpuUsage(client0);
  const db = (await cpuMs(pid)) - db0;
  process.stdout.write(
    `${v.name.padEnd(18)} Neo4j ${(db / N).toFixed(3)} ms, client ${((client.user + client.system) / 1000 / N).toFixed(3)} ms per statement, ${Math.round((N * 1000) / elapsed)}/s\n`,
  );
}

/** As `load`, through whole request paths: our store's port call against the raw contestant's handler (no HTTP, no GraphQL). */
async function loadPath(name: string, call: (id: string) => Promise<unknown>, ids: string[], pid: number) {
  let next = 0;
  const worker = async () => {
    while (next < N) await call(ids[next++ % ids.length]!);
  };
  const [db0, client0] = [await cpuMs(pid), process.cpuUsage()];
  await Promise.all(Array.from({ length: 8 }, worker));
  const client = process.cpuUsage(client0);
  const db = (await cpuMs(pid)) - db0;
  process.stdout.write(
    `${name.padEnd(18)} Neo4j ${(db / N).toFixed(3)} ms, client ${((client.user + client.system) / 1000 / N).toFixed(3)} ms per request\n`,
  );
}

async function main(): Promise<void> {
  await withLoadedNeo4j('profile-lookup', graph, async (driver, pid, uri) => {
    const ids = graph.probes.companies;
    for (const v of VARIANTS) await profile(driver, v, ids[0]!);
    process.stdout.write(
      `\nunder load (${N} statements, 8 at a time; load average ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')})\n`,
    );
    // PATHS_ONLY=1: only the whole paths below.
    const statements = process.env.PATHS_ONLY ? [] : VARIANTS;
    for (const v of statements) await load(driver, v, ids, pid); // warm-up
    for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++)
      for (const v of statements) await load(driver, v, ids, pid);
    // The same lookups through our store (its driver settings, gateway, mappers) and the raw contestant's handler.
    const store = await createNeo4jStore({ uri });
    const raw = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
    process.stdout.write('\nwhole paths (store port vs raw handler)\n');
    const hops = NESTED_HOPS as never;
    const paths: [string, (id: string) => Promise<unknown>][] = [
      ['store.getEntities', (id) => store.getEntities([id])],
      ['raw lookup handler', (id) => rawAnswer(raw, 'lookup', { id })],
      ['store.relatedTrees', (id) => store.relatedTrees([id], hops)],
      ['raw nested handler', (id) => rawAnswer(raw, 'nested', { id })],
    ];
    for (const [name, call] of paths) await loadPath(name, call, ids, pid); // warm-up
    for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++)
      for (const [name, call] of paths) await loadPath(name, call, ids, pid);
    await store.close();
    await raw.close();
    // What Neo4j spends with no statement at all (GC, JIT, checkpoints): counted against every
    // request of a benchmark window, so it weighs more per request on a slower contestant.
    for (const seconds of [5, 5]) {
      const idle0 = await cpuMs(pid);
      await new Promise((r) => setTimeout(r, seconds * 1000));
      process.stdout.write(`Neo4j idle: ${((await cpuMs(pid)) - idle0) / seconds} ms of CPU per second\n`);
    }
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
