import DataLoader from 'dataloader';
import type { AuditEntry } from '../../domain/audit.js';
import type { WriteRequest } from '../../domain/edits.js';
import type { Caller } from '../../domain/caller.js';
import type { AttributeSelection, Entity } from '../../domain/entity.js';
import type { Proposal } from '../../domain/ingest/proposal.js';
import type { GraphSnapshot } from '../../domain/ingest/snapshot.js';
import type { EntityKind, RelationType, SupplyStage } from '../../domain/model.js';
import {
  compareEntityKeys,
  seekInSorted,
  type EntityKey,
  type Seek,
  type SeekPage,
} from '../../domain/pagination.js';
import type { PropertySelection, Relationship } from '../../domain/relationship.js';
import type { GraphStats } from '../../domain/stats.js';
import type { SupplyContext } from '../../domain/supply.js';
import type { Neighborhood, NeighborhoodQuery, PathEnd, PathQuery, Route } from '../../domain/traversal.js';
import { rankedSearchKeys } from '../../domain/search.js';
import type {
  AuditPage,
  AuditQuery,
  EntityPage,
  GraphStore,
  ProposalPage,
  ProposalQuery,
  RelatedHop,
  RelatedTree,
  RelationshipFilter,
} from '../../store/graph-store.js';

/** How many candidates a search considers before ranking (more than any page). */
const SEARCH_CANDIDATES = 1000;

/**
 * The schema's one route to the store, for one request: batches and caches reads through
 * DataLoaders, so resolvers asking one entity or relationship list at a time cost one round
 * trip per batch, not per result; a write drops the cache. Create one per request.
 */
export class GraphService {
  private readonly entities: DataLoader<string, Entity | null>;
  private readonly relationshipsById: DataLoader<string, Relationship | null>;
  private readonly citing: DataLoader<string, Relationship[]>;
  private readonly relationshipLoaders = new Map<string, DataLoader<string, Relationship[]>>();
  private readonly relatedLoaders = new Map<string, DataLoader<string, Entity[]>>();
  private readonly treeLoaders = new Map<string, DataLoader<string, RelatedTree | null>>();
  /**
   * The entity attributes this request can read (entity/asked-attributes.ts), set once its
   * operation is known: the large reads (paths, neighbourhoods, supply) fetch only these, and their
   * entities still answer every later `entity(id)` of the request. All until set.
   */
  private attributes: AttributeSelection = undefined;
  /** The relationship properties this request can read (relationship/asked-properties.ts), likewise for paths and neighbourhoods. All until set. */
  private properties: PropertySelection = undefined;

  constructor(private readonly store: GraphStore) {
    this.entities = new DataLoader((ids) => store.getEntities(ids));
    this.relationshipsById = new DataLoader((ids) => store.getRelationships(ids));
    this.citing = new DataLoader((ids) => store.relationshipsCiting(ids));
  }

  /** Limits the attributes of the entities the large reads fetch to `attributes` (see the field); set before the operation runs. */
  readAttributes(attributes: AttributeSelection): void {
    this.attributes = attributes;
  }

  /** Limits the properties of the relationships paths and neighbourhoods fetch to `properties` (see the field); set before the operation runs. */
  readProperties(properties: PropertySelection): void {
    this.properties = properties;
  }

  /** Applies one write (one transaction, all or nothing) and drops every cached answer, so later fields read the graph as it is now. */
  async applyWrite(request: WriteRequest): Promise<AuditEntry> {
    const entry = await this.store.applyWrite(request);
    this.forget();
    return entry;
  }

  /** The change sequence's latest number (not cached). */
  changeSequence(): Promise<number> {
    return this.store.changeSequence();
  }

  /** A page of review proposals (not cached: review reads them once per field, and writes change them). */
  proposals(query: ProposalQuery): Promise<ProposalPage> {
    return this.store.proposals(query);
  }

  /** Review proposals by id, in the order asked; null for an unknown id (one store call, not cached). */
  getProposals(ids: readonly string[]): Promise<(Proposal | null)[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.store.getProposals(ids);
  }

