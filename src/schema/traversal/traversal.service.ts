import { NotFoundError } from '../../domain/errors.js';
import type { RelationType } from '../../domain/model.js';
import type { RelationshipFact } from '../../domain/relationship.js';
import {
  bounded,
  routeEntityIds,
  TRAVERSAL_LIMITS,
  type Neighborhood,
  type Route,
} from '../../domain/traversal.js';
import { noEntity } from '../shared/arguments.js';
import type { GraphService } from '../shared/graph.service.js';
import type { Path } from './traversal.type.js';

/** The hops of a route from `start`: each hop's relationships, whether all point along the path, and the entities passed. */
function walk(
  start: string,
  route: Route,
): { ids: string[]; hops: { relationships: RelationshipFact[]; forward: boolean }[] } {
  const ids = routeEntityIds(start, route);
  const hops = route.map((relationships, i) => ({
    relationships,
    forward: relationships.every((r) => r.from === ids[i]),
  }));
  return { ids, hops };
}

/**
 * Paths and neighbourhoods: checks the arguments against the domain's limits, asks the graph
 * (one traversal in the database, its entities kept for the request) and returns the answers
 * the schema gives.
 */
export class TraversalService {
  constructor(private readonly graph: GraphService) {}

  /** Shortest paths between two entities, each with its entities from `from` to `to` and its hops' directions. */
  async paths(
    from: string,
    to: string,
    maxHops?: number | null,
    types?: RelationType[] | null,
    first?: number | null,
  ): Promise<Path[]> {
    const hops = bounded('maxHops', maxHops, TRAVERSAL_LIMITS.maxHops);
    const limit = bounded('first', first, TRAVERSAL_LIMITS.paths);
    const found = await this.graph.shortestPaths(from, to, { maxHops: hops, limit, ...(types && { types }) });
    // An unknown end is NOT_FOUND, `from` first (the store says which, in the same round trip).
    const [missing] = found.missing;
    if (missing) throw noEntity(missing === 'from' ? from : to, missing);
    return Promise.all(
      found.paths.map(async (route) => {
        const walked = walk(from, route);
        // The paths' entities came with them: no further round trip.
        return { length: route.length, nodes: await this.graph.entitiesById(walked.ids), hops: walked.hops };
      }),
    );
  }

  /** The entities within `depth` hops of `id` and the relationships among them; NOT_FOUND for an unknown centre. */
  async neighborhood(
    id: string,
    depth?: number | null,
    types?: RelationType[] | null,
    limit?: number | null,
  ): Promise<Neighborhood> {
    const query = {
      depth: bounded('depth', depth, TRAVERSAL_LIMITS.depth),
      limit: bounded('limit', limit, TRAVERSAL_LIMITS.nodes),
      ...(types && { types }),
    };
    // The store answers null for an unknown centre: no separate existence check.
    const found = await this.graph.neighborhood(id, query);
    if (!found) throw new NotFoundError(`No entity with id "${id}" (argument "id")`, 'id');
    return found;
  }
}
