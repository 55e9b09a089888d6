import { RELATION_TYPE_NAMES, type RelationType } from '../../domain/model.js';
import { ALL_KIND_LABELS, typeAlternation } from './cypher-fragments.js';
import type { Neo4jGateway } from './neo4j-gateway.js';

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

/** Listing all entities by name then id, read in index order. */
const ENTITY_NAME_ID = `CREATE RANGE INDEX entity_name_id IF NOT EXISTS
FOR (n:Entity)
ON (n.name, n.id)`;

/** Listing one kind by name then id, read in index order (one composite index per kind label). */
const kindNameIndex = (label: string) => `CREATE RANGE INDEX ${snake(label)}_name_id IF NOT EXISTS
FOR (n:${label})
ON (n.name, n.id)`;

/**
 * Search: a TEXT index (trigram-backed in Neo4j 5) answers `searchKey CONTAINS $needle` for any
 * substring, mid-word included, which a full-text (Lucene) index cannot do exactly; the exact
 * rule of `matchesText` is then checked on the candidates.
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

/** Every schema statement, in the order they are run. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  ENTITY_ID_UNIQUE,
  ENTITY_NAME_ID,
  ...ALL_KIND_LABELS.map(kindNameIndex),
  ENTITY_SEARCH_KEY,
  ...RELATION_TYPE_NAMES.map(relationshipIdIndex),
  CITATION_REL_ID,
  CITATION_SOURCE_ID,
  AUDIT_ID_UNIQUE,
  AUDIT_AT,
];

/** Waits for indexes being populated, so the first queries already use them. */
const AWAIT_INDEXES = `CALL db.awaitIndexes(60)`;

/** Creates what is missing and waits until every index is online. Idempotent. */
export async function setUpSchema(gateway: Neo4jGateway): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) await gateway.schema(statement);
  await gateway.schema(AWAIT_INDEXES);
}