  /** What extraction matches a document against (one store call, one statement on Neo4j). */
  extractionSnapshot(): Promise<GraphSnapshot> {
    return this.store.extractionSnapshot();
  }

  /** A page of the audit trail, newest first (not cached: asked once per field). */
  auditLog(query: AuditQuery): Promise<AuditPage> {
    return this.store.auditLog(query);
  }

  /** The graph in figures (not cached: asked once per field). */
  graphStats(asOf?: string): Promise<GraphStats> {
    return this.store.graphStats(asOf);
  }

  /** Audit entries by stored id, in the order asked; null for an unknown id (one store call). */
  auditEntries(ids: readonly string[]): Promise<(AuditEntry | null)[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.store.getAuditEntries(ids);
  }

  private forget(): void {
    this.entities.clearAll();
    this.relationshipsById.clearAll();
    this.citing.clearAll();
    this.relationshipLoaders.clear();
    this.relatedLoaders.clear();
    this.treeLoaders.clear();
  }

  entity(id: string): Promise<Entity | null> {
    return this.entities.load(id);
  }

  /**
   * An entity, with the related entities `hops` reach from it fetched in the same round trip
   * (the look-ahead of a nested selection, see entity/lookahead.ts): the `related` calls the nested
   * fields then make are answered from it. Batched with every other root asking the same hops.
   */
  async entityWith(id: string, hops: readonly RelatedHop[]): Promise<Entity | null> {
    if (hops.length === 0) return this.entity(id);
    const key = JSON.stringify(hops);
    let loader = this.treeLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => this.store.relatedTrees(ids, hops));
      this.treeLoaders.set(key, loader);
    }
    const tree = await loader.load(id);
    if (!tree) return null;
    this.prime(tree, hops);
    return tree.entity;
  }

  /** Fetches, for entities already found, the related entities `hops` reach (one round trip for them all); see {@link entityWith}. */
  async prefetch(ids: readonly string[], hops: readonly RelatedHop[]): Promise<void> {
    if (hops.length > 0) await Promise.all(ids.map((id) => this.entityWith(id, hops)));
  }

  /** Caches a tree's entities and, per hop, each entity's related entities. */
  private prime(tree: RelatedTree, hops: readonly RelatedHop[]): void {
    this.remember([tree.entity]);
    hops.forEach((hop, i) => {
      const ends = tree.ends[i] ?? [];
      this.relatedLoader(hop.type, hop.direction).prime(
        tree.entity.id,
        ends.map((end) => end.entity),
      );
      for (const end of ends) this.prime(end, hop.next);
    });
  }

  private relatedLoader(type: RelationType, direction: 'OUT' | 'IN'): DataLoader<string, Entity[]> {
    const key = `${type}:${direction}`;
    let loader = this.relatedLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => this.store.relatedEntities(ids, { types: [type], direction }));
      this.relatedLoaders.set(key, loader);
    }
    return loader;
  }

  /** Caches entities a store call brought along (a neighbourhood's nodes), for later `entity(id)` calls of this request. */
  remember(entities: readonly Entity[]): void {
    for (const e of entities) this.entities.prime(e.id, e);
  }

  /** Entities by id, unknown ids dropped. */
  async entitiesById(ids: readonly string[]): Promise<Entity[]> {
    const found = await this.entities.loadMany(ids);
    return found.filter((e): e is Entity => e !== null && !(e instanceof Error));
  }

  relationship(id: string): Promise<Relationship | null> {
    return this.relationshipsById.load(id);
  }

  /** One entity's relationships (batched with every other entity asking with the same filter). */
  relationshipsOf(id: string, filter: RelationshipFilter): Promise<Relationship[]> {
    const key = JSON.stringify([
      [...(filter.types ?? [])].sort(),
      filter.direction,
      filter.asOf ?? null,
      filter.includeRetracted ?? false,
    ]);
    let loader = this.relationshipLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => this.store.relationshipsOf(ids, filter));
      this.relationshipLoaders.set(key, loader);
    }
    return loader.load(id);
  }

  /**
   * The entities at the other end of an entity's relationships of one hop's type and direction
   * (its `next` is not followed), optionally of one kind: one batched store call (ends included), whose entities then
   * answer later `entity(id)` calls of this request without a round trip.
   */
  async related(id: string, hop: RelatedHop, kind?: EntityKind): Promise<Entity[]> {
    const others = await this.relatedLoader(hop.type, hop.direction).load(id);
    this.remember(others);
    return kind === undefined ? others : others.filter((e) => e.kind === kind);
  }

  /** The store's shortest paths and the ends that are unknown ids; the entities on them are kept for this request's `entity(id)` calls (no further round trip). */
  async shortestPaths(
    from: string,
    to: string,
    query: PathQuery,
  ): Promise<{ paths: Route[]; missing: PathEnd[] }> {
    const found = await this.store.shortestPaths(from, to, {
      ...query,
      attributes: this.attributes,
      properties: this.properties,
    });
    this.remember(found.entities);
    return { paths: found.paths, missing: found.missing };
  }

  /** The store's neighbourhood (null for an unknown centre); its nodes are kept for this request, as for paths. */
  async neighborhood(id: string, query: NeighborhoodQuery): Promise<Neighborhood | null> {
    const found = await this.store.neighborhood(id, {
      ...query,
      attributes: this.attributes,
      properties: this.properties,
    });
    if (found) this.remember(found.nodes.map((n) => n.entity));
    return found;
  }

  /** Supply rows and their context in one round trip; the context's entities answer later `entity(id)` calls of this request. */
  async supplyContext(
    materialIds: readonly string[],
    stage: SupplyStage | undefined,
    countryIds: readonly string[] | null,
  ): Promise<SupplyContext> {
    const context = await this.store.supplyContext(materialIds, stage, countryIds, this.attributes);
    this.remember(context.entities);
    return context;
  }

  /** Relationships citing a source, through the store's citation index. */
  citingSource(sourceId: string): Promise<Relationship[]> {
    return this.citing.load(sourceId);
  }

  /** A page of entities in name order (sort key, then id), optionally of one kind and found by a search text. */
  listEntities(
    kind: EntityKind | undefined,
    search: string | undefined,
    seek: Seek<EntityKey>,
  ): Promise<EntityPage> {
    const text = search?.trim();
    return this.store.listEntities({
      ...(kind && { kind }),
      ...(text && { search: text }),
      seek,
      attributes: this.attributes,
    });
  }

  /**
   * A page of the entities matching `text`, ranked by the domain's one rule (domain/text-keys.ts
   * `searchRank`; then sort key, id), paged by keyset on (rank, sort key, id); `totalCount`
   * counts the matches among the first SEARCH_CANDIDATES candidates.
   */
  async search(
    text: string,
    seek: Seek<EntityKey>,
  ): Promise<SeekPage<Entity> & { totalCount: number; keys: Map<string, EntityKey> }> {
    const needle = text.trim();
    if (needle === '') return { items: [], hasMore: false, totalCount: 0, keys: new Map() };
    const ranked = rankedSearchKeys(await this.store.searchCandidates(needle, SEARCH_CANDIDATES), needle);
    const page = seekInSorted(ranked, (r) => r.key, compareEntityKeys, seek);
    return {
      items: page.items.map((r) => r.entity),
      hasMore: page.hasMore,
      totalCount: ranked.length,
      keys: new Map(page.items.map((r) => [r.entity.id, r.key])),
    };
  }
}

/** What every resolver receives. */
export interface GraphContext {
  graph: GraphService;
  /** Who sent the request (the server's auth decides; see domain/caller.ts). */
  caller: Caller;
  /** Whether any write credential is configured; when not, every write is refused. */
  writesEnabled: boolean;
  /** The request's correlation id (also in the log and in every error). */
  requestId: string;
  /** Longest document text `ingestDocument` accepts (INGEST_MAX_TEXT_CHARS); the domain's default when absent. */
  ingestMaxTextChars?: number;
}
