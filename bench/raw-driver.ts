import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Entity } from '../src/domain/entity.js';
import { RELATION_TYPE_NAMES } from '../src/domain/model.js';
import type { Relationship } from '../src/domain/relationship.js';
import { supplyAlternatives, type Membership, type SupplyRow } from '../src/domain/supply.js';
import { supplyRisk } from '../src/domain/supply-risk.js';
import { compareIds } from '../src/domain/order.js';
import { compareRoutes, mergeRoute, routeEntityIds } from '../src/domain/traversal.js';
import type { QueryName } from './queries.js';

/*
 * The floor: the raw neo4j-driver running hand-written Cypher for the same answers as our
 * server (same shape, same order), one read transaction per request, no GraphQL. The supply
 * answers reuse the domain's pure rules (who qualifies, shares, order) over rows fetched by
 * one or two statements; everything else is Cypher.
 */

const ALL = RELATION_TYPE_NAMES.join('|');
const byId = compareIds;
type Vars = Record<string, any>;
type Rows = Record<string, any>[];

export const LOOKUP = `MATCH (n:Entity {id: $id})
RETURN n {.id, .name, .kind, category: CASE WHEN n:Organization THEN n.category END} AS entity`;

export const NESTED = `MATCH (o:Entity {id: $id})
RETURN o {.id, .name, facilities: CASE WHEN o:Organization THEN COLLECT {
  MATCH (o)-[r:OPERATES]->(f:Facility)
  WITH DISTINCT r, f
  ORDER BY r.id
  RETURN f {.id, .name, .status, country: COLLECT {
    MATCH (f)-[l:LOCATED_IN]->(c:Country)
    WITH l, c
    ORDER BY l.id
    RETURN c {.id, .name}
  }[0]}
} END} AS entity`;

// `Entity` beside the kind's label, as ours: the TEXT index on :Entity(searchKey) pre-selects.
export const LIST = `MATCH (n:Entity:Organization)
WHERE n.searchKey CONTAINS $folded OR n.searchKey CONTAINS $stem
WITH n
ORDER BY n.sortKey, n.id
WITH collect(n {.id, .name}) AS matching
RETURN size(matching) AS totalCount, matching[0..20] AS nodes`;

const PATHS = `MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:${ALL}*1..4]-(b))
WITH p
LIMIT 1000
RETURN [r IN relationships(p) | {id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id}] AS rels`;

export const NEIGHBOURS = `MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)-[:${ALL}]-(m:Entity)
  WHERE m <> c
  RETURN collect(DISTINCT m) AS d1
}
CALL (c, d1) {
  UNWIND d1 AS x
  MATCH (x)-[:${ALL}]-(m:Entity)
  WHERE m <> c AND NOT m IN d1
  RETURN collect(DISTINCT m) AS d2
}
WITH [{n: c, d: 0}] + [x IN d1 | {n: x, d: 1}] + [x IN d2 | {n: x, d: 2}] AS reached
UNWIND reached AS r
WITH r
ORDER BY r.d, r.n.id
WITH collect(r) AS ordered
WITH ordered[0..$limit] AS kept, size(ordered) > $limit AS truncated
WITH kept, truncated, [k IN kept | k.n] AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:${ALL}]->(b)
  WHERE b IN nodes
  RETURN collect({id: r.id, type: type(r)}) AS rels
}
RETURN [k IN kept | {distance: k.d, entity: {id: k.n.id, name: k.n.name}}] AS nodes, rels, truncated`;

/** PRODUCES into the material and the groups it is PART_OF, with the supplier's and operators' countries. */
const SUPPLY = `MATCH (m:Entity {id: $m})
UNWIND [m] + COLLECT { MATCH (m)-[:PART_OF]->(g:Material) RETURN g } AS target
MATCH (s:Entity)-[r:PRODUCES]->(target)
WHERE $stage IS NULL OR r.stage = $stage
RETURN r {.*, type: 'PRODUCES', from: s.id, to: target.id} AS rel, s {.id, .kind} AS supplier,
  COLLECT { MATCH (s)-[:LOCATED_IN]->(c:Entity) RETURN c.id } AS countries,
  COLLECT {
    MATCH (op:Entity)-[:OPERATES]->(s)
    RETURN {id: op.id, countries: COLLECT { MATCH (op)-[:LOCATED_IN]->(c:Entity) RETURN c.id }}
  } AS operators`;

const MEMBERSHIPS = `UNWIND $ids AS id
MATCH (c:Entity {id: id})-[r:MEMBER_OF]->(a:Entity)
RETURN r {.*, type: 'MEMBER_OF', from: c.id, to: a.id} AS rel`;

const first = (ids: string[]) => [...ids].sort()[0] ?? null;

function rel(r: Record<string, unknown>): Relationship {
  const out: Record<string, unknown> = { citations: [] };
  for (const [k, v] of Object.entries(r)) if (v !== null) out[k] = v;
  return out as unknown as Relationship;
}

async function supplyRows(tx: ManagedTransaction, m: string, stage: string | null): Promise<SupplyRow[]> {
  const rows = (await tx.run(SUPPLY, { m, stage })).records.map((r) => r.toObject() as Record<string, any>);
  return rows
    .map((row): SupplyRow => {
      const supplier = row.supplier as Entity;
      const countries = row.countries as string[];
      const linked = (row.operators as { id: string; countries: string[] }[]).map((o) => ({
        id: o.id,
        countryId: first(o.countries),
      }));
      return {
        relationship: rel(row.rel),
        supplier,
        siteCountryId:
          supplier.kind === 'COUNTRY' ? supplier.id : supplier.kind === 'FACILITY' ? first(countries) : null,
        operators:
          supplier.kind === 'FACILITY'
            ? linked.sort(byId)
            : supplier.kind === 'ORGANIZATION'
              ? [{ id: supplier.id, countryId: first(countries) }]
              : [],
      };
    })
    .sort((a, b) => byId(a.relationship, b.relationship));
}

