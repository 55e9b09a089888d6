import { createHash } from 'node:crypto';
import graphology from 'graphology';
import { holdsOn } from '../../domain/dates.js';
import type { Entity } from '../../domain/entity.js';
import type { Proposal } from '../../domain/ingest/proposal.js';
import { graphSnapshot, type GraphSnapshot } from '../../domain/ingest/snapshot.js';
import { BadInputError, NotFoundError, StorageUnavailableError } from '../../domain/errors.js';
import type { Relationship } from '../../domain/relationship.js';
import { actorKey, auditTargets, newestFirst, storedActor, type AuditEntry } from '../../domain/audit.js';
import { firstAfter, type ChangesPage, type GraphChange } from '../../domain/changes.js';
import type { WriteBatch, WriteRequest } from '../../domain/edits.js';
import { isRetracted } from '../../domain/relationship.js';
import { compareIds } from '../../domain/order.js';
import { graphStats, monthOfInstant, type GraphStats } from '../../domain/stats.js';
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
import { auditEntry, canonicalJson, planSeedLoad } from '../records.js';
import { rankSearch, textMatcher } from '../../domain/search.js';
import { compareAuditKeys, compareEntityKeys, seekInSorted } from '../../domain/pagination.js';
import { compareText } from '../../domain/order.js';
import { entityKey } from '../../domain/text-keys.js';
import type { EntityKind, SupplyStage } from '../../domain/model.js';
import { supplyContext, supplyCountries, supplyOperators, type SupplyContext } from '../../domain/supply.js';
import {
  entitiesOnPaths,
  missingEnds,
  type Neighborhood,
  type NeighborhoodQuery,
  type PathQuery,
  type PathsAnswer,
} from '../../domain/traversal.js';
import type { Journal } from './journal.js';
import { neighborhood, shortestPaths, supplyRows } from './memory-traversal.js';

const { MultiDirectedGraph } = graphology;
type Graph = InstanceType<typeof MultiDirectedGraph<Entity, Relationship>>;

/** The fingerprint of the seed after loading `records` over the seed fingerprinted `previous`. */
function seedFingerprint(previous: string | undefined, records: unknown): string {
  return createHash('sha256')
    .update(previous ?? '')
    .update(canonicalJson(records))
    .digest('hex');
}

/**
 * The embedded store: the whole graph in process, on graphology, with an index of the
 * relationships citing each source. Writes go to an append-only journal (fsynced) before they
 * are applied in memory, so a write that was acknowledged survives a restart, and a write the
 * disk refuses (StorageUnavailableError) changes neither the file nor the graph.
 *
 * The change sequence is kept in the journal too: each audit entry under its number, and a
 * seed load that changed records as a marker line. The seed loaded at start (before `open`) is
 * the base the journal applies to, not a change, unless it differs from the seed the journal
 * last recorded (seed/ edited between two starts): then it is the next change, and its marker is
 * journalled at start.
 */
export class MemoryStore implements GraphStore {
  private readonly graph: Graph = new MultiDirectedGraph<Entity, Relationship>();
  private readonly citing = new Map<string, Set<string>>();
  /** Review proposals by id (never part of the graph: only `proposals` and `getProposals` read them). */
  private readonly proposalsById = new Map<string, Proposal>();
  /** The audit trail, oldest first (journal order). */
  private readonly audits: AuditEntry[] = [];
  /** The change sequence, oldest first (numbers increasing, no holes). */
  private readonly changes: GraphChange[] = [];
  private sequence = 0;
  /** Loading the seed before `open` (a journalled store only): the base state, not a change. */
  private booting: boolean;
  /** The fingerprint of the seed loaded so far (journalled stores only). */
  private seed: string | undefined;
  private sorted: Entity[] | null = null;
  private readonly sortedByKind = new Map<EntityKind, Entity[]>();
  private writes: Promise<void> = Promise.resolve();

