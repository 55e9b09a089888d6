import type { AuditEntry } from '../domain/audit.js';
import type { ChangesPage } from '../domain/changes.js';
import type { WriteRequest } from '../domain/edits.js';
import type { AttributeSelection, Entity } from '../domain/entity.js';
import type { Proposal, ProposalStatus, ProposalType } from '../domain/ingest/proposal.js';
import type { GraphSnapshot } from '../domain/ingest/snapshot.js';
import type { Direction, EntityKind, RelationType, SupplyStage } from '../domain/model.js';
import type { AuditKey, EntityKey, Seek } from '../domain/pagination.js';
import type { GraphStats } from '../domain/stats.js';
import type { SupplyContext } from '../domain/supply.js';
import type { Neighborhood, NeighborhoodQuery, PathQuery, PathsAnswer } from '../domain/traversal.js';
import type { Relationship } from '../domain/relationship.js';

/** Which relationships of an entity to return. */
export interface RelationshipFilter {
  /** Only these types; all when absent or empty. */
  types?: readonly RelationType[];
  direction: Direction;
  /** Only relationships whose validity window holds on this ISO day; no time filter when absent. */
  asOf?: string;
  /** Include retracted relationships (hidden by default). */
  includeRetracted?: boolean;
}

/**
 * One hop to related entities: a relationship type and direction (no time filter, retracted
 * left out), and the hops asked from each entity it reaches (none for a single hop). The one
 * type for this idea: a typed shortcut field names one, the look-ahead nests them, the stores
 * read them (never change them).
 */
export interface RelatedHop {
  type: RelationType;
  direction: 'OUT' | 'IN';
  next: RelatedHop[];
}

/** An entity and, for each hop asked (in that order), the entities at the other end as `relatedEntities` gives them, each with its own tree. */
export interface RelatedTree {
  entity: Entity;
  ends: RelatedTree[][];
}

/** Filter and page for listing entities. Ordering: by sort key (folded name), then id; paged by seek bounds on that key. */
export interface EntityQuery {
  kind?: EntityKind;
  /** Search text: entities it matches by `matchesText` (accents, case and word forms folded). */
  search?: string;
  seek: Seek<EntityKey>;
  /** The attributes the page's entities must carry (domain/entity.ts `AttributeSelection`); all when absent. */
  attributes?: AttributeSelection;
}

/** A page in list order, whether more lie beyond it in the direction walked, and how many match over all pages. */
export interface EntityPage {
  items: Entity[];
  hasMore: boolean;
  totalCount: number;
}

export type { WriteBatch, WriteRequest } from '../domain/edits.js';

/** Filter and page for the audit trail, newest first. */
export interface AuditQuery {
  /** Only entries that changed this entity or relationship. */
  targetId?: string;
  /** Only entries by this caller, as an actor key (`actorKey`): `api-key:<name>`, `jwt:<issuer>|<subject>`, or `legacy:<id>` for entries that recorded no method. */
  actor?: string;
  seek: Seek<AuditKey>;
}

/** A page in list order (newest first), whether more lie beyond it in the direction walked, and how many match. */
export interface AuditPage {
  items: AuditEntry[];
  hasMore: boolean;
  totalCount: number;
}

/** Filter and page for review proposals, ordered by id (keyset cursors on the id). */
export interface ProposalQuery {
  /** Only proposals extracted from this document (a SOURCE id). */
  documentId?: string;
  status?: ProposalStatus;
  type?: ProposalType;
  seek: Seek<string>;
}

/** A page in id order, whether more lie beyond it in the direction walked, and how many match. */
export interface ProposalPage {
  items: Proposal[];
  hasMore: boolean;
  totalCount: number;
}

/** What a seed load did, record by record. */
export interface LoadReport {
  created: number;
  updated: number;
  unchanged: number;
  /** Seed records left alone because an API edit owns them. */
  skipped: number;
}

/**
 * The store port: small and domain-shaped. Every method is batched where a GraphQL request
 * could call it once per result (ids in, one answer per id out), so a request makes a bounded
 * number of round trips. Adapters: `memory/` (embedded, the default) and `neo4j/`.
 * Implementations throw domain errors only (see `domain/errors.ts`).
 *
 * Retracted relationships (see `domain/edits.ts`) are left out of `relationshipsOf` (unless
 * asked for), `relationshipsCiting`, `shortestPaths`, `neighborhood` and `supplyContext`;
 * `getRelationships` and `exportAll` return them, marked.
 */