/** Each query's answer, in our GraphQL answer's shape. */
const HANDLERS: Record<QueryName, (tx: ManagedTransaction, v: Vars) => Promise<unknown>> = {
  async lookup(tx, v) {
    const [row] = (await tx.run(LOOKUP, v)).records;
    const e = row?.get('entity') as Record<string, unknown> | undefined;
    if (e && e.kind !== 'ORGANIZATION') delete e.category;
    return { entity: e ?? null };
  },
  async nested(tx, v) {
    const [row] = (await tx.run(NESTED, v)).records;
    const e = row?.get('entity') as Record<string, unknown> | undefined;
    if (e && e.facilities === null) delete e.facilities;
    return { entity: e ?? null };
  },
  async list(tx, v) {
    const [row] = (await tx.run(LIST, { folded: v.folded, stem: v.stem })).records;
    return {
      entities: { totalCount: row?.get('totalCount') as number, nodes: row?.get('nodes') as unknown },
    };
  },
  async paths(tx, v) {
    const rows = (await tx.run(PATHS, v)).records.map((r) =>
      (r.get('rels') as { id: string; type: string; from: string; to: string }[]).map(rel),
    );
    // Routes as the server gives them: paths grouped by their entities, parallel relationships one hop.
    const from = v.from as string;
    const groups = new Map<string, Relationship[][]>();
    for (const rels of rows) {
      const key = routeEntityIds(
        from,
        rels.map((r) => [r]),
      ).join(' ');
      groups.set(key, [...(groups.get(key) ?? []), rels]);
    }
    const routes = [...groups.values()].map(mergeRoute).sort(compareRoutes(from)).slice(0, 5);
    return {
      paths: routes.map((route) => {
        const ids = routeEntityIds(from, route);
        const hops = route.map((hop, i) => ({
          forward: hop.every((r) => r.from === ids[i]),
          relationships: hop.map((r) => ({ id: r.id, type: r.type })),
        }));
        return { length: route.length, nodes: ids.map((id) => ({ id })), hops };
      }),
    };
  },
  async neighborhood(tx, v) {
    const [row] = (await tx.run(NEIGHBOURS, { id: v.id, limit: neo4j.int(50) })).records;
    if (!row) return null;
    return {
      neighborhood: {
        truncated: row.get('truncated') as boolean,
        nodes: row.get('nodes') as unknown,
        relationships: (row.get('rels') as { id: string }[]).sort(byId),
      },
    };
  },
  async supplyAlternatives(tx, v) {
    const rows = await supplyRows(tx, v.m as string, null);
    const countries = new Set<string>([v.us as string]);
    for (const r of rows)
      for (const c of [r.siteCountryId, ...r.operators.map((o) => o.countryId)]) if (c) countries.add(c);
    const memberships = (await tx.run(MEMBERSHIPS, { ids: [...countries] })).records.map((r) =>
      rel(r.get('rel') as Record<string, unknown>),
    ) as Membership[];
    const list = supplyAlternatives(rows, memberships, {
      materialId: v.m as string,
      excluding: new Set([v.cn as string]),
      alliedWith: v.us as string,
      asOf: '2026-11-29',
    });
    return {
      supplyAlternatives: {
        alternatives: list.map((a) => ({
          supplier: { id: a.row.supplier.id },
          qualifiesThrough: a.qualifiesThrough,
          domestic: a.domestic,
          basis: a.basis,
          siteCountry: a.row.siteCountryId ? { id: a.row.siteCountryId } : null,
          operators: a.row.operators.map((o) => ({ id: o.id })),
          alliancePath: a.alliancePath.map((r) => ({ id: r.id })),
          relationship: {
            id: a.row.relationship.id,
            status: a.row.relationship.status ?? null,
            capacity: a.row.relationship.capacity ?? null,
          },
        })),
      },
    };
  },
  async supplyRisk(tx, v) {
    const rows = await supplyRows(tx, v.m as string, 'MINING');
    const risk = supplyRisk(rows, {
      materialId: v.m as string,
      stage: 'MINING',
      excluding: new Set([v.cn as string]),
      asOf: '2025-12-31',
    });
    const shares = (list: typeof risk.shares, volume: boolean) =>
      list.map((s) => ({
        country: { id: s.countryId },
        share: s.share,
        ...(volume && { volume: s.volume ?? null }),
      }));
    const a = risk.afterExclusion;
    return {
      supplyRisk: {
        basis: risk.basis,
        year: risk.year,
        unit: risk.unit,
        worldVolume: risk.worldVolume,
        topShare: risk.topShare,
        hhi: risk.hhi,
        unattributedShare: risk.unattributedShare,
        topCountry: risk.topCountryId ? { id: risk.topCountryId } : null,
        shares: shares(risk.shares, true),
        afterExclusion: {
          remainingShare: a.remainingShare,
          topShare: a.topShare,
          hhi: a.hhi,
          shares: shares(a.shares, false),
        },
      },
    };
  },
};

/** Answers one query in one read transaction; `onQuery` counts statements. */
export function rawAnswer(driver: Driver, name: QueryName, variables: Vars): Promise<unknown> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  return session.executeRead((tx) => HANDLERS[name](tx, variables)).finally(() => session.close());
}

export type { Rows };