  /** `journal`: where API writes are persisted; none keeps them in memory only (tests). */
  constructor(private readonly journal?: Journal) {
    this.booting = journal !== undefined;
  }

  /**
   * Replays the journal's batches (API-owned records) and the change sequence over the graph;
   * call after loading the seed. When the seed loaded differs from the one the journal last
   * recorded, that is the next change (journalled now).
   */
  async open(): Promise<void> {
    if (!this.journal) return;
    let journalled: string | undefined;
    for (const record of await this.journal.readAll()) {
      this.apply(record, 'API');
      if (record.seed !== undefined) journalled = record.seed;
      if (record.seedLoad) this.recordChange({ kind: 'SEED', ...record.seedLoad });
      if (!record.audit) continue;
      // Entries journalled before methods were recorded hold a bare actor id: read as `legacy`.
      const entry = { ...record.audit, actor: storedActor(record.audit.actor) };
      this.audits.push(entry);
      if (entry.sequence !== undefined)
        this.recordChange({
          kind: 'WRITE',
          sequence: entry.sequence,
          entry: { ...entry, sequence: entry.sequence },
        });
    }
    this.booting = false;
    if (journalled === undefined || this.seed === undefined || journalled === this.seed) return;
    try {
      await this.journalSeedLoad();
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      // The disk refused (the journal warned): start anyway, and keep recording the seed the
      // journal knows, so that the next start finds the change again and journals it then.
      this.seed = journalled;
    }
  }

  getEntities(ids: readonly string[]): Promise<(Entity | null)[]> {
    return Promise.resolve(
      ids.map((id) => (this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : null)),
    );
  }

  listEntities(query: EntityQuery): Promise<EntityPage> {
    if (query.search === undefined) {
      // Without a search the list is a kept sorted list: a page is a binary search, not a scan.
      const list = this.entitiesOfKind(query.kind);
      const page = seekInSorted(list, entityKey, compareEntityKeys, query.seek);
      return Promise.resolve({ ...page, totalCount: list.length });
    }
    const search = query.search;
    const matching = this.entitiesOfKind(query.kind).filter(textMatcher(search));
    const page = seekInSorted(matching, entityKey, compareEntityKeys, query.seek);
    return Promise.resolve({ ...page, totalCount: matching.length });
  }

  searchCandidates(text: string, limit: number): Promise<Entity[]> {
    // Best rank first, as the Neo4j statement orders them, so a limit cuts both stores alike.
    return Promise.resolve(rankSearch(this.sortedEntities(), text).slice(0, limit));
  }

  relationshipsOf(ids: readonly string[], filter: RelationshipFilter): Promise<Relationship[][]> {
    const types = filter.types && filter.types.length > 0 ? new Set<string>(filter.types) : null;
    return Promise.resolve(
      ids.map((id) => {
        if (!this.graph.hasNode(id)) return [];
        const edges =
          filter.direction === 'OUT'
            ? this.graph.outEdges(id)
            : filter.direction === 'IN'
              ? this.graph.inEdges(id)
              : this.graph.edges(id);
        const rels: Relationship[] = [];
        for (const edge of new Set(edges)) {
          const rel = this.graph.getEdgeAttributes(edge);
          if (types && !types.has(rel.type)) continue;
          if (!filter.includeRetracted && isRetracted(rel)) continue;
          if (filter.asOf !== undefined && !holdsOn(filter.asOf, rel.validFrom, rel.validUntil)) continue;
          rels.push(rel);
        }
        return rels.sort(compareIds);
      }),
    );
  }

  async relatedEntities(
    ids: readonly string[],
    filter: RelationshipFilter & { direction: 'OUT' | 'IN' },
  ): Promise<Entity[][]> {
    const lists = await this.relationshipsOf(ids, filter);
    return lists.map((rels) =>
      rels.map((r) => this.graph.getNodeAttributes(filter.direction === 'OUT' ? r.to : r.from)),
    );
  }