export interface GraphStore {
  /** Entities by id, in the order asked; null for an unknown id. */
  getEntities(ids: readonly string[]): Promise<(Entity | null)[]>;
  /** A page of entities, ordered by name then id. */
  listEntities(query: EntityQuery): Promise<EntityPage>;
  /** Candidates whose name or an alias contains `text` case-insensitively (ranking is the domain's). */
  searchCandidates(text: string, limit: number): Promise<Entity[]>;
  /** For each entity id, its relationships matching the filter, ordered by relationship id. */
  relationshipsOf(ids: readonly string[], filter: RelationshipFilter): Promise<Relationship[][]>;
  /**
   * For each entity id, the entities at the other end of its relationships matching the filter
   * (OUT: each relationship's `to`, IN: its `from`), one per relationship, in relationship-id
   * order: what `relationshipsOf` then `getEntities` give, in one round trip.
   */
  relatedEntities(
    ids: readonly string[],
    filter: RelationshipFilter & { direction: 'OUT' | 'IN' },
  ): Promise<Entity[][]>;
  /**
   * For each entity id, the entity and the entities `hops` reach from it, hop by hop: what
   * `getEntities` then `relatedEntities` per hop give, in one round trip (the look-ahead of a
   * nested GraphQL selection). Null for an unknown id.
   */
  relatedTrees(ids: readonly string[], hops: readonly RelatedHop[]): Promise<(RelatedTree | null)[]>;
  /** Relationships by id, in the order asked; null for an unknown id. */
  getRelationships(ids: readonly string[]): Promise<(Relationship | null)[]>;
  /** For each source id, the relationships citing it, ordered by relationship id (an index lookup). */
  relationshipsCiting(sourceIds: readonly string[]): Promise<Relationship[][]>;
  /**
   * All shortest paths between two entities, ignoring direction, over the given types (all when
   * absent), up to `maxHops`; each path as its relationships (without citations) from `from` to `to`. Ordered by
   * `comparePaths`, the first `limit` of at most PATH_ENUMERATION_CAP enumerated, with the entities
   * on them and the ends that are unknown ids (no paths then), in one round trip. No paths when
   * either id is unknown or no path is that short.
   */
  shortestPaths(from: string, to: string, query: PathQuery): Promise<PathsAnswer>;
  /** The neighbourhood of `id` (see domain/traversal.ts for its order and cut); null for an unknown id. */
  neighborhood(id: string, query: NeighborhoodQuery): Promise<Neighborhood | null>;
  /**
   * PRODUCES facts (without their citations) into any of `materialIds` (at `stage` when given),
   * with their suppliers' site and operator countries, ordered by relationship id; and, in the same
   * round trip, the live MEMBER_OF relationships of the countries they name and of `countryIds`,
   * and those countries' and the operators' entities (domain/supply.ts `SupplyContext`). With
   * `countryIds` null (no alliance question), no memberships and only the countries' entities.
   * Its entities (suppliers, countries, operators) carry `attributes` (all when absent).
   */
  supplyContext(
    materialIds: readonly string[],
    stage: SupplyStage | undefined,
    countryIds: readonly string[] | null,
    attributes?: AttributeSelection,
  ): Promise<SupplyContext>;
  /** How many entities and relationships (retracted ones included) the store holds (for health and tests). */
  stats(): Promise<{ entities: number; relationships: number }>;
  /**
   * The graph in figures (domain/stats.ts): entities by kind; relationships, leaving out retracted
   * ones and, with `asOf` (an ISO day), those not holding that day, by type, by `validFrom`
   * period, and their citations by source; audited writes by month. One round trip.
   */
  graphStats(asOf?: string): Promise<GraphStats>;
  /**
   * Loads seed records: creates what is missing, updates SEED-owned records that differ,
   * leaves API-owned records alone. Idempotent. A load that created or updated anything takes
   * the next number of the change sequence (a SEED change).
   */
  loadSeed(entities: readonly Entity[], relationships: readonly Relationship[]): Promise<LoadReport>;
  /**
   * Applies an edit made through the API as one transaction, all or nothing: reads the ids the
   * request names, runs its plan on them (a plan may refuse with a domain error), checks the
   * batch, writes it and its audit entry. Records are upserted by id and become API-owned (the
   * seed never overwrites them afterwards). Relationship ends must exist (in the store or in the
   * same batch), else nothing is written and a NOT_FOUND / BAD_USER_INPUT domain error is thrown.
   * The plan sees the proposals named in `reads.proposalIds`; the batch's proposals are upserted by
   * id in the same transaction.
   * Resolves once the write is durable, with the audit entry recorded.
   */
  applyWrite(request: WriteRequest): Promise<AuditEntry>;
  /**
   * A page of review proposals (never facts: no other read returns them). Proposals are written by
   * `applyWrite` (a batch's `proposals`, stored in batches with the facts and audit entry of the same
   * transaction) and read back here.
   */
  proposals(query: ProposalQuery): Promise<ProposalPage>;
  /** Proposals by id, in the order asked; null for an unknown id. */
  getProposals(ids: readonly string[]): Promise<(Proposal | null)[]>;
  /** The audit trail of API writes, newest first. */
  auditLog(query: AuditQuery): Promise<AuditPage>;
  /** Audit entries by their stored id, in the order asked; null for an unknown id. */
  getAuditEntries(ids: readonly string[]): Promise<(AuditEntry | null)[]>;
  /**
   * The change sequence's latest number: every audited write (`applyWrite`) and every seed load
   * that created or updated a record (`loadSeed`) takes the next one, in the same transaction as
   * the write; 0 before the first. Never goes back, restarts included.
   */
  changeSequence(): Promise<number>;
  /**
   * Up to `limit` changes numbered after `after`, in sequence order (numbers are consecutive from
   * `oldestRetained` on), and the oldest number the store still holds.
   */
  changesSince(after: number, limit: number): Promise<ChangesPage>;
  /** Every entity and relationship (export and backup), ordered by id. */
  exportAll(): Promise<{ entities: Entity[]; relationships: Relationship[] }>;
  /**
   * What extraction matches a document against (`graphSnapshot`), ordered by id: every entity
   * but SOURCEs (id, kind, name, aliases) and every relationship not retracted (id, type, ends
   * and the key properties stage, year, title, validFrom, validUntil); no citations, no text.
   */
  extractionSnapshot(): Promise<GraphSnapshot>;
  /** Whether the store can answer now (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
