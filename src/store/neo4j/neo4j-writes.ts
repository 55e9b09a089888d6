import type { Entity, Origin } from '../../domain/entity.js';
import { BadInputError, NotFoundError } from '../../domain/errors.js';
import type { Relationship } from '../../domain/relationship.js';
import type { AuditEntry } from '../../domain/audit.js';
import type { WriteBatch, WriteRequest } from '../../domain/edits.js';
import type { LoadReport } from '../graph-store.js';
import { auditEntry, planSeedLoad } from '../records.js';
import type { Tx } from './neo4j-gateway.js';
import { chunks, groupBy } from './batches.js';
import { auditRow, citationRows, entityRow, intParam, relationshipRow, toNumber } from './neo4j-mappers.js';
import { CREATE_SEED_LOAD, NEXT_SEQUENCE } from './changes.queries.js';
import { entitiesById, proposalsById, relationshipsById } from './neo4j-reads.js';
import { UPSERT_PROPOSALS } from './ingest.queries.js';
import type { Proposal } from '../../domain/ingest/proposal.js';
import {
  CREATE_AUDIT_ENTRY,
  CREATE_CITATIONS,
  DELETE_CITATIONS,
  deleteRelationshipsQuery,
  EXISTING_ENTITY_IDS,
  upsertEntitiesQuery,
  upsertRelationshipsQuery,
} from './writes.queries.js';

/*
 * The write side: transaction functions that read what they need, check, then upsert with
 * batched UNWIND statements. They compute everything from the transaction's own reads, so the
 * driver may retry them safely.
 */

/** One record per id, the last given (what applying them in order leaves). */
function lastById<T extends { id: string }>(records: readonly T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}

/**
 * The embedded store's checks, in its order: every relationship's ends exist (in the store or
 * the batch), else NOT_FOUND; an existing relationship keeps its ends, else BAD_USER_INPUT.
 */
async function check(tx: Tx, batch: WriteBatch, existing: ReadonlyMap<string, Relationship>): Promise<void> {
  const incoming = new Set(batch.entities.map((e) => e.id));
  const ends = [...new Set(batch.relationships.flatMap((r) => [r.from, r.to]))].filter(
    (id) => !incoming.has(id),
  );
  const stored = new Set<string>();
  for (const part of chunks(ends)) {
    for (const row of await tx.rows(EXISTING_ENTITY_IDS, { ids: part })) stored.add(row.id as string);
  }
  for (const rel of batch.relationships) {
    for (const end of [rel.from, rel.to]) {
      if (!incoming.has(end) && !stored.has(end))
        throw new NotFoundError(`No entity with id "${end}"`, 'relationship');
    }
    const old = existing.get(rel.id);
    if (old && (old.from !== rel.from || old.to !== rel.to))
      throw new BadInputError(`Relationship ${rel.id} changes its ends`, 'relationship');
  }
}

async function upsertEntities(tx: Tx, entities: readonly Entity[], origin: Origin): Promise<void> {
  const rows = lastById(entities).map((e) => entityRow(e, origin));
  for (const [kind, group] of groupBy(rows, (r) => r.kind)) {
    for (const part of chunks(group)) await tx.rows(upsertEntitiesQuery(kind), { rows: part });
  }
}

async function upsertRelationships(
  tx: Tx,
  relationships: readonly Relationship[],
  existing: ReadonlyMap<string, Relationship>,
  origin: Origin,
): Promise<void> {
  const rels = lastById(relationships);
  const retyped = rels.flatMap((r) => {
    const old = existing.get(r.id);
    return old && old.type !== r.type ? [old] : [];
  });
  for (const [type, group] of groupBy(retyped, (r) => r.type)) {
    for (const part of chunks(group))
      await tx.rows(deleteRelationshipsQuery(type), { ids: part.map((r) => r.id) });
  }
  for (const part of chunks(rels)) await tx.rows(DELETE_CITATIONS, { relIds: part.map((r) => r.id) });
  for (const [type, group] of groupBy(rels, (r) => r.type)) {
    const rows = group.map((r) => relationshipRow(r, origin));
    for (const part of chunks(rows)) await tx.rows(upsertRelationshipsQuery(type), { rows: part });
  }
  for (const part of chunks(rels.flatMap(citationRows))) await tx.rows(CREATE_CITATIONS, { rows: part });
}

