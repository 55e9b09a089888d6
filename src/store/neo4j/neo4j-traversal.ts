import type { AttributeSelection } from '../../domain/entity.js';
import type { SupplyStage } from '../../domain/model.js';
import { supplyContext as contextOf, type SupplyContext } from '../../domain/supply.js';
import { supplyRow } from '../../domain/supply-sites.js';
import { compareIds } from '../../domain/order.js';
import {
  compareReached,
  compareRoutes,
  mergeRoute,
  entitiesOnPaths,
  missingEnds,
  PATH_ENUMERATION_CAP,
  type Neighborhood,
  type NeighborhoodQuery,
  type PathQuery,
  type PathsAnswer,
  type Reached,
} from '../../domain/traversal.js';
import type { Tx } from './neo4j-gateway.js';
import {
  entityFields,
  entityReader,
  factFields,
  factReader,
  intParam,
  toNumber,
  toFact,
  toRelationship,
} from './neo4j-mappers.js';
import { entitiesById } from './neo4j-reads.js';
import { supplyContextQuery } from './supply.queries.js';
import { neighborhoodQuery, shortestPathsQuery } from './traversal.queries.js';

/*
 * Traversals as read-transaction functions, with the embedded store's semantics
 * (memory-traversal.ts): directions ignored, only the allowed types, orders from the domain.
 */

/** All shortest routes via Cypher's allShortestPaths (at most PATH_ENUMERATION_CAP paths), grouped by entities in the database, in `compareRoutes` order, the first `limit`. */
export async function shortestPaths(tx: Tx, from: string, to: string, q: PathQuery): Promise<PathsAnswer> {
  if (from === to) {
    const found = await entitiesById(tx, [from]);
    return found.has(from)
      ? { paths: [[]], entities: [found.get(from)!], missing: [] }
      : { paths: [], entities: [], missing: missingEnds(false, false) };
  }
  const fields = entityFields(q.attributes);
  const facts = factFields(q.properties);
  const readFact = factReader(facts);
  // Always one record, which says whether each end exists.
  const [found] = await tx.rows(shortestPathsQuery(q.maxHops, q.types, fields, facts), {
    from,
    to,
    cap: intParam(PATH_ENUMERATION_CAP),
    limit: intParam(q.limit),
  });
  const routes = found!.routes as { paths: unknown[][]; nodes: unknown[] }[];
  const paths = routes
    .map((route) => mergeRoute(route.paths.map((rels) => rels.map(readFact))))
    .sort(compareRoutes(from))
    .slice(0, q.limit);
  const entityById = new Map(
    routes.flatMap((route) => route.nodes.map(entityReader(fields))).map((e) => [e.id, e]),
  );
  return {
    paths,
    entities: entitiesOnPaths(from, paths, (id) => entityById.get(id)!),
    missing: missingEnds(found!.fromFound as boolean, found!.toFound as boolean),
  };
}

/** The neighbourhood of `id` in one statement (`neighborhoodQuery`), or null for an unknown centre. */
export async function neighborhood(tx: Tx, id: string, q: NeighborhoodQuery): Promise<Neighborhood | null> {
  const fields = entityFields(q.attributes);
  const toEntity = entityReader(fields);
  const facts = factFields(q.properties);
  const [found] = await tx.rows(neighborhoodQuery(q.depth, q.types, fields, facts), {
    id,
    limit: intParam(q.limit),
  });
  if (!found) return null;
  const distances = found.distances as unknown[];
  const nodes: Reached[] = (found.nodes as unknown[]).map((n, i) => ({
    entity: toEntity(n),
    distance: toNumber(distances[i]),
  }));
  return {
    nodes: nodes.sort(compareReached),
    relationships: (found.rels as unknown[]).map(factReader(facts)).sort(compareIds),
    truncated: found.truncated as boolean,
  };
}

/** Supply rows and their context (`GraphStore.supplyContext`) in one statement, `SUPPLY_CONTEXT`. */
export async function supplyContext(
  tx: Tx,
  materialIds: readonly string[],
  stage: SupplyStage | undefined,
  countryIds: readonly string[] | null,
  attributes?: AttributeSelection,
): Promise<SupplyContext> {
  const fields = entityFields(attributes);
  const toEntity = entityReader(fields);
  // Always one record (every part is collected, empty when nothing matches).
  const [found] = await tx.rows(supplyContextQuery(fields), {
    materialIds: [...new Set(materialIds)],
    stage: stage ?? null,
    alliances: countryIds !== null,
    countryIds: [...new Set(countryIds ?? [])],
  });
  const rows = (found!.rows as Record<string, unknown>[]).map((row) =>
    supplyRow(toFact(row.rel), toEntity(row.supplier), {
      supplierCountries: (row.supplierCountries as string[] | null) ?? [],
      operators: (row.operators as { id: string; countries: string[] | null }[]).map((o) => ({
        id: o.id,
        countries: o.countries ?? [],
      })),
    }),
  );
  const memberships = (found!.memberships as unknown[]).map(toRelationship);
  const entities = (found!.entities as unknown[]).map(toEntity);
  rows.sort((a, b) => compareIds(a.relationship, b.relationship));
  return contextOf(rows, countryIds, memberships, entities);
}
