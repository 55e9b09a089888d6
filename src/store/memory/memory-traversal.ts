import type graphology from 'graphology';
import type { Entity } from '../../domain/entity.js';
import type { SupplyStage } from '../../domain/model.js';
import { isRetracted, type Relationship, type RelationshipFact } from '../../domain/relationship.js';
import type { SupplyRow } from '../../domain/supply.js';
import {
  compareReached,
  comparePaths,
  PATH_ENUMERATION_CAP,
  type Neighborhood,
  type NeighborhoodQuery,
  type PathQuery,
  type Reached,
} from '../../domain/traversal.js';

type Graph = graphology.MultiDirectedGraph<Entity, Relationship>;

/** The live (not retracted) relationships at `id`, either direction, of the allowed types, each with the entity at the other end. */
function steps(graph: Graph, id: string, types: ReadonlySet<string> | null): { rel: Relationship; other: string }[] {
  const out: { rel: Relationship; other: string }[] = [];
  graph.forEachEdge(id, (_key, rel) => {
    if (isRetracted(rel) || (types && !types.has(rel.type))) return;
    out.push({ rel, other: rel.from === id ? rel.to : rel.from });
  });
  return out;
}

/** Breadth-first hop counts from `start`, ignoring direction, up to `maxDepth` (stopping once `until` is reached). */
function distances(graph: Graph, start: string, maxDepth: number, types: ReadonlySet<string> | null, until?: string): Map<string, number> {
  const dist = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= maxDepth && frontier.length > 0 && (until === undefined || !dist.has(until)); d++) {
    const next: string[] = [];
    for (const at of frontier) {
      for (const { other } of steps(graph, at, types)) {
        if (!dist.has(other)) {
          dist.set(other, d);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return dist;
}

const typeSet = (types?: readonly string[]) => (types && types.length > 0 ? new Set(types) : null);

/**
 * All shortest paths from `from` to `to`, ignoring direction, over the allowed types, up to
 * `maxHops`: breadth-first distances, then every path down the distance gradient (at most
 * PATH_ENUMERATION_CAP), ordered by {@link comparePaths}, the first `limit`.
 */
export function shortestPaths(graph: Graph, from: string, to: string, q: PathQuery): RelationshipFact[][] {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return [];
  if (from === to) return [[]];
  const types = typeSet(q.types);
  const dist = distances(graph, from, q.maxHops, types, to);
  if (!dist.has(to)) return [];
  // Walk back from `to` along relationships that step one hop closer to `from`.
  const paths: Relationship[][] = [];
  const walk = (id: string, suffix: Relationship[]): void => {
    if (paths.length >= PATH_ENUMERATION_CAP) return;
    if (id === from) {
      paths.push(suffix);
      return;
    }
    const d = dist.get(id)!;
    for (const { rel, other } of steps(graph, id, types)) {
      if (dist.get(other) === d - 1) walk(other, [rel, ...suffix]);
    }
  };
  walk(to, []);
  return paths.sort(comparePaths).slice(0, q.limit).map((path) => path.map(withoutCitations));
}

/**
 * Entities within `depth` hops of `id` (ignoring direction, over the allowed types), the
 * first `limit` by (distance, id), and every allowed relationship among them, by id.
 */
export function neighborhood(graph: Graph, id: string, q: NeighborhoodQuery): Neighborhood | null {
  if (!graph.hasNode(id)) return null;
  const types = typeSet(q.types);
  const dist = distances(graph, id, q.depth, types);
  const reached: Reached[] = [...dist].map(([key, distance]) => ({ entity: graph.getNodeAttributes(key), distance }));
  reached.sort(compareReached);
  const nodes = reached.slice(0, q.limit);
  const kept = new Set(nodes.map((n) => n.entity.id));
  const relationships: Relationship[] = [];
  for (const key of kept) {
    graph.forEachOutEdge(key, (_edge, rel) => {
      if (kept.has(rel.to) && !isRetracted(rel) && (!types || types.has(rel.type))) relationships.push(rel);
    });
  }
  relationships.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes, relationships: relationships.map(withoutCitations), truncated: reached.length > nodes.length };
}

/** The country an entity is LOCATED_IN (the alphabetically first when several), or null. */
function countryOf(graph: Graph, id: string): string | null {
  const found: string[] = [];
  graph.forEachOutEdge(id, (_edge, rel) => {
    if (rel.type === 'LOCATED_IN' && !isRetracted(rel)) found.push(rel.to);
  });
  return found.sort()[0] ?? null;
}

/** A relationship as a supply fact: the same record without its citations (as the Neo4j store gives it). */
function withoutCitations(rel: Relationship): RelationshipFact {
  const fact: Partial<Relationship> = { ...rel };
  delete fact.citations;
  return fact as RelationshipFact;
}

/** PRODUCES facts into the materials, with each supplier's site and operator countries (see SupplyRow). */
export function supplyRows(graph: Graph, materialIds: readonly string[], stage?: SupplyStage): SupplyRow[] {
  const rows: SupplyRow[] = [];
  for (const material of new Set(materialIds)) {
    if (!graph.hasNode(material)) continue;
    graph.forEachInEdge(material, (_edge, rel, from, _to, supplier) => {
      if (rel.type !== 'PRODUCES' || isRetracted(rel) || (stage !== undefined && rel.stage !== stage)) return;
      const operators: SupplyRow['operators'] = [];
      if (supplier.kind === 'FACILITY') {
        graph.forEachInEdge(from, (_e, op) => {
          if (op.type === 'OPERATES' && !isRetracted(op)) operators.push({ id: op.from, countryId: countryOf(graph, op.from) });
        });
      } else if (supplier.kind === 'ORGANIZATION') {
        operators.push({ id: from, countryId: countryOf(graph, from) });
      }
      operators.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const siteCountryId = supplier.kind === 'COUNTRY' ? from : supplier.kind === 'FACILITY' ? countryOf(graph, from) : null;
      rows.push({ relationship: withoutCitations(rel), supplier, siteCountryId, operators });
    });
  }
  return rows.sort((a, b) => (a.relationship.id < b.relationship.id ? -1 : 1));
}
