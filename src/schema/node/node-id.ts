import { SLUG_PATTERN } from '../../domain/entity.js';

/**
 * Global object identification (Relay): one id space over entities, relationships and audit
 * entries, told apart by the id's form alone, so entity ids (slugs, used in URLs and
 * `entity(id:)`) and relationship ids stay what they always were:
 * - an entity's id is its slug (lower-case words joined by hyphens, never a colon);
 * - a relationship's id is `type:from:to[...]` (colons; no relation type is named "audit");
 * - an audit entry's id is `audit:<uuid>`: the prefix keeps a UUID, itself a valid slug, from
 *   naming an entity. The stores keep the bare UUID; only the API shows the prefix.
 */
export type NodeRef = { kind: 'ENTITY' | 'RELATIONSHIP' | 'AUDIT'; key: string };

const AUDIT_PREFIX = 'audit:';

/** The API id of an audit entry stored under `storedId` (a UUID). */
export function auditNodeId(storedId: string): string {
  return `${AUDIT_PREFIX}${storedId}`;
}

/** The API id of the `index`-th change of an audit entry: unique per change, not itself a node. */
export function auditChangeId(storedEntryId: string, index: number): string {
  return `${auditNodeId(storedEntryId)}/${index}`;
}

/** The API id of a relationship's `index`-th citation: unique per citation, not itself a node. */
export function citationId(relationshipId: string, index: number): string {
  return `${relationshipId}#${index}`;
}

/** The API id of the citation of a relationship's `index`-th status milestone: unique per citation, not itself a node. */
export function milestoneCitationId(relationshipId: string, index: number): string {
  return `${relationshipId}#milestone-${index}`;
}

/** What a global id names, and the key its store knows it by; null when no kind has ids of this form. */
export function parseNodeId(id: string): NodeRef | null {
  if (SLUG_PATTERN.test(id)) return { kind: 'ENTITY', key: id };
  if (id.startsWith(AUDIT_PREFIX)) return { kind: 'AUDIT', key: id.slice(AUDIT_PREFIX.length) };
  if (id.includes(':')) return { kind: 'RELATIONSHIP', key: id };
  return null;
}
