import neo4j from 'neo4j-driver';
import { searchText } from '../src/domain/text-keys.js';
import { entityFields, factFields } from '../src/store/neo4j/neo4j-mappers.js';
import { searchPageQuery } from '../src/store/neo4j/entities.queries.js';
import { neighborhoodQuery } from '../src/store/neo4j/traversal.queries.js';
import { processCpuMs, withLoadedNeo4j } from './load.js';
import { LIST, NEIGHBOURS } from './raw-driver.js';
import { generateGraph, type Probes } from './synthetic.js';

/*
 * One benchmark query's statement against variants, on a fresh local Neo4j holding the synthetic
 * graph of GRAPH relationships (default 10000), without HTTP or GraphQL: each variant's db hits
 * summed over the benchmark's variables and its PROFILE for the first of them, then, in ROUNDS
 * rounds (default 6) of 300 statements, its mean time and Neo4j's CPU per statement (the first
 * rounds warm Neo4j's JIT). QUERY is `list` (the search within one kind: `ours` as the store sends
 * it, `kindOnly` with the kind's label alone, as before round ten: a scan of every entity of the
 * kind) or `neighborhood` (`ours` as the store sends it for ids and names, `propertyMaps` with
 * every value list read through the item's property map, as before round ten). `raw` is the raw
 * contestant's statement.
 *   QUERY=list GRAPH=100000 node --import @swc-node/register/esm-register bench/statement-probe.ts
 */

type Variant = Record<string, string>;
interface Probe {
  variants: Variant;
  params: (p: Probes) => Record<string, unknown>[];
}

const PROBES: Record<string, () => Probe> = {
  list: () => {
    const ours = searchPageQuery('ORGANIZATION', false, entityFields([]));
    return {
      variants: {
        ours,
        kindOnly: ours.replace('MATCH (n:Entity:Organization)', 'MATCH (n:Organization)'),
        raw: LIST,
      },
      params: (p) =>
        p.words.map((w) => {
          const { folded, words, stems } = searchText(w);
          const seek = { afterKey: null, afterId: null, beforeKey: null, beforeId: null };
          return {
            folded,
            words,
            stems,
            stem0: stems[0] ?? folded,
            stem: stems[0] ?? folded,
            ...seek,
            limit: neo4j.int(21),
          };
        }),
    };
  },
  neighborhood: () => {
    const ours = neighborhoodQuery(2, undefined, entityFields([]), factFields([]));
    // The same statement with every value list through the property map (cypher-fragments.ts valueList before round ten).
    const propertyMaps = ours
      .replace(
        /\[(k\.node)\.`id`, k\.node\.`kind`, k\.node\.`name`, k\.node\.`origin`\]/,
        (_m, item: string) =>
          `[itemProps IN [properties(${item})] | [itemProps.\`id\`, itemProps.\`kind\`, itemProps.\`name\`, itemProps.\`origin\`]][0]`,
      )
      .replace(
        /\[r\.`id`, type\(r\), startNode\(r\)\.id, endNode\(r\)\.id, r\.`origin`\]/,
        () =>
          '[itemProps IN [r {.*}] | [itemProps.`id`, type(r), startNode(r).id, endNode(r).id, itemProps.`origin`]][0]',
      );
    if (propertyMaps === ours) throw new Error('the neighbourhood statement changed: update the probe');
    return {
      variants: { ours, propertyMaps, raw: NEIGHBOURS },
      params: (p) => p.companies.map((id) => ({ id, limit: neo4j.int(50) })),
    };
  },
};

const query = process.env.QUERY ?? 'list';
const probe = PROBES[query]?.();
if (!probe) throw new Error(`QUERY must be one of ${Object.keys(PROBES).join(', ')}`);
const graph = generateGraph(Number(process.env.GRAPH ?? 10000), 1);
const rounds = Number(process.env.ROUNDS ?? 6);

interface Plan {
  operatorType: string;
  rows: number;
  dbHits: number;
  children: Plan[];
}
const lines = (plan: Plan, depth = 0): string[] => [
  `${'  '.repeat(depth)}${plan.operatorType} rows=${plan.rows} hits=${plan.dbHits}`,
  ...plan.children.flatMap((c) => lines(c, depth + 1)),
];
const hits = (plan: Plan): number => plan.dbHits + plan.children.reduce((sum, c) => sum + hits(c), 0);

await withLoadedNeo4j(`probe-${query}`, graph, async (driver, pid) => {
  const params = probe.params(graph.probes);
  const session = driver.session();
  try {
    for (const [name, statement] of Object.entries(probe.variants)) {
      let total = 0;
      for (const p of params)
        total += hits((await session.run(`PROFILE ${statement}`, p)).summary.profile as Plan);
      const first = (await session.run(`PROFILE ${statement}`, params[0])).summary.profile as Plan;
      console.log(
        `== ${name}: ${total} db hits over ${params.length} variable sets\n${lines(first).join('\n')}`,
      );
    }
    for (let round = 1; round <= rounds; round++)
      for (const [name, statement] of Object.entries(probe.variants)) {
        const [started, cpu] = [performance.now(), await processCpuMs(pid)];
        for (let i = 0; i < 300; i++) await session.run(statement, params[i % params.length]);
        const neo4jCpu = ((await processCpuMs(pid)) - cpu) / 300;
        const wall = (performance.now() - started) / 300;
        console.log(
          `round ${round} ${name}: ${wall.toFixed(2)} ms per statement, Neo4j CPU ${neo4jCpu.toFixed(2)} ms`,
        );
      }
  } finally {
    await session.close();
  }
});