/** Checks, then upserts a batch as `origin`; throws (and so rolls back) before writing anything when a check fails. */
async function checkAndWrite(
  tx: Tx,
  batch: WriteBatch,
  existing: ReadonlyMap<string, Relationship>,
  origin: Origin,
): Promise<void> {
  await check(tx, batch, existing);
  await upsertEntities(tx, batch.entities, origin);
  await upsertRelationships(tx, batch.relationships, existing, origin);
}

/** Upserts review proposals, one statement per CHUNK of them. */
async function upsertProposals(tx: Tx, proposals: readonly Proposal[]): Promise<void> {
  const rows = lastById(proposals).map((p) => ({
    id: p.id,
    documentId: p.documentId,
    type: p.type,
    status: p.status,
    json: JSON.stringify(p),
  }));
  for (const part of chunks(rows)) await tx.rows(UPSERT_PROPOSALS, { rows: part });
}

/** Takes the next number of the change sequence (last in a write's transaction: see NEXT_SEQUENCE). */
async function nextSequence(tx: Tx): Promise<number> {
  const [row] = await tx.rows(NEXT_SEQUENCE);
  return toNumber(row?.sequence);
}

/**
 * An API edit: reads what the plan needs, plans, checks, upserts (API-owned from now on) and
 * records the audit entry under the next number of the change sequence, in the one transaction.
 * MERGE on the entry's id keeps a retried transaction from recording it twice.
 */
export function applyWriteWork(request: WriteRequest): (tx: Tx) => Promise<AuditEntry> {
  return async (tx) => {
    const entities = await entitiesById(tx, request.reads.entityIds);
    const relationships = await relationshipsById(tx, request.reads.relationshipIds);
    const proposals = await proposalsById(tx, request.reads.proposalIds ?? []);
    const batch = request.plan({ entities, relationships, proposals }, request.stamp);
    const missingEntities = batch.entities.map((e) => e.id).filter((id) => !entities.has(id));
    const missingRelationships = batch.relationships.map((r) => r.id).filter((id) => !relationships.has(id));
    for (const [id, e] of await entitiesById(tx, missingEntities)) entities.set(id, e);
    for (const [id, r] of await relationshipsById(tx, missingRelationships)) relationships.set(id, r);
    await checkAndWrite(tx, batch, relationships, 'API');
    await upsertProposals(tx, batch.proposals ?? []);
    const entry = auditEntry(
      request.stamp,
      batch,
      (id) => entities.get(id),
      (id) => relationships.get(id),
      await nextSequence(tx),
    );
    await tx.rows(CREATE_AUDIT_ENTRY, auditRow(entry));
    return entry;
  };
}

/**
 * A seed load, counted like the embedded store: missing records are created, SEED-owned ones
 * that differ are updated, equal ones are unchanged, API-owned ones are skipped. A load that
 * created or updated anything is recorded as a change under the next number of the sequence.
 */
export function loadSeedWork(
  entities: readonly Entity[],
  relationships: readonly Relationship[],
): (tx: Tx) => Promise<LoadReport> {
  return async (tx) => {
    const storedEntities = await entitiesById(
      tx,
      entities.map((e) => e.id),
    );
    const storedRelationships = await relationshipsById(
      tx,
      relationships.map((r) => r.id),
    );
    const { report, ...batch } = planSeedLoad(
      entities,
      relationships,
      (id) => storedEntities.get(id),
      (id) => storedRelationships.get(id),
    );
    await checkAndWrite(tx, batch, storedRelationships, 'SEED');
    if (report.created + report.updated > 0) {
      const { created, updated } = report;
      await tx.rows(CREATE_SEED_LOAD, {
        sequence: intParam(await nextSequence(tx)),
        at: new Date().toISOString(),
        created: intParam(created),
        updated: intParam(updated),
      });
    }
    return report;
  };
}
