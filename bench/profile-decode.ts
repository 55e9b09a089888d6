import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { entityPairs, FACT } from '../src/store/neo4j/cypher-fragments.js';
import { toEntity, toFact, toRelationship } from '../src/store/neo4j/neo4j-mappers.js';
import { SUPPLY_CONTEXT } from '../src/store/neo4j/supply.queries.js';
import { neighborhoodQuery } from '../src/store/neo4j/traversal.queries.js';
import { processCpuMs as cpuMs, withLoadedNeo4j } from './load.js';
import { generateGraph } from './synthetic.js';

/*
 * node --import @swc-node/register/esm-register bench/profile-decode.ts [--graph 10000] [--n 400]
 *
 * What the shape of a large answer costs the driver: the supply context and the neighbourhood
 * statements as the store sends them (entities and relationship facts as `[keys, values]` lists,
 * cypher-fragments.ts `propertyLists`) against the same statements with maps (`n {.*, ...}`, as
 * before), on a fresh local Neo4j with a synthetic graph. Each variant: --n statements, 8 at a
 * time as auto-commit transactions, every record mapped as the store maps it (toEntity, toFact,
 * toRelationship); Neo4j's CPU ms per statement (from /proc) and this client's, in alternating
 * rounds (ROUNDS, 4; the first shows the JVM's warm-up), and the bytes of one answer.
 */

const { values } = parseArgs({ options: { graph: { type: 'string' }, n: { type: 'string' } } });
const graph = generateGraph(Number(values.graph ?? 10_000), 1);
const N = Number(values.n ?? 400);

const ENTITY_MAP = (n: string) =>
  `${n} {.*, sortKey: null, searchKeys: null, searchKey: null, keysVersion: null}`;
const FACT_MAP = `r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}`;
/** The statement with maps where the store now sends lists. */
const asMaps = (query: string, nodes: string[]) =>
  nodes.reduce((q, n) => q.replaceAll(entityPairs(n), ENTITY_MAP(n)), query.replaceAll(FACT, FACT_MAP));

interface Variant {
  name: string;
  query: string;
  params: (i: number) => Record<string, unknown>;
  map: (record: Record<string, unknown>) => unknown;
}

const supplyParams = (i: number) => ({
  materialIds: [graph.probes.materials[i % graph.probes.materials.length]!],
  stage: null,
  alliances: true,
  countryIds: [graph.probes.alliedWith],
});
const mapSupply = (r: Record<string, any>) =>
  r.entity
    ? toEntity(r.entity)
    : r.membership
      ? toRelationship(r.membership)
      : { rel: toFact(r.row.rel), supplier: toEntity(r.row.supplier) };
const neighbourParams = (i: number) => ({
  id: graph.probes.companies[i % graph.probes.companies.length]!,
  limit: neo4j.int(50),
});
const mapNeighbour = (r: Record<string, any>) => (r.entity ? toEntity(r.entity) : toFact(r.rel));
const NEIGHBOURHOOD = neighborhoodQuery(2);

const VARIANTS: Variant[] = [
  { name: 'supply, lists', query: SUPPLY_CONTEXT, params: supplyParams, map: mapSupply },
  { name: 'supply, maps', query: asMaps(SUPPLY_CONTEXT, ['s', 'e']), params: supplyParams, map: mapSupply },
  { name: 'neighbourhood, lists', query: NEIGHBOURHOOD, params: neighbourParams, map: mapNeighbour },
  {
    name: 'neighbourhood, maps',
    query: asMaps(NEIGHBOURHOOD, ['n']),
    params: neighbourParams,
    map: mapNeighbour,
  },
];

async function run(driver: Driver, v: Variant, i: number) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(v.query, v.params(i));
    return result.records.map((r) => v.map(r.toObject()));
  } finally {
    await session.close();
  }
}

async function load(driver: Driver, v: Variant, pid: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < N) await run(driver, v, next++);
  };
  const [db0, client0] = [await cpuMs(pid), process.cpuUsage()];
  await Promise.all(Array.from({ length: 8 }, worker));
  const client = process.cpuUsage(client0);
  const db = (await cpuMs(pid)) - db0;
  process.stdout.write(
    `${v.name.padEnd(22)} Neo4j ${(db / N).toFixed(3)} ms, client ${((client.user + client.system) / 1000 / N).toFixed(3)} ms per statement\n`,
  );
}

async function main(): Promise<void> {
  await withLoadedNeo4j('profile-decode', graph, async (driver, pid) => {
    for (const v of VARIANTS) {
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      const result = await session.run(v.query, v.params(0));
      await session.close();
      const bytes = JSON.stringify(result.records.map((r) => r.toObject())).length;
      const mapped = JSON.stringify(result.records.map((r) => v.map(r.toObject())));
      process.stdout.write(
        `${v.name}: ${result.records.length} records, ${bytes} bytes as JSON, mapped ${mapped.length}\n`,
      );
    }
    // The same answer either way, once mapped.
    for (const [a, b] of [
      [VARIANTS[0]!, VARIANTS[1]!],
      [VARIANTS[2]!, VARIANTS[3]!],
    ] as const)
      if (JSON.stringify(await run(driver, a, 1)) !== JSON.stringify(await run(driver, b, 1)))
        throw new Error(`${a.name} and ${b.name} differ once mapped`);
    process.stdout.write(
      `\n${N} statements per variant, 8 at a time (load average ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')})\n`,
    );
    for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++)
      for (const v of round % 2 ? [...VARIANTS].reverse() : VARIANTS) await load(driver, v, pid);
  });
}

await main();
