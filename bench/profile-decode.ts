import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { mergeBoltMessages } from '../src/store/neo4j/bolt-messages.js';
import { entityValues } from '../src/store/neo4j/cypher-fragments.js';
import { toEntity, toFact, toRelationship } from '../src/store/neo4j/neo4j-mappers.js';
import { SUPPLY_CONTEXT } from '../src/store/neo4j/supply.queries.js';
import { neighborhoodQuery } from '../src/store/neo4j/traversal.queries.js';
import { processCpuMs as cpuMs, withLoadedNeo4j } from './load.js';
import { generateGraph } from './synthetic.js';

/*
 * node --import @swc-node/register/esm-register bench/profile-decode.ts [--graph 10000] [--n 400]
 *
 * What the shape of a large answer costs the driver: the supply context and the neighbourhood
 * statements as the store sends them (one record holding everything) against the same data as one
 * small record per item (as the store sent them before), each read with the driver's parts merged
 * into one buffer (src/store/neo4j/bolt-messages.ts, as the store runs) and as the driver reads
 * them by itself, on a fresh local Neo4j with a synthetic graph. Each variant: --n statements, 8
 * at a time as auto-commit transactions, every record mapped as the store maps it (toEntity,
 * toFact, toRelationship); Neo4j's CPU ms per statement (from /proc) and this client's, in
 * alternating rounds (ROUNDS, 4; the first shows the JVM's warm-up), and the bytes of one answer.
 * (Round four's lists-against-maps comparison is this script at commit 3160636.)
 */

const { values } = parseArgs({ options: { graph: { type: 'string' }, n: { type: 'string' } } });
const graph = generateGraph(Number(values.graph ?? 10_000), 1);
const N = Number(values.n ?? 400);

/** `query` with its last RETURN replaced by `tail`. */
const ending = (query: string, tail: string) => `${query.slice(0, query.lastIndexOf('RETURN'))}${tail}`;

interface Shape {
  name: string;
  query: string;
  params: (i: number) => Record<string, unknown>;
  /** The mapped answer from all of a statement's records. */
  map: (records: Record<string, any>[]) => unknown[];
}

const supplyParams = (i: number) => ({
  materialIds: [graph.probes.materials[i % graph.probes.materials.length]!],
  stage: null,
  alliances: true,
  countryIds: [graph.probes.alliedWith],
});
const supplyRow = (x: Record<string, any>) => ({ rel: toFact(x.rel), supplier: toEntity(x.supplier) });
const neighbourParams = (i: number) => ({
  id: graph.probes.companies[i % graph.probes.companies.length]!,
  limit: neo4j.int(50),
});
const NEIGHBOURHOOD = neighborhoodQuery(2);

const SHAPES: Shape[] = [
  {
    name: 'supply, one record',
    query: SUPPLY_CONTEXT,
    params: supplyParams,
    map: ([r]) => [
      ...r!.rows.map(supplyRow),
      ...r!.memberships.map(toRelationship),
      ...r!.entities.map(toEntity),
    ],
  },
  {
    name: 'supply, per item',
    query: ending(
      SUPPLY_CONTEXT,
      `UNWIND [x IN rows | {row: x}] + [m IN memberships | {membership: m}] + [e IN entities | {entity: e}] AS item
RETURN item.row AS row, item.membership AS membership, item.entity AS entity`,
    ),
    params: supplyParams,
    map: (records) => [
      ...records.filter((r) => r.row).map((r) => supplyRow(r.row)),
      ...records.filter((r) => r.membership).map((r) => toRelationship(r.membership)),
      ...records.filter((r) => r.entity).map((r) => toEntity(r.entity)),
    ],
  },
  {
    name: 'neighbourhood, one record',
    query: NEIGHBOURHOOD,
    params: neighbourParams,
    map: ([r]) => [
      ...r!.nodes.map((n: any, i: number) => [toEntity(n), r!.distances[i].toNumber()]),
      ...r!.rels.map(toFact),
    ],
  },
  {
    name: 'neighbourhood, per item',
    query: ending(
      NEIGHBOURHOOD,
      `UNWIND range(0, size(kept) + size(rels) - 1) AS i
WITH i, kept, rels, truncated, CASE WHEN i < size(kept) THEN kept[i].node END AS n
RETURN ${entityValues('n')} AS entity, CASE WHEN i < size(kept) THEN kept[i].distance END AS distance,
  CASE WHEN i >= size(kept) THEN rels[i - size(kept)] END AS rel, truncated`,
    ),
    params: neighbourParams,
    map: (records) => [
      ...records.filter((r) => r.entity).map((r) => [toEntity(r.entity), r.distance.toNumber()]),
      ...records.filter((r) => r.rel).map((r) => toFact(r.rel)),
    ],
  },
];

/** Each shape read with the parts of a message merged (as the store runs) and as the driver reads them alone. */
const VARIANTS = SHAPES.flatMap((shape) =>
  [true, false].map((merged) => ({
    ...shape,
    merged,
    name: `${shape.name}, ${merged ? 'merged' : 'driver'}`,
  })),
);
type Variant = (typeof VARIANTS)[number];

async function run(driver: Driver, v: Shape, i: number): Promise<{ records: number; mapped: unknown[] }> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(v.query, v.params(i));
    return { records: result.records.length, mapped: v.map(result.records.map((r) => r.toObject())) };
  } finally {
    await session.close();
  }
}

async function load(driver: Driver, v: Variant, pid: number): Promise<void> {
  mergeBoltMessages(v.merged);
  let next = 0;
  const worker = async () => {
    while (next < N) await run(driver, v, next++);
  };
  const [db0, client0] = [await cpuMs(pid), process.cpuUsage()];
  await Promise.all(Array.from({ length: 8 }, worker));
  const client = process.cpuUsage(client0);
  const db = (await cpuMs(pid)) - db0;
  mergeBoltMessages(true);
  process.stdout.write(
    `${v.name.padEnd(34)} Neo4j ${(db / N).toFixed(3)} ms, client ${((client.user + client.system) / 1000 / N).toFixed(3)} ms per statement\n`,
  );
}

async function main(): Promise<void> {
  await withLoadedNeo4j('profile-decode', graph, async (driver, pid) => {
    // The same answer from either shape, once mapped.
    for (const [a, b] of [
      [SHAPES[0]!, SHAPES[1]!],
      [SHAPES[2]!, SHAPES[3]!],
    ] as const) {
      const [x, y] = [await run(driver, a, 1), await run(driver, b, 1)];
      if (JSON.stringify(x.mapped) !== JSON.stringify(y.mapped))
        throw new Error(`${a.name} and ${b.name} differ once mapped`);
      for (const [shape, answer] of [
        [a, x],
        [b, y],
      ] as const)
        process.stdout.write(
          `${shape.name}: ${answer.records} records, ${answer.mapped.length} items, ${JSON.stringify(answer.mapped).length} bytes mapped as JSON\n`,
        );
    }
    process.stdout.write(
      `\n${N} statements per variant, 8 at a time (load average ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')})\n`,
    );
    for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++)
      for (const v of round % 2 ? [...VARIANTS].reverse() : VARIANTS) await load(driver, v, pid);
  });
}

await main();