  async relatedTrees(ids: readonly string[], hops: readonly RelatedHop[]): Promise<(RelatedTree | null)[]> {
    const grow = async (entity: Entity, below: readonly RelatedHop[]): Promise<RelatedTree> => ({
      entity,
      ends: await Promise.all(
        below.map(async (hop) => {
          const [ends = []] = await this.relatedEntities([entity.id], {
            types: [hop.type],
            direction: hop.direction,
          });
          return Promise.all(ends.map((end) => grow(end, hop.next)));
        }),
      ),
    });
    const roots = await this.getEntities(ids);
    return Promise.all(roots.map((root) => (root ? grow(root, hops) : Promise.resolve(null))));
  }

  getRelationships(ids: readonly string[]): Promise<(Relationship | null)[]> {
    return Promise.resolve(
      ids.map((id) => (this.graph.hasEdge(id) ? this.graph.getEdgeAttributes(id) : null)),
    );
  }

  relationshipsCiting(sourceIds: readonly string[]): Promise<Relationship[][]> {
    return Promise.resolve(
      sourceIds.map((id) =>
        [...(this.citing.get(id) ?? [])]
          .sort()
          .map((relId) => this.graph.getEdgeAttributes(relId))
          .filter((rel) => !isRetracted(rel)),
      ),
    );
  }

  shortestPaths(from: string, to: string, query: PathQuery): Promise<PathsAnswer> {
    const paths = shortestPaths(this.graph, from, to, query);
    return Promise.resolve({
      paths,
      entities: entitiesOnPaths(from, paths, (id) => this.graph.getNodeAttributes(id)),
      missing: missingEnds(this.graph.hasNode(from), this.graph.hasNode(to)),
    });
  }

  neighborhood(id: string, query: NeighborhoodQuery): Promise<Neighborhood | null> {
    return Promise.resolve(neighborhood(this.graph, id, query));
  }

  async supplyContext(
    materialIds: readonly string[],
    stage: SupplyStage | undefined,
    countryIds: readonly string[] | null,
  ): Promise<SupplyContext> {
    const rows = supplyRows(this.graph, materialIds, stage);
    const countries = [...supplyCountries(rows, countryIds)];
    const [memberships, entities] = await Promise.all([
      countryIds === null ? [] : this.relationshipsOf(countries, { types: ['MEMBER_OF'], direction: 'OUT' }),
      this.getEntities([...countries, ...supplyOperators(rows, countryIds)]),
    ]);
    return supplyContext(
      rows,
      countryIds,
      memberships.flat(),
      entities.filter((e): e is Entity => e !== null),
    );
  }

  stats(): Promise<{ entities: number; relationships: number }> {
    return Promise.resolve({ entities: this.graph.order, relationships: this.graph.size });
  }

  graphStats(asOf?: string): Promise<GraphStats> {
    const counted = this.graph
      .mapEdges((_, rel) => rel)
      .filter(
        (rel) => !isRetracted(rel) && (asOf === undefined || holdsOn(asOf, rel.validFrom, rel.validUntil)),
      );
    return Promise.resolve(
      graphStats(asOf, {
        entities: this.graph.mapNodes((_, e) => ({ kind: e.kind, count: 1 })),
        relationships: counted.map((rel) => ({ type: rel.type, validFrom: rel.validFrom ?? null, count: 1 })),
        citations: counted.flatMap((rel) =>
          rel.citations.map((c) => ({
            sourceId: c.sourceId,
            name: this.graph.hasNode(c.sourceId) ? this.graph.getNodeAttributes(c.sourceId).name : null,
            count: 1,
          })),
        ),
        writes: this.audits.map((a) => ({ month: monthOfInstant(a.at), count: 1 })),
      }),
    );
  }

