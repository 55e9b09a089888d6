import { searchText } from '../src/domain/text-keys.js';
import { compareIds } from '../src/domain/order.js';
import type { Probes } from './synthetic.js';

/*
 * The query mix: for each query, the GraphQL our server answers, the GraphQL @neo4j/graphql
 * answers natively (only where it can: no @cypher), and the parameter sets a run cycles
 * through. Every contestant's answer is brought to our answer's shape (`normalise`) and must
 * equal ours before anything is timed.
 */

export type QueryName =
  'lookup' | 'nested' | 'list' | 'paths' | 'neighborhood' | 'supplyAlternatives' | 'supplyRisk';

export interface BenchQuery {
  name: QueryName;
  /** Our server's operation. */
  ours: string;
  /** @neo4j/graphql's operation, where it answers this natively. */
  neo4jGraphql?: string;
  /** @neo4j/graphql's answer in our answer's shape. */
  fromNeo4jGraphql?: (data: any) => unknown;
  /** The variables of each request, cycled through under load. */
  variables: Record<string, unknown>[];
}

const byId = compareIds;

/** The body of our server's request for one query and variable set (the bare contestant keys its answers by it). */
export const oursRequestBody = (q: BenchQuery, variables: Record<string, unknown>): string =>
  JSON.stringify({ query: q.ours, variables });

/** The API key the cached contestant's requests carry (auth on: each request is authenticated). */
export const BENCH_API_KEY = 'bench-api-key-0123456789abcdef';

/** The mix over a graph's probe ids (the seed's or a synthetic graph's). */
export function queryMix(p: Probes): BenchQuery[] {
  return [
    {
      name: 'lookup',
      ours: 'query ($id: ID!) { entity(id: $id) { id name kind ... on Organization { category } } }',
      neo4jGraphql:
        'query ($id: ID!) { organizations(where: { id: { eq: $id } }) { id name kind category } }',
      fromNeo4jGraphql: (d: any) => ({ entity: d.organizations[0] ?? null }),
      variables: p.companies.map((id) => ({ id })),
    },
    {
      name: 'nested',
      ours: 'query ($id: ID!) { entity(id: $id) { id name ... on Organization { facilities { id name status country { id name } } } } }',
      neo4jGraphql:
        'query ($id: ID!) { organizations(where: { id: { eq: $id } }) { id name facilities { id name status country { id name } } } }',
      fromNeo4jGraphql: (d: any) => {
        const o = d.organizations[0];
        if (!o) return { entity: null };
        const facilities = [...o.facilities]
          .sort(byId)
          .map((f: any) => ({ ...f, country: [...f.country].sort(byId)[0] ?? null }));
        return { entity: { ...o, facilities } };
      },
      variables: p.companies.map((id) => ({ id })),
    },
    {
      name: 'list',
      ours: 'query ($q: String!) { entities(kind: ORGANIZATION, search: $q, first: 20) { totalCount nodes { id name } } }',
      // The same match as ours' pre-selection (the folded text or its first stem within the stored
      // searchKey), in ours' order (sortKey, id); the probes are single words, where that equals
      // ours' full rule (checked on every run: the answers must be equal).
      neo4jGraphql: `query ($folded: String!, $stem: String!) {
  organizations(where: { OR: [{ searchKey: { contains: $folded } }, { searchKey: { contains: $stem } }] }, sort: [{ sortKey: ASC }, { id: ASC }], limit: 20) { id name }
  organizationsConnection(where: { OR: [{ searchKey: { contains: $folded } }, { searchKey: { contains: $stem } }] }) { totalCount }
}`,
      fromNeo4jGraphql: (d: any) => ({
        entities: { totalCount: d.organizationsConnection.totalCount, nodes: d.organizations },
      }),
      variables: p.words.map((q) => {
        const text = searchText(q);
        return { q, folded: text.folded, stem: text.stems[0] ?? text.folded };
      }),
    },
    {
      name: 'paths',
      ours: 'query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, first: 5) { length nodes { id } hops { forward relationships { id type } } } }',
      variables: p.pathPairs.map(([from, to]) => ({ from, to })),
    },
    {
      name: 'neighborhood',
      ours: 'query ($id: ID!) { neighborhood(id: $id, depth: 2, limit: 50) { truncated nodes { distance entity { id name } } relationships { id type } } }',
      variables: p.companies.map((id) => ({ id })),
    },
    {
      name: 'supplyAlternatives',
      ours: `query ($m: ID!, $us: ID!, $cn: ID!) {
  supplyAlternatives(material: $m, alliedWith: $us, excluding: [$cn], asOf: "2026-11-29") {
    alternatives { supplier { id } qualifiesThrough domestic basis siteCountry { id } operators { id } alliancePath { id } relationship { id status capacity } }
  }
}`,
      variables: p.materials.map((m) => ({ m, us: p.alliedWith, cn: p.excluding })),
    },
    {
      name: 'supplyRisk',
      ours: `query ($m: ID!, $cn: ID!) {
  supplyRisk(material: $m, stage: MINING, excluding: [$cn], asOf: "2025-12-31") {
    basis year unit worldVolume topShare hhi unattributedShare topCountry { id } shares { country { id } share volume }
    afterExclusion { remainingShare topShare hhi shares { country { id } share } }
  }
}`,
      variables: p.materials.map((m) => ({ m, cn: p.excluding })),
    },
  ];
}

/** Probe ids in the seed graph (the article's and the supply tables' actors). */
export const SEED_PROBES: Probes = {
  companies: [
    'lynas',
    'iluka',
    'mp-materials',
    'energy-fuels',
    'neo-performance-materials',
    'shin-etsu-chemical',
    'arafura',
    'saskatchewan-research-council',
  ],
  materials: ['dysprosium', 'terbium', 'neodymium', 'praseodymium', 'rare-earth-elements'],
  pathPairs: [
    ['scott-bessent', 'xi-jinping'],
    ['lynas', 'dysprosium'],
    ['donald-trump', 'mofcom-announcement-57'],
    ['mp-materials', 'china'],
  ],
  words: ['Lynas', 'Materials', 'Rare', 'Energy'],
  alliedWith: 'united-states',
  excluding: 'china',
};
