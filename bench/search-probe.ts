import neo4j from 'neo4j-driver';
import { generateGraph } from './synthetic.js';
import { withLoadedNeo4j } from './load.js';
import { searchPageQuery } from '../src/store/neo4j/entities.queries.js';
import { searchText } from '../src/domain/text-keys.js';

/*
 * The search statement within one kind (the benchmark's list) against variants, on a fresh local
 * Neo4j holding the synthetic graph of GRAPH relationships (default 100000): each one's PROFILE
 * (operators, rows, db hits) for the first probe word, then its mean time over the probe words,
 * three rounds. `ours` is the statement the store sends; `kindOnly` the one it replaced, with the kind's
 * label alone (a scan of every entity of the kind); `raw` the raw contestant's.
 *   node --import @swc-node/register/esm-register bench/search-probe.ts
 */

const graph = generateGraph(Number(process.env.GRAPH ?? 100000), 1);
const ours = searchPageQuery('ORGANIZATION', false);
const variants: Record<string, string> = {
  ours,
  kindOnly: ours.replace('MATCH (n:Entity:Organization)', 'MATCH (n:Organization)'),
  raw: `MATCH (n:Entity:Organization)
WHERE n.searchKey CONTAINS $folded OR n.searchKey CONTAINS $stem0
WITH n ORDER BY n.sortKey, n.id
WITH collect(n {.id, .name}) AS matching
RETURN size(matching) AS total, matching[0..20] AS page`,
};
await withLoadedNeo4j('search-probe', graph, async (driver) => {
  const params = graph.probes.words.map((w) => {
    const { folded, words, stems } = searchText(w);
    return {
      folded,
      words,
      stems,
      stem0: stems[0] ?? folded,
      afterKey: null,
      afterId: null,
      beforeKey: null,
      beforeId: null,
      limit: neo4j.int(21),
    };
  });
  const s = driver.session();
  for (const [name, q] of Object.entries(variants)) {
    const prof = await s.run('PROFILE ' + q, params[0]);
    const plan = prof.summary.profile;
    const ops: string[] = [];
    let hits = 0;
    const walk = (p: any, d: number) => {
      ops.push('  '.repeat(d) + p.operatorType + ' rows=' + p.rows + ' hits=' + p.dbHits);
      hits += p.dbHits;
      p.children.forEach((c: any) => walk(c, d + 1));
    };
    walk(plan, 0);
    console.log(`== ${name}: total ${prof.records[0]!.get('total')} dbHits ${hits}\n${ops.join('\n')}`);
  }
  for (let round = 0; round < 3; round++)
    for (const [name, q] of Object.entries(variants)) {
      const t = performance.now();
      for (let i = 0; i < 200; i++) await s.run(q, params[i % params.length]);
      console.log(round, name, ((performance.now() - t) / 200).toFixed(2), 'ms/stmt');
    }
  await s.close();
});
