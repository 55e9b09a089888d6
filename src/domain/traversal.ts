import type { AttributeSelection, Entity } from './entity.js';
import { BadInputError } from './errors.js';
import type { RelationType } from './model.js';
import { compareIds, compareText } from './order.js';
import type { PropertySelection, RelationshipFact } from './relationship.js';

/** Bounds of the traversal queries: above them, BAD_USER_INPUT naming the argument. */
export const TRAVERSAL_LIMITS = {
  maxHops: { default: 4, max: 6 },
  paths: { default: 10, max: 50 },
  depth: { default: 1, max: 3 },
  nodes: { default: 50, max: 500 },
} as const;

/**
 * How many shortest paths a store enumerates before ordering them (the answer is the first
 * `limit` in that order, so both stores agree whenever fewer than this many exist).
 */
export const PATH_ENUMERATION_CAP = 1000;

export interface PathQuery {
  maxHops: number;
  types?: readonly RelationType[];
  limit: number;
  /** The attributes the paths' entities must carry (domain/entity.ts `AttributeSelection`); all when absent. */
  attributes?: AttributeSelection;
  /** The properties the paths' relationships must carry (relationship.ts `PropertySelection`); all when absent. */
  properties?: PropertySelection;
}

export interface NeighborhoodQuery {
  depth: number;
  types?: readonly RelationType[];
  limit: number;
  /** The attributes the neighbourhood's entities must carry (domain/entity.ts `AttributeSelection`); all when absent. */
  attributes?: AttributeSelection;
  /** The properties the neighbourhood's relationships must carry (relationship.ts `PropertySelection`); all when absent. */
  properties?: PropertySelection;
}

/** An entity of a neighbourhood and its distance (in hops, ignoring direction) from the centre. */
export interface Reached {
  entity: Entity;
  distance: number;
}

/**
 * A route: its hops from one end to the other, each hop every live relationship (of the allowed
 * types) between the same two entities, by id (parallel relationships are one hop, never two routes).
 */
export type Route = RelationshipFact[][];

/** The two ends of a paths question, named as its arguments are. */
export type PathEnd = 'from' | 'to';

/**
 * Shortest routes (relationships without citations), each a distinct sequence of entities, every
 * entity on them, by id, and which ends are no entity (then there are no routes): a caller tells
 * an unknown end from no path without asking again.
 */
export interface PathsAnswer {
  paths: Route[];
  entities: Entity[];
  missing: PathEnd[];
}

/** The ends that are no entity, `from` first. */
export function missingEnds(fromExists: boolean, toExists: boolean): PathEnd[] {
  const missing: PathEnd[] = [];
  if (!fromExists) missing.push('from');
  if (!toExists) missing.push('to');
  return missing;
}

/** The entities a route passes, from `from` to its other end. */
export function routeEntityIds(from: string, route: Route): string[] {
  const ids = [from];
  for (const hop of route) {
    const at = ids[ids.length - 1]!;
    const rel = hop[0]!;
    ids.push(rel.from === at ? rel.to : rel.from);
  }
  return ids;
}

/**
 * The routes' order: shorter first, then by the entities passed, id by id from the start
 * (ids are ASCII slugs, so this is Cypher's order of id lists).
 */
export function compareRoutes(from: string): (a: Route, b: Route) => number {
  return (a, b) => {
    if (a.length !== b.length) return a.length - b.length;
    const x = routeEntityIds(from, a);
    const y = routeEntityIds(from, b);
    for (let i = 1; i < x.length; i++) if (x[i] !== y[i]) return compareText(x[i]!, y[i]!);
    return 0;
  };
}

/** Paths over the same entities (as allShortestPaths gives them, one per choice of parallel relationships) merged into one route. */
export function mergeRoute(paths: readonly (readonly RelationshipFact[])[]): Route {
  const length = paths[0]?.length ?? 0;
  return Array.from({ length }, (_, i) => {
    const byId = new Map(paths.map((p) => [p[i]!.id, p[i]!]));
    return [...byId.values()].sort(compareIds);
  });
}

/** The entities on `routes` (looked up in `entityOf`), each once, by id. */
export function entitiesOnPaths(
  from: string,
  routes: readonly Route[],
  entityOf: (id: string) => Entity,
): Entity[] {
  const ids = new Set<string>(routes.length > 0 ? [from] : []);
  for (const route of routes) for (const hop of route) for (const rel of hop) ids.add(rel.from).add(rel.to);
  return [...ids].sort(compareText).map(entityOf);
}

/** A subgraph ready to draw: nodes by (distance, id), the relationships among them by id. */
export interface Neighborhood {
  nodes: Reached[];
  relationships: RelationshipFact[];
  /** Whether `limit` cut nodes off. */
  truncated: boolean;
}

/** Checks an optional integer argument against its bounds; returns it or its default. */
export function bounded(
  name: string,
  value: number | null | undefined,
  limits: { default: number; max: number },
  min = 1,
): number {
  const v = value ?? limits.default;
  if (!Number.isInteger(v) || v < min || v > limits.max) {
    throw new BadInputError(`Argument "${name}" must be between ${min} and ${limits.max} (got ${v})`, name);
  }
  return v;
}

/** The order a neighbourhood's nodes are given (and cut) in: by distance, then id. */
export function compareReached(a: Reached, b: Reached): number {
  return a.distance - b.distance || compareIds(a.entity, b.entity);
}
