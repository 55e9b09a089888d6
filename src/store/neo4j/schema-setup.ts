import { RELATION_TYPE_NAMES, type RelationType } from '../../domain/model.js';
import { ALL_KIND_LABELS, typeAlternation } from './cypher-fragments.js';
import type { Neo4jGateway } from './neo4j-gateway.js';
import { derivedKeys, intParam, KEYS_VERSION, toEntity } from './neo4j-mappers.js';

/*
 * The constraints and indexes the store's queries rely on, created on start (IF NOT EXISTS, so
 * repeated starts and concurrent starts are harmless). Names are stable so they can be dropped
 * by name.
 */

const snake = (name: string) => name.toLowerCase();

/** One id space: a uniqueness constraint on Entity.id (also the index every id lookup seeks). */
const ENTITY_ID_UNIQUE = `CREATE CONSTRAINT entity_id_unique IF NOT EXISTS
FOR (n:Entity)
REQUIRE n.id IS UNIQUE`;

/** Listing all entities by sort key (folded name) then id, read in index order; entity cursors seek on it. */
const ENTITY_SORT_KEY_ID = `CREATE RANGE INDEX entity_sort_key_id IF NOT EXISTS
FOR (n:Entity)
ON (n.sortKey, n.id)`;

/** Listing one kind by sort key then id, read in index order (one composite index per kind label). */
const kindSortKeyIndex = (label: string) => `CREATE RANGE INDEX ${snake(label)}_sort_key_id IF NOT EXISTS
FOR (n:${label})
ON (n.sortKey, n.id)`;

/** The (name, id) indexes of API 0.1, which ordered case-sensitively: no query uses them any more. */
const dropNameIndex = (name: string) => `DROP INDEX ${name}_name_id IF EXISTS`;

/**
 * Search: a TEXT index (trigram-backed in Neo4j 5) answers `searchKey CONTAINS $folded` for any
 * substring, mid-word included, which a full-text (Lucene) index cannot do exactly; the exact
 * rank of `searchRank` is then computed on the candidates' `searchKeys`.
 */
const ENTITY_SEARCH_KEY = `CREATE TEXT INDEX entity_search_key IF NOT EXISTS
FOR (n:Entity)
ON (n.searchKey)`;

/** A relationship by id: relationship property indexes are per type, so one per allowed type. */
const relationshipIdIndex = (type: RelationType) => `CREATE RANGE INDEX rel_${snake(type)}_id IF NOT EXISTS
FOR ()-[r:${typeAlternation([type])}]-()
ON (r.id)`;

/** A relationship's citations. */
const CITATION_REL_ID = `CREATE RANGE INDEX citation_rel_id IF NOT EXISTS
FOR (c:Citation)
ON (c.relId)`;

/** The relationships citing a source. */
const CITATION_SOURCE_ID = `CREATE RANGE INDEX citation_source_id IF NOT EXISTS
FOR (c:Citation)
ON (c.sourceId)`;

/** One audit entry per id (a retried write MERGEs onto it). */
const AUDIT_ID_UNIQUE = `CREATE CONSTRAINT audit_entry_id_unique IF NOT EXISTS
FOR (a:AuditEntry)
REQUIRE a.id IS UNIQUE`;

/** The audit trail, newest first. */
const AUDIT_AT = `CREATE RANGE INDEX audit_entry_at IF NOT EXISTS
FOR (a:AuditEntry)
ON (a.at)`;

/** One change-sequence node (concurrent first writes MERGE onto the same one). */
const CHANGE_SEQUENCE_ID_UNIQUE = `CREATE CONSTRAINT change_sequence_id_unique IF NOT EXISTS
FOR (s:ChangeSequence)
REQUIRE s.id IS UNIQUE`;

/** Changes by number: what came after a number, and the oldest held. */
const CHANGE_SEQUENCE = `CREATE RANGE INDEX change_sequence IF NOT EXISTS
FOR (c:Change)
ON (c.sequence)`;

/** One review proposal per id (a retried write MERGEs onto it). */
const PROPOSAL_ID_UNIQUE = `CREATE CONSTRAINT proposal_id_unique IF NOT EXISTS
FOR (p:Proposal)
REQUIRE p.id IS UNIQUE`;

/** A document's proposals, in id order. */
const PROPOSAL_DOCUMENT_ID = `CREATE RANGE INDEX proposal_document_id IF NOT EXISTS
FOR (p:Proposal)
ON (p.documentId, p.id)`;

/** Every schema statement, in the order they are run. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  ENTITY_ID_UNIQUE,
  ...['entity', ...ALL_KIND_LABELS.map(snake)].map(dropNameIndex),
  ENTITY_SORT_KEY_ID,
  ...ALL_KIND_LABELS.map(kindSortKeyIndex),
  ENTITY_SEARCH_KEY,
  ...RELATION_TYPE_NAMES.map(relationshipIdIndex),
  CITATION_REL_ID,
  CITATION_SOURCE_ID,
  AUDIT_ID_UNIQUE,
  AUDIT_AT,
  CHANGE_SEQUENCE_ID_UNIQUE,
  CHANGE_SEQUENCE,
  PROPOSAL_ID_UNIQUE,
  PROPOSAL_DOCUMENT_ID,
];

/** Waits for indexes being populated, so the first queries already use them. */
const AWAIT_INDEXES = `CALL db.awaitIndexes(60)`;

/** Entities whose derived keys are missing or of an older derivation (a database written by an older version). */
export const STALE_KEYS = `MATCH (n:Entity)
WHERE n.keysVersion IS NULL OR n.keysVersion <> $version
RETURN n {.*} AS entity
LIMIT $limit`;

/** Writes recomputed derived keys, dropping API 0.1's lower-cased keys. */
export const WRITE_KEYS = `UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.keys
REMOVE n.nameLower, n.aliasesLower`;

const BACKFILL_BATCH = 500;

/**
 * Migration: computes the domain's derived keys (sortKey, searchKeys, searchKey) for every entity
 * an older version wrote, in batches, so that a database loaded before them lists and searches
 * like a fresh one. Returns how many entities it rewrote (0 once done: idempotent).
 */
export async function backfillDerivedKeys(gateway: Neo4jGateway): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await gateway.write(async (tx) => {
      const rows = await tx.rows(STALE_KEYS, {
        version: intParam(KEYS_VERSION),
        limit: intParam(BACKFILL_BATCH),
      });
      const entities = rows.map((r) => toEntity(r.entity));
      if (entities.length > 0)
        await tx.rows(WRITE_KEYS, { rows: entities.map((e) => ({ id: e.id, keys: derivedKeys(e) })) });
      return entities.length;
    });
    total += done;
    if (done < BACKFILL_BATCH) return total;
  }
}

/** Creates what is missing, waits until every index is online, and backfills derived keys. Idempotent. */
export async function setUpSchema(gateway: Neo4jGateway): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) await gateway.schema(statement);
  await gateway.schema(AWAIT_INDEXES);
  await backfillDerivedKeys(gateway);
}
