import DataLoader from 'dataloader';
import type { Caller } from '../domain/caller.js';
import type { Entity } from '../domain/entity.js';
import type { Direction, EntityKind, RelationType } from '../domain/model.js';
import { pageWindow } from '../domain/pagination.js';
import type { Relationship } from '../domain/relationship.js';
import { rankSearch } from '../domain/search.js';
import type { EntityPage, GraphStore, RelationshipFilter } from '../store/graph-store.js';

/** How many candidates a search considers before ranking (more than any page). */
const SEARCH_CANDIDATES = 1000;

/**
 * The read side of the API for one request: batches and caches store calls through
 * DataLoaders, so resolvers asking one entity or relationship list at a time cost one round
 * trip per batch, not per result. Create one per request.
 */
export class GraphService {
  private readonly entities: DataLoader<string, Entity | null>;
  private readonly relationshipsById: DataLoader<string, Relationship | null>;
  private readonly citing: DataLoader<string, Relationship[]>;
  private readonly relationshipLoaders = new Map<string, DataLoader<string, Relationship[]>>();
  private readonly relatedLoaders = new Map<string, DataLoader<string, Entity[]>>();

  constructor(readonly store: GraphStore) {
    this.entities = new DataLoader((ids) => store.getEntities(ids));
    this.relationshipsById = new DataLoader((ids) => store.getRelationships(ids));
    this.citing = new DataLoader((ids) => store.relationshipsCiting(ids));
  }

  /** Drops every cached answer (after a write, so later fields read the graph as it is now). */
  forget(): void {
    this.entities.clearAll();
    this.relationshipsById.clearAll();
    this.citing.clearAll();
    this.relationshipLoaders.clear();
  }

  entity(id: string): Promise<Entity | null> {
    return this.entities.load(id);
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
    const key = JSON.stringify([[...(filter.types ?? [])].sort(), filter.direction, filter.asOf ?? null, filter.includeRetracted ?? false]);
    let loader = this.relationshipLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => this.store.relationshipsOf(ids, filter));
      this.relationshipLoaders.set(key, loader);
    }
    return loader.load(id);
  }

  /**
   * The entities at the other end of an entity's relationships of one type and direction,
   * optionally of one kind: one batched store call (ends included), whose entities then
   * answer later `entity(id)` calls of this request without a round trip.
   */
  async related(id: string, type: RelationType, direction: Exclude<Direction, 'BOTH'>, kind?: EntityKind): Promise<Entity[]> {
    const key = `${type}:${direction}`;
    let loader = this.relatedLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => this.store.relatedEntities(ids, { types: [type], direction }));
      this.relatedLoaders.set(key, loader);
    }
    const others = await loader.load(id);
    for (const e of others) this.entities.prime(e.id, e);
    return kind === undefined ? others : others.filter((e) => e.kind === kind);
  }

  /** Relationships citing a source, through the store's citation index. */
  citingSource(sourceId: string): Promise<Relationship[]> {
    return this.citing.load(sourceId);
  }

  listEntities(kind: EntityKind | undefined, search: string | undefined, first?: number | null, after?: string | null): Promise<EntityPage & { offset: number }> {
    const { offset, limit } = pageWindow(first, after);
    const text = search?.trim();
    return this.store
      .listEntities({ ...(kind && { kind }), ...(text && { search: text }), offset, limit })
      .then((page) => ({ ...page, offset }));
  }

  /** Entities matching `text`, ranked by the domain's one rule (exact, prefix, contains; then name, id). */
  async search(text: string, first?: number | null): Promise<Entity[]> {
    const { limit } = pageWindow(first, null);
    const needle = text.trim();
    if (needle === '') return [];
    return rankSearch(await this.store.searchCandidates(needle, SEARCH_CANDIDATES), needle).slice(0, limit);
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
}
