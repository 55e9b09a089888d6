import type { Entity } from './entity.js';
import { BadInputError } from './errors.js';
import type { RelationType } from './model.js';
import type { RelationshipFact } from './relationship.js';

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
}

export interface NeighborhoodQuery {
  depth: number;
  types?: readonly RelationType[];
  limit: number;
}

/** An entity of a neighbourhood and its distance (in hops, ignoring direction) from the centre. */
export interface Reached {
  entity: Entity;
  distance: number;
}

/** Shortest paths, each as its relationships (without citations) from one end to the other, and every entity on them, by id. */
export interface PathsAnswer {
  paths: RelationshipFact[][];
  entities: Entity[];
}

/** The entities on `paths` (looked up in `entityOf`), each once, by id. */
export function entitiesOnPaths(
  from: string,
  paths: readonly (readonly RelationshipFact[])[],
  entityOf: (id: string) => Entity,
): Entity[] {
  const ids = new Set<string>(paths.length > 0 ? [from] : []);
  for (const path of paths) for (const rel of path) ids.add(rel.from).add(rel.to);
  return [...ids].sort().map(entityOf);
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

/** The order paths are given in: shorter first, then by their relationship ids, hop by hop. */
export function comparePaths(a: readonly RelationshipFact[], b: readonly RelationshipFact[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!.id;
    const y = b[i]!.id;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The order a neighbourhood's nodes are given (and cut) in: by distance, then id. */
export function compareReached(a: Reached, b: Reached): number {
  return a.distance - b.distance || (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0);
}
