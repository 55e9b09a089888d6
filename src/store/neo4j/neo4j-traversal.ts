import type { SupplyStage } from '../../domain/model.js';
import { supplyContext as contextOf, type SupplyContext, type SupplyRow } from '../../domain/supply.js';
import type { Entity } from '../../domain/entity.js';
import type { Relationship, RelationshipFact } from '../../domain/relationship.js';
import { supplyRow } from '../../domain/supply-sites.js';
import { compareIds } from '../../domain/order.js';
import {
  compareReached,
  compareRoutes,
  mergeRoute,
  entitiesOnPaths,
  PATH_ENUMERATION_CAP,
  type Neighborhood,
  type NeighborhoodQuery,
  type PathQuery,
  type PathsAnswer,
  type Reached,
} from '../../domain/traversal.js';
import type { Tx } from './neo4j-gateway.js';
import { intParam, toEntity, toNumber, toFact, toRelationship } from './neo4j-mappers.js';
import { entitiesById } from './neo4j-reads.js';
import { SUPPLY_CONTEXT } from './supply.queries.js';
import { neighborhoodQuery, shortestPathsQuery } from './traversal.queries.js';

/*
 * Traversals as read-transaction functions, with the embedded store's semantics
 * (memory-traversal.ts): directions ignored, only the allowed types, orders from the domain.
 */

/** All shortest routes via Cypher's allShortestPaths (at most PATH_ENUMERATION_CAP paths), grouped by entities in the database, in `compareRoutes` order, the first `limit`. */
export async function shortestPaths(tx: Tx, from: string, to: string, q: PathQuery): Promise<PathsAnswer> {
  if (from === to) {
    const found = await entitiesById(tx, [from]);
    return found.has(from) ? { paths: [[]], entities: [found.get(from)!] } : { paths: [], entities: [] };
  }
  // No row when either end is unknown (the query matches both ends first): no separate check.
  const rows = await tx.rows(shortestPathsQuery(q.maxHops, q.types), {
    from,
    to,
    cap: intParam(PATH_ENUMERATION_CAP),
    limit: intParam(q.limit),
  });
  const paths = rows
    .map((row) => mergeRoute((row.paths as unknown[][]).map((rels) => rels.map(toFact))))
    .sort(compareRoutes(from))
    .slice(0, q.limit);
  const entityById = new Map(
    rows.flatMap((row) => (row.nodes as unknown[]).map(toEntity)).map((e) => [e.id, e]),
  );
  return { paths, entities: entitiesOnPaths(from, paths, (id) => entityById.get(id)!) };
}

/** The neighbourhood of `id` in one statement (`neighborhoodQuery`), or null for an unknown centre. */
export async function neighborhood(tx: Tx, id: string, q: NeighborhoodQuery): Promise<Neighborhood | null> {
  const records = await tx.rows(neighborhoodQuery(q.depth, q.types), { id, limit: intParam(q.limit) });
  if (records.length === 0) return null;
  const nodes: Reached[] = [];
  const relationships: RelationshipFact[] = [];
  for (const r of records) {
    if (r.entity) nodes.push({ entity: toEntity(r.entity), distance: toNumber(r.distance) });
    else relationships.push(toFact(r.rel));
  }
  return {
    nodes: nodes.sort(compareReached),
    relationships: relationships.sort(compareIds),
    truncated: records[0]!.truncated as boolean,
  };
}

/** Supply rows and their context (`GraphStore.supplyContext`) in one statement, `SUPPLY_CONTEXT`. */
export async function supplyContext(
  tx: Tx,
  materialIds: readonly string[],
  stage: SupplyStage | undefined,
  countryIds: readonly string[] | null,
): Promise<SupplyContext> {
  const records = await tx.rows(SUPPLY_CONTEXT, {
    materialIds: [...new Set(materialIds)],
    stage: stage ?? null,
    alliances: countryIds !== null,
    countryIds: [...new Set(countryIds ?? [])],
  });
  const rows: SupplyRow[] = [];
  const memberships: Relationship[] = [];
  const entities: Entity[] = [];
  for (const { row: r, membership, entity } of records) {
    if (entity) entities.push(toEntity(entity));
    else if (membership) memberships.push(toRelationship(membership));
    else if (r) {
      const row = r as Record<string, unknown>;
      rows.push(
        supplyRow(toFact(row.rel), toEntity(row.supplier), {
          supplierCountries: (row.supplierCountries as string[] | null) ?? [],
          operators: (row.operators as { id: string; countries: string[] | null }[]).map((o) => ({
            id: o.id,
            countries: o.countries ?? [],
          })),
        }),
      );
    }
  }
  rows.sort((a, b) => compareIds(a.relationship, b.relationship));
  return contextOf(rows, countryIds, memberships, entities);
}
