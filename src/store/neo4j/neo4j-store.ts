import type { AttributeSelection, Entity } from '../../domain/entity.js';
import type { Proposal } from '../../domain/ingest/proposal.js';
import { graphSnapshot, type GraphSnapshot } from '../../domain/ingest/snapshot.js';
import { compareIds } from '../../domain/order.js';
import type { EntityKey, Seek } from '../../domain/pagination.js';
import { searchText } from '../../domain/text-keys.js';
import type { SupplyStage } from '../../domain/model.js';
import type { Relationship } from '../../domain/relationship.js';
import { graphStats, type GraphStats } from '../../domain/stats.js';
import type { SupplyContext } from '../../domain/supply.js';
import type { Neighborhood, NeighborhoodQuery, PathQuery, PathsAnswer } from '../../domain/traversal.js';
import type { AuditEntry } from '../../domain/audit.js';
import type { ChangesPage } from '../../domain/changes.js';
import type { WriteRequest } from '../../domain/edits.js';
import type {
  AuditPage,
  AuditQuery,
  EntityPage,
  EntityQuery,
  GraphStore,
  LoadReport,
  ProposalPage,
  ProposalQuery,
  RelatedHop,
  RelatedTree,
  RelationshipFilter,
} from '../graph-store.js';
import { SEED_TRANSACTION_TIMEOUT_MS, type Neo4jConfig } from './neo4j-config.js';
import { Neo4jGateway, type GatewayOptions, type Work } from './neo4j-gateway.js';
import {
  entityFields,
  entityReader,
  intParam,
  toAuditEntry,
  toEntity,
  toFact,
  toGraphChange,
  toNumber,
  toRelatedTree,
  toRelationship,
  toStatsTallies,
} from './neo4j-mappers.js';
import { neighborhood, shortestPaths, supplyContext } from './neo4j-traversal.js';
import { entitiesById, proposalsById, relationshipsById } from './neo4j-reads.js';
import { COUNT_PROPOSALS, proposalsQuery } from './ingest.queries.js';
import { applyWriteWork, loadSeedWork } from './neo4j-writes.js';
import {
  countEntitiesQuery,
  listEntitiesQuery,
  searchPageQuery,
  SEARCH_CANDIDATES,
} from './entities.queries.js';
import {
  COUNT_ENTITIES,
  COUNT_RELATIONSHIPS,
  EXPORT_ENTITIES,
  EXPORT_RELATIONSHIPS,
  EXTRACTION_SNAPSHOT,
  PING,
} from './graph.queries.js';
import {
  relatedEntitiesQuery,
  relatedTreesQuery,
  relationshipsOfQuery,
  RELATIONSHIPS_CITING,
} from './relationships.queries.js';
import { GRAPH_STATS } from './stats.queries.js';
import { auditEntriesQuery, AUDIT_ENTRIES_BY_ID, COUNT_AUDIT_ENTRIES } from './writes.queries.js';
import { setUpSchema } from './schema-setup.js';
import { CHANGES_SINCE, CURRENT_SEQUENCE, OLDEST_CHANGE } from './changes.queries.js';

/** The seek bounds as query parameters (null: unbounded). */
function seekParams(seek: Seek<EntityKey>) {
  return {
    afterKey: seek.after?.sortKey ?? null,
    afterId: seek.after?.id ?? null,
    beforeKey: seek.before?.sortKey ?? null,
    beforeId: seek.before?.id ?? null,
  };
}

/** A search text folded by the domain (`searchText`), as the parameters of SEARCH_RANK. */
function searchParams(text: string) {
  const { folded, words, stems } = searchText(text);
  return { folded, words, stems, stem0: stems[0] ?? folded };
}

/** Rows fetched one past the limit (descending when backward) as a page in list order. */
function pageOf<T>(
  rows: T[],
  seek: Seek<unknown>,
  totalCount: number,
): { items: T[]; hasMore: boolean; totalCount: number } {
  const items = rows.slice(0, seek.limit);
  return { items: seek.backward ? items.reverse() : items, hasMore: rows.length > seek.limit, totalCount };
}

/**
 * Opens the one driver of the process, checks the server answers and sets up the schema.
 * Throws one DB_UNAVAILABLE error naming the URI and the reason when the server cannot be reached.
 * `options.onQuery` is told of every statement sent (round-trip counting in tests and bench/).
 */
export async function createNeo4jStore(
  config: Neo4jConfig,
  options: GatewayOptions = {},
): Promise<Neo4jStore> {
  const gateway = await Neo4jGateway.connect(config, options);
  try {
    await setUpSchema(gateway);
  } catch (error) {
    await gateway.close();
    throw error;
  }
  return new Neo4jStore(gateway);
}

/**
 * The GraphStore on Neo4j (see cypher-fragments.ts for the storage model). Every answer equals the
 * embedded store's: same records, same order, same absent optional fields. Each method is one
 * read or write transaction with a bounded number of statements, whatever the number of ids.
 */
export class Neo4jStore implements GraphStore {
  /** Use {@link createNeo4jStore}. */
  constructor(private readonly gateway: Neo4jGateway) {}

