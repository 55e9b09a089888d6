import type { Entity } from '../../domain/entity.js';
import type { Proposal } from '../../domain/ingest/proposal.js';
import type { Relationship } from '../../domain/relationship.js';
import { chunks } from './batches.js';
import { GET_ENTITIES } from './entities.queries.js';
import type { Tx } from './neo4j-gateway.js';
import { toEntity, toRelationship } from './neo4j-mappers.js';
import { GET_RELATIONSHIPS } from './relationships.queries.js';
import { PROPOSALS_BY_ID } from './ingest.queries.js';

/*
 * Reads by id, as transaction functions: the store's lookups, and the reads a write or a
 * traversal makes inside its own transaction. One statement per CHUNK ids, whatever their number.
 */

/** Entities by id, as stored now (unknown ids are absent from the map). */
export async function entitiesById(tx: Tx, ids: readonly string[]): Promise<Map<string, Entity>> {
  const found = new Map<string, Entity>();
  for (const part of chunks([...new Set(ids)])) {
    for (const row of await tx.rows(GET_ENTITIES, { ids: part })) {
      const entity = toEntity(row.entity);
      found.set(entity.id, entity);
    }
  }
  return found;
}

/** Relationships by id, as stored now, citations included (unknown ids are absent from the map). */
export async function relationshipsById(tx: Tx, ids: readonly string[]): Promise<Map<string, Relationship>> {
  const found = new Map<string, Relationship>();
  for (const part of chunks([...new Set(ids)])) {
    for (const row of await tx.rows(GET_RELATIONSHIPS, {
      rows: part.map((id) => ({ id, from: id.split(':')[1] ?? null })),
    })) {
      const rel = toRelationship(row.rel);
      found.set(rel.id, rel);
    }
  }
  return found;
}

/** Review proposals by id, as stored now (unknown ids are absent from the map). */
export async function proposalsById(tx: Tx, ids: readonly string[]): Promise<Map<string, Proposal>> {
  const found = new Map<string, Proposal>();
  for (const part of chunks([...new Set(ids)])) {
    for (const row of await tx.rows(PROPOSALS_BY_ID, { ids: part })) {
      const proposal = JSON.parse(row.json as string) as Proposal;
      found.set(proposal.id, proposal);
    }
  }
  return found;
}
