import type graphology from 'graphology';
import type { Entity } from '../../domain/entity.js';
import type { SupplyStage } from '../../domain/model.js';
import { isRetracted, type Relationship, type RelationshipFact } from '../../domain/relationship.js';
import { supplyRow, type SupplierFacts } from '../../domain/supply-sites.js';
import type { SupplyRow } from '../../domain/supply.js';
import { compareIds, compareText } from '../../domain/order.js';
import {
  compareReached,
  PATH_ENUMERATION_CAP,
  type Route,
  type Neighborhood,
  type NeighborhoodQuery,
  type PathQuery,
  type Reached,
} from '../../domain/traversal.js';

type Graph = graphology.MultiDirectedGraph<Entity, Relationship>;

/** Calls `visit` with each live (not retracted) relationship at `id`, either direction, of the allowed types, and the entity at its other end. */
function forEachStep(
  graph: Graph,
  id: string,
  types: ReadonlySet<string> | null,
  visit: (rel: Relationship, other: string) => void,
): void {
  graph.forEachEdge(id, (_key, rel) => {
    if (isRetracted(rel) || (types && !types.has(rel.type))) return;
    visit(rel, rel.from === id ? rel.to : rel.from);
  });
}

/** Breadth-first hop counts from `start`, ignoring direction, up to `maxDepth`. */
function distances(
  graph: Graph,
  start: string,
  maxDepth: number,
  types: ReadonlySet<string> | null,
): Map<string, number> {
  const dist = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const at of frontier) {
      forEachStep(graph, at, types, (_rel, other) => {
        if (!dist.has(other)) {
          dist.set(other, d);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  return dist;
}

const typeSet = (types?: readonly string[]) => (types && types.length > 0 ? new Set(types) : null);

/** One end of a bidirectional search: hop counts from that end, and the entities at each count (the last is the frontier). */
interface SearchSide {
  dist: Map<string, number>;
  levels: string[][];
}

const searchFrom = (end: string): SearchSide => ({ dist: new Map([[end, 0]]), levels: [[end]] });

/** What expanding a side's frontier costs, about: its entities' degrees, summed. */
function frontierCost(graph: Graph, side: SearchSide): number {
  let cost = 0;
  for (const id of side.levels[side.levels.length - 1]!) cost += graph.degree(id);
  return cost;
}

/**
 * Adds the next level to `side` (the whole of it); returns whether it reached an entity the
 * `other` side has counted (the searches met: the new level's entities found by both are then
 * exactly as far from the other end as the other side's frontier).
 */
function expand(
  graph: Graph,
  side: SearchSide,
  other: SearchSide,
  types: ReadonlySet<string> | null,
): boolean {
  const d = side.levels.length;
  const next: string[] = [];
  let met = false;
  for (const at of side.levels[d - 1]!) {
    forEachStep(graph, at, types, (_rel, n) => {
      if (side.dist.has(n)) return;
      side.dist.set(n, d);
      next.push(n);
      if (other.dist.has(n)) met = true;
    });
  }
  side.levels.push(next);
  return met;
}

/**
 * Bidirectional breadth-first search between `from` and `to`, ignoring direction, up to
 * `maxHops` in all, expanding the cheaper frontier each step: both sides once they meet (the
 * shortest length is then the sum of their depths), or null when no path is that short.
 */
function meet(
  graph: Graph,
  from: string,
  to: string,
  maxHops: number,
  types: ReadonlySet<string> | null,
): { near: SearchSide; far: SearchSide } | null {
  const near = searchFrom(from);
  const far = searchFrom(to);
  for (let hops = 1; hops <= maxHops; hops++) {
    const [side, other] = frontierCost(graph, near) <= frontierCost(graph, far) ? [near, far] : [far, near];
    if (expand(graph, side, other, types)) return { near, far };
    if (side.levels[side.levels.length - 1]!.length === 0) return null;
  }
  return null;
}

/**
 * Hops left to `to` along a shortest path, for every entity on one (and, on the far side, every
 * entity counted: any of them next to a shortest path's entity one hop further is on one). The
 * far side's counts, extended in place back from where the sides met: a near-side entity is on
 * a shortest path when it is next to one a hop further from `from` that is.
 */
function hopsToGo(
  graph: Graph,
  near: SearchSide,
  far: SearchSide,
  types: ReadonlySet<string> | null,
): Map<string, number> {
  const length = near.levels.length - 1 + (far.levels.length - 1);
  const toGo = far.dist;
  let ahead = near.levels[near.levels.length - 1]!.filter((id) => toGo.has(id));
  for (let d = near.levels.length - 2; d >= 0; d--) {
    const here: string[] = [];
    for (const at of ahead) {
      forEachStep(graph, at, types, (_rel, n) => {
        if (near.dist.get(n) === d && !toGo.has(n)) {
          toGo.set(n, length - d);
          here.push(n);
        }
      });
    }
    ahead = here;
  }
  return toGo;
}

/** The hops from `id` to each entity with `left` hops to go, by that entity's id; each hop every relationship to it, by id. */
function hopsDown(
  graph: Graph,
  id: string,
  left: number,
  toGo: ReadonlyMap<string, number>,
  types: ReadonlySet<string> | null,
): { rels: Relationship[]; other: string }[] {
  const byOther = new Map<string, Relationship[]>();
  forEachStep(graph, id, types, (rel, other) => {
    if (toGo.get(other) === left) byOther.set(other, [...(byOther.get(other) ?? []), rel]);
  });
  return [...byOther.keys()]
    .sort(compareText)
    .map((other) => ({ other, rels: byOther.get(other)!.sort(compareIds) }));
}

/**
 * The first `count` routes from `from` down `toGo` to `to`, in `compareRoutes` order (all are
 * as long; depth-first, each entity's next entities by id), built on one stack.
 */
function firstRoutes(
  graph: Graph,
  from: string,
  toGo: ReadonlyMap<string, number>,
  types: ReadonlySet<string> | null,
  count: number,
): Route[] {
  const routes: Route[] = [];
  const route: Route = [];
  const walk = (id: string, left: number): void => {
    if (left === 0) {
      routes.push(route.slice());
      return;
    }
    for (const { rels, other } of hopsDown(graph, id, left - 1, toGo, types)) {
      if (routes.length >= count) return;
      route.push(rels.map(withoutCitations));
      walk(other, left - 1);
      route.pop();
    }
  };
  if (count > 0) walk(from, toGo.get(from)!);
  return routes;
}

/**
 * All shortest routes from `from` to `to`, ignoring direction, over the allowed types, up to
 * `maxHops`, ordered by `compareRoutes`, the first `limit` (never more than
 * PATH_ENUMERATION_CAP): a bidirectional search finds the length and the entities on shortest
 * paths, then the routes are walked in order, stopping at the last one wanted.
 */
export function shortestPaths(graph: Graph, from: string, to: string, q: PathQuery): Route[] {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return [];
  if (from === to) return [[]];
  const types = typeSet(q.types);
  const met = meet(graph, from, to, q.maxHops, types);
  if (!met) return [];
  const toGo = hopsToGo(graph, met.near, met.far, types);
  return firstRoutes(graph, from, toGo, types, Math.min(q.limit, PATH_ENUMERATION_CAP));
}

/**
 * Entities within `depth` hops of `id` (ignoring direction, over the allowed types), the
 * first `limit` by (distance, id), and every allowed relationship among them, by id.
 */
export function neighborhood(graph: Graph, id: string, q: NeighborhoodQuery): Neighborhood | null {
  if (!graph.hasNode(id)) return null;
  const types = typeSet(q.types);
  const dist = distances(graph, id, q.depth, types);
  const reached: Reached[] = [...dist].map(([key, distance]) => ({
    entity: graph.getNodeAttributes(key),
    distance,
  }));
  reached.sort(compareReached);
  const nodes = reached.slice(0, q.limit);
  const kept = new Set(nodes.map((n) => n.entity.id));
  const relationships: Relationship[] = [];
  for (const key of kept) {
    graph.forEachOutEdge(key, (_edge, rel) => {
      if (kept.has(rel.to) && !isRetracted(rel) && (!types || types.has(rel.type))) relationships.push(rel);
    });
  }
  relationships.sort(compareIds);
  return {
    nodes,
    relationships: relationships.map(withoutCitations),
    truncated: reached.length > nodes.length,
  };
}

/** The countries an entity is LOCATED_IN (live relationships). */
function countriesOf(graph: Graph, id: string): string[] {
  const found: string[] = [];
  graph.forEachOutEdge(id, (_edge, rel) => {
    if (rel.type === 'LOCATED_IN' && !isRetracted(rel)) found.push(rel.to);
  });
  return found;
}

/** A relationship as a supply fact: the same record without its citations (as the Neo4j store gives it). */
function withoutCitations(rel: Relationship): RelationshipFact {
  const fact: Partial<Relationship> = { ...rel };
  delete fact.citations;
  return fact as RelationshipFact;
}

/** PRODUCES facts into the materials, with each supplier's site and operator countries (the domain's `supplyRow`), by relationship id. */
export function supplyRows(graph: Graph, materialIds: readonly string[], stage?: SupplyStage): SupplyRow[] {
  const rows: SupplyRow[] = [];
  for (const material of new Set(materialIds)) {
    if (!graph.hasNode(material)) continue;
    graph.forEachInEdge(material, (_edge, rel, from, _to, supplier) => {
      if (rel.type !== 'PRODUCES' || isRetracted(rel) || (stage !== undefined && rel.stage !== stage)) return;
      const operators: SupplierFacts['operators'][number][] = [];
      graph.forEachInEdge(from, (_e, op) => {
        if (op.type === 'OPERATES' && !isRetracted(op))
          operators.push({ id: op.from, countries: countriesOf(graph, op.from) });
      });
      rows.push(
        supplyRow(withoutCitations(rel), supplier, {
          supplierCountries: countriesOf(graph, from),
          operators,
        }),
      );
    });
  }
  return rows.sort((a, b) => compareIds(a.relationship, b.relationship));
}