  loadSeed(entities: readonly Entity[], relationships: readonly Relationship[]): Promise<LoadReport> {
    const plan = () => {
      const { report, ...batch } = planSeedLoad(
        entities,
        relationships,
        (id) => (this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined),
        (id) => (this.graph.hasEdge(id) ? this.graph.getEdgeAttributes(id) : undefined),
      );
      this.check(batch);
      if (this.journal) this.seed = seedFingerprint(this.seed, { entities, relationships });
      return { report, batch };
    };
    if (this.booting) {
      const { report, batch } = plan();
      this.apply(batch, 'SEED');
      return Promise.resolve(report);
    }
    return this.serialised(async () => {
      const { report, batch } = plan();
      if (report.created + report.updated > 0) await this.journalSeedLoad();
      this.apply(batch, 'SEED');
      return report;
    });
  }

  applyWrite(request: WriteRequest): Promise<AuditEntry> {
    return this.serialised(async () => {
      const entity = (id: string) => (this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined);
      const relationship = (id: string) =>
        this.graph.hasEdge(id) ? this.graph.getEdgeAttributes(id) : undefined;
      const stored = {
        entities: new Map(
          request.reads.entityIds.flatMap((id) =>
            this.graph.hasNode(id) ? [[id, entity(id)!] as const] : [],
          ),
        ),
        relationships: new Map(
          request.reads.relationshipIds.flatMap((id) =>
            this.graph.hasEdge(id) ? [[id, relationship(id)!] as const] : [],
          ),
        ),
        proposals: new Map(
          (request.reads.proposalIds ?? []).flatMap((id) => {
            const found = this.proposalsById.get(id);
            return found ? [[id, found] as const] : [];
          }),
        ),
      };
      const batch = request.plan(stored, request.stamp);
      this.check(batch);
      const audit = auditEntry(request.stamp, batch, entity, relationship, this.sequence + 1);
      await this.journal?.append({ ...batch, audit, ...(this.seed !== undefined && { seed: this.seed }) });
      this.apply(batch, 'API');
      this.audits.push(audit);
      this.recordChange({ kind: 'WRITE', sequence: audit.sequence, entry: audit });
      return audit;
    });
  }

  changeSequence(): Promise<number> {
    return Promise.resolve(this.sequence);
  }

  changesSince(after: number, limit: number): Promise<ChangesPage> {
    const low = firstAfter(this.changes, after);
    return Promise.resolve({
      entries: this.changes.slice(low, low + limit),
      oldestRetained: this.changes[0]?.sequence ?? this.sequence + 1,
    });
  }

  proposals(query: ProposalQuery): Promise<ProposalPage> {
    const matching = [...this.proposalsById.values()]
      .filter(
        (p) =>
          (query.documentId === undefined || p.documentId === query.documentId) &&
          (query.status === undefined || p.status === query.status) &&
          (query.type === undefined || p.type === query.type),
      )
      .sort(compareIds);
    return Promise.resolve({
      ...seekInSorted(matching, (p) => p.id, compareText, query.seek),
      totalCount: matching.length,
    });
  }

  getProposals(ids: readonly string[]): Promise<(Proposal | null)[]> {
    return Promise.resolve(ids.map((id) => this.proposalsById.get(id) ?? null));
  }

  auditLog(query: AuditQuery): Promise<AuditPage> {
    const matching = this.audits
      .filter(
        (a) =>
          (query.actor === undefined || actorKey(a.actor) === query.actor) &&
          (query.targetId === undefined || auditTargets(a).includes(query.targetId)),
      )
      .sort(newestFirst);
    return Promise.resolve({
      ...seekInSorted(matching, (a) => ({ at: a.at, id: a.id }), compareAuditKeys, query.seek),
      totalCount: matching.length,
    });
  }

  getAuditEntries(ids: readonly string[]): Promise<(AuditEntry | null)[]> {
    return Promise.resolve(ids.map((id) => this.audits.find((a) => a.id === id) ?? null));
  }

  exportAll(): Promise<{ entities: Entity[]; relationships: Relationship[] }> {
    const entities = this.graph.mapNodes((_, e) => e).sort(compareIds);
    const relationships = this.graph.mapEdges((_, r) => r).sort(compareIds);
    return Promise.resolve({ entities, relationships });
  }

