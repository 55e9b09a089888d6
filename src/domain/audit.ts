import { compareIds } from './order.js';
import type { Entity } from './entity.js';
import type { Relationship } from './relationship.js';

/** Every kind of write the API accepts; each is one transaction and one audit entry. */
export const WRITE_ACTIONS = ['UPSERT_ENTITY', 'RECORD_SOURCE', 'ADD_RELATIONSHIP', 'RETIRE_RELATIONSHIP', 'RETRACT_RELATIONSHIP'] as const;
export type WriteAction = (typeof WRITE_ACTIONS)[number];

/** Who wrote, when, how and why: fixed before the write runs. */
export interface AuditStamp {
  /** A fresh UUID per request. */
  id: string;
  /** ISO 8601 instant (UTC) of the request. */
  at: string;
  /** The caller's id (an API key's name, a JWT's `sub`). */
  actor: string;
  action: WriteAction;
  /** Why: required, never empty. */
  note: string;
}

/** One record a write changed: as it was (null when new) and as it is now. */
export type AuditChange =
  | { target: 'ENTITY'; id: string; before: Entity | null; after: Entity }
  | { target: 'RELATIONSHIP'; id: string; before: Relationship | null; after: Relationship };

/** An audit trail entry: the stamp plus what changed (empty when the write repeated what was stored). */
export interface AuditEntry extends AuditStamp {
  changes: AuditChange[];
}

/** Order of the audit trail: newest first (by time, then id). */
export function newestFirst(a: AuditEntry, b: AuditEntry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return -compareIds(a, b);
}

/** The ids an entry touched (for "what happened to X"). */
export function auditTargets(entry: AuditEntry): string[] {
  return entry.changes.map((c) => c.id);
}