  async getEntities(ids: readonly string[]): Promise<(Entity | null)[]> {
    return this.readEach(async (tx) => {
      const found = await entitiesById(tx, ids);
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  async listEntities(query: EntityQuery): Promise<EntityPage> {
    const { search, seek } = query;
    const params = { ...seekParams(seek), limit: intParam(seek.limit + 1) };
    const fields = entityFields(query.attributes);
    const readEntity = entityReader(fields);
    if (search !== undefined)
      // A search checks every candidate anyway: the count and the page in one statement.
      return this.readEach(async (tx) => {
        const [row] = await tx.rows(searchPageQuery(query.kind, seek.backward, fields), {
          ...params,
          ...searchParams(search),
        });
        return pageOf((row?.page as unknown[]).map(readEntity), seek, toNumber(row?.total ?? 0));
      });
    // Without a search: the count store, then the page in sort-key order from the index (one snapshot).
    return this.read(async (tx) => {
      const [count] = await tx.rows(countEntitiesQuery(query.kind));
      const rows = await tx.rows(listEntitiesQuery(query.kind, seek.backward, fields), params);
      return pageOf(
        rows.map((r) => readEntity(r.entity)),
        seek,
        toNumber(count?.total ?? 0),
      );
    });
  }

  async searchCandidates(text: string, limit: number): Promise<Entity[]> {
    return this.readEach(async (tx) => {
      const rows = await tx.rows(SEARCH_CANDIDATES, { ...searchParams(text), limit: intParam(limit) });
      return rows.map((r) => toEntity(r.entity));
    });
  }

  async relationshipsOf(ids: readonly string[], filter: RelationshipFilter): Promise<Relationship[][]> {
    const query = relationshipsOfQuery(filter.direction, filter.types);
    return this.readEach(async (tx) => {
      const rows = await tx.rows(query, {
        ids: [...new Set(ids)],
        asOf: filter.asOf ?? null,
        includeRetracted: filter.includeRetracted ?? false,
      });
      const byEntity = new Map(
        rows.map((r) => [r.id as string, (r.rels as unknown[]).map(toRelationship).sort(compareIds)]),
      );
      return ids.map((id) => byEntity.get(id) ?? []);
    });
  }

  async relatedEntities(
    ids: readonly string[],
    filter: RelationshipFilter & { direction: 'OUT' | 'IN' },
  ): Promise<Entity[][]> {
    const query = relatedEntitiesQuery(filter.direction, filter.types);
    return this.readEach(async (tx) => {
      const rows = await tx.rows(query, {
        ids: [...new Set(ids)],
        asOf: filter.asOf ?? null,
        includeRetracted: filter.includeRetracted ?? false,
      });
      const byEntity = new Map(rows.map((r) => [r.id as string, (r.ends as unknown[]).map(toEntity)]));
      return ids.map((id) => byEntity.get(id) ?? []);
    });
  }

  async relatedTrees(ids: readonly string[], hops: readonly RelatedHop[]): Promise<(RelatedTree | null)[]> {
    const query = relatedTreesQuery(hops);
    return this.readEach(async (tx) => {
      const rows = await tx.rows(query, { ids: [...new Set(ids)] });
      const treeById = new Map(rows.map((r) => [r.id as string, toRelatedTree(r.tree)]));
      return ids.map((id) => treeById.get(id) ?? null);
    });
  }

  async getRelationships(ids: readonly string[]): Promise<(Relationship | null)[]> {
    return this.readEach(async (tx) => {
      const found = await relationshipsById(tx, ids);
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  async relationshipsCiting(sourceIds: readonly string[]): Promise<Relationship[][]> {
    return this.readEach(async (tx) => {
      const bySource = new Map<string, Relationship[]>();
      for (const row of await tx.rows(RELATIONSHIPS_CITING, { sourceIds: [...new Set(sourceIds)] })) {
        const list = bySource.get(row.sourceId as string) ?? [];
        list.push(toRelationship(row.rel));
        bySource.set(row.sourceId as string, list);
      }
      return sourceIds.map((id) => (bySource.get(id) ?? []).sort(compareIds));
    });
  }

  async shortestPaths(from: string, to: string, query: PathQuery): Promise<PathsAnswer> {
    return this.readEach((tx) => shortestPaths(tx, from, to, query));
  }

  async neighborhood(id: string, query: NeighborhoodQuery): Promise<Neighborhood | null> {
    return this.readEach((tx) => neighborhood(tx, id, query));
  }

  async supplyContext(
    materialIds: readonly string[],
    stage: SupplyStage | undefined,
    countryIds: readonly string[] | null,
    attributes?: AttributeSelection,
  ): Promise<SupplyContext> {
    return this.readEach((tx) => supplyContext(tx, materialIds, stage, countryIds, attributes));
  }

  async stats(): Promise<{ entities: number; relationships: number }> {
    return this.read(async (tx) => {
      const [entities] = await tx.rows(COUNT_ENTITIES);
      const [relationships] = await tx.rows(COUNT_RELATIONSHIPS);
      return { entities: toNumber(entities?.total ?? 0), relationships: toNumber(relationships?.total ?? 0) };
    });
  }

  async graphStats(asOf?: string): Promise<GraphStats> {
    return this.readEach(async (tx) => {
      const [row] = await tx.rows(GRAPH_STATS, { asOf: asOf ?? null });
      return graphStats(asOf, toStatsTallies(row ?? {}));
    });
  }

  async loadSeed(entities: readonly Entity[], relationships: readonly Relationship[]): Promise<LoadReport> {
    return this.gateway.write(loadSeedWork(entities, relationships), SEED_TRANSACTION_TIMEOUT_MS);
  }

  async applyWrite(request: WriteRequest): Promise<AuditEntry> {
    return this.gateway.write(applyWriteWork(request));
  }

  async proposals(query: ProposalQuery): Promise<ProposalPage> {
    const { seek } = query;
    const filter = {
      documentId: query.documentId ?? null,
      status: query.status ?? null,
      type: query.type ?? null,
    };
    return this.read(async (tx) => {
      const [count] = await tx.rows(COUNT_PROPOSALS, filter);
      const rows = await tx.rows(proposalsQuery(seek.backward), {
        ...filter,
        afterId: seek.after ?? null,
        beforeId: seek.before ?? null,
        limit: intParam(seek.limit + 1),
      });
      return pageOf(
        rows.map((r) => JSON.parse(r.json as string) as Proposal),
        seek,
        toNumber(count?.total ?? 0),
      );
    });
  }

  async getProposals(ids: readonly string[]): Promise<(Proposal | null)[]> {
    return this.readEach(async (tx) => {
      const found = await proposalsById(tx, ids);
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  async auditLog(query: AuditQuery): Promise<AuditPage> {
    const { seek } = query;
    const filter = { actor: query.actor ?? null, targetId: query.targetId ?? null };
    const bounds = {
      afterAt: seek.after?.at ?? null,
      afterId: seek.after?.id ?? null,
      beforeAt: seek.before?.at ?? null,
      beforeId: seek.before?.id ?? null,
    };
    return this.read(async (tx) => {
      const [count] = await tx.rows(COUNT_AUDIT_ENTRIES, filter);
      const rows = await tx.rows(auditEntriesQuery(seek.backward), {
        ...filter,
        ...bounds,
        limit: intParam(seek.limit + 1),
      });
      return pageOf(
        rows.map((r) => toAuditEntry(r.entry)),
        seek,
        toNumber(count?.total ?? 0),
      );
    });
  }

  async getAuditEntries(ids: readonly string[]): Promise<(AuditEntry | null)[]> {
    return this.readEach(async (tx) => {
      const found = new Map(
        (await tx.rows(AUDIT_ENTRIES_BY_ID, { ids: [...new Set(ids)] }))
          .map((r) => toAuditEntry(r.entry))
          .map((e) => [e.id, e]),
      );
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  async changeSequence(): Promise<number> {
    return this.readEach(async (tx) => {
      const [row] = await tx.rows(CURRENT_SEQUENCE);
      return toNumber(row?.sequence ?? 0);
    });
  }

  async changesSince(after: number, limit: number): Promise<ChangesPage> {
    return this.read(async (tx) => {
      const [oldest] = await tx.rows(OLDEST_CHANGE);
      const rows = await tx.rows(CHANGES_SINCE, { after: intParam(after), limit: intParam(limit) });
      const entries = rows.map((r) => toGraphChange(r.change, r.audited === true));
      if (oldest) return { entries, oldestRetained: toNumber(oldest.oldest) };
      const [latest] = await tx.rows(CURRENT_SEQUENCE);
      return { entries, oldestRetained: toNumber(latest?.sequence ?? 0) + 1 };
    });
  }

  async exportAll(): Promise<{ entities: Entity[]; relationships: Relationship[] }> {
    return this.read(async (tx) => {
      const entities = (await tx.rows(EXPORT_ENTITIES)).map((r) => toEntity(r.entity)).sort(compareIds);
      const relationships = (await tx.rows(EXPORT_RELATIONSHIPS))
        .map((r) => toRelationship(r.rel))
        .sort(compareIds);
      return { entities, relationships };
    });
  }

  async extractionSnapshot(): Promise<GraphSnapshot> {
    return this.readEach(async (tx) => {
      const [row] = await tx.rows(EXTRACTION_SNAPSHOT);
      const entities = (row?.entities as unknown[]).map(toEntity);
      const relationships = (row?.relationships as unknown[]).map(toFact);
      return graphSnapshot(entities, relationships);
    });
  }

  async ping(): Promise<boolean> {
    try {
      await this.readEach((tx) => tx.rows(PING));
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.gateway.close();
  }

  /** Work whose statements must share one snapshot (a count and its page, several reads that must agree): one read transaction. */
  private read<T>(work: Work<T>): Promise<T> {
    return this.gateway.read(work);
  }

  /** One statement, or independent reads by id: each statement its own auto-commit read (one round trip, see `Neo4jGateway.readEach`). */
  private readEach<T>(work: Work<T>): Promise<T> {
    return this.gateway.readEach(work);
  }
}