  async extractionSnapshot(): Promise<GraphSnapshot> {
    const { entities, relationships } = await this.exportAll();
    return graphSnapshot(entities, relationships);
  }

  ping(): Promise<boolean> {
    return Promise.resolve(true);
  }

  close(): Promise<void> {
    return this.journal?.close() ?? Promise.resolve();
  }

  /** Runs `work` after every earlier write, so plans see them all and the journal's order is the order applied. */
  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.then(work);
    this.writes = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Journals a seed load that changed records as the next change (the disk refusing it changes nothing), then records it. */
  private async journalSeedLoad(): Promise<void> {
    const seedLoad = { sequence: this.sequence + 1, at: new Date().toISOString() };
    await this.journal?.append({ entities: [], relationships: [], seed: this.seed, seedLoad });
    this.recordChange({ kind: 'SEED', ...seedLoad });
  }

  /** Adds a change to the sequence; one numbered at or below the latest (a hand-edited journal) is left out. */
  private recordChange(change: GraphChange): void {
    if (change.sequence <= this.sequence) return;
    this.changes.push(change);
    this.sequence = change.sequence;
  }

  /** Throws unless every relationship's ends exist in the graph or the batch, and keep their ends. */
  private check(batch: WriteBatch): void {
    const incoming = new Set(batch.entities.map((e) => e.id));
    for (const rel of batch.relationships) {
      for (const end of [rel.from, rel.to]) {
        if (!incoming.has(end) && !this.graph.hasNode(end))
          throw new NotFoundError(`No entity with id "${end}"`, 'relationship');
      }
      if (this.graph.hasEdge(rel.id)) {
        const old = this.graph.getEdgeAttributes(rel.id);
        if (old.from !== rel.from || old.to !== rel.to)
          throw new BadInputError(`Relationship ${rel.id} changes its ends`, 'relationship');
      }
    }
  }

  /** Applies a checked batch; cannot fail part-way. */
  private apply(batch: WriteBatch, origin: Entity['origin']): void {
    for (const p of batch.proposals ?? []) this.proposalsById.set(p.id, p);
    for (const e of batch.entities) {
      const entity = { ...e, origin };
      if (this.graph.hasNode(e.id)) this.graph.replaceNodeAttributes(e.id, entity);
      else this.graph.addNode(e.id, entity);
    }
    for (const r of batch.relationships) {
      const rel = { ...r, origin };
      if (this.graph.hasEdge(r.id)) {
        for (const c of this.graph.getEdgeAttributes(r.id).citations)
          this.citing.get(c.sourceId)?.delete(r.id);
        this.graph.replaceEdgeAttributes(r.id, rel);
      } else {
        this.graph.addDirectedEdgeWithKey(r.id, r.from, r.to, rel);
      }
      for (const c of rel.citations) {
        let set = this.citing.get(c.sourceId);
        if (!set) this.citing.set(c.sourceId, (set = new Set()));
        set.add(r.id);
      }
    }
    if (batch.entities.length > 0) {
      this.sorted = null;
      this.sortedByKind.clear();
    }
  }

  private sortedEntities(): Entity[] {
    if (!this.sorted) {
      // Each name folded once, not once per comparison: (sort key, id), the order every store shares.
      const keyed = this.graph.mapNodes((_, e) => ({ e, key: entityKey(e) }));
      keyed.sort((a, b) => compareEntityKeys(a.key, b.key));
      this.sorted = keyed.map((k) => k.e);
    }
    return this.sorted;
  }

  /** The entities of a kind (all when absent) in name order, kept until entities change. */
  private entitiesOfKind(kind: EntityKind | undefined): Entity[] {
    const all = this.sortedEntities();
    if (kind === undefined) return all;
    let list = this.sortedByKind.get(kind);
    if (!list) this.sortedByKind.set(kind, (list = all.filter((e) => e.kind === kind)));
    return list;
  }
}
