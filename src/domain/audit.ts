import { compareIds } from './order.js';
import type { Entity } from './entity.js';
import type { Relationship } from './relationship.js';

/** Every kind of write the API accepts; each is one transaction and one audit entry. */
export const WRITE_ACTIONS = [
  'UPSERT_ENTITY',
  'RECORD_SOURCE',
  'ADD_RELATIONSHIP',
  'UPDATE_RELATIONSHIP',
  'ADD_CITATION',
  'RETIRE_RELATIONSHIP',
  'RETRACT_RELATIONSHIP',
  'INGEST_DOCUMENT',
  'ACCEPT_PROPOSAL',
  'REJECT_PROPOSAL',
  'UNDO_ACCEPT',
] as const;
export type WriteAction = (typeof WRITE_ACTIONS)[number];

/** How a writer proved who they are; `legacy` marks entries written before the method was recorded. */
export type ActorMethod = 'api-key' | 'jwt' | 'legacy';

/**
 * Who wrote: the credential's method and id (an API key's name, a JWT's `sub`), and for a JWT
 * the issuer (`iss`) when the token carried one. Two actors are the same writer only when all
 * three agree: an API key named alice and a JWT whose subject is alice are different actors.
 */
export interface Actor {
  method: ActorMethod;
  id: string;
  issuer?: string;
}

/** Escapes `%` and `|` in an issuer, so that `|` in a key always ends the issuer. */
const escapeIssuer = (issuer: string) => issuer.replace(/%/g, '%25').replace(/\|/g, '%7C');

/**
 * The one text form of an actor, as shown and filtered on: `api-key:<name>`,
 * `jwt:<issuer>|<subject>` (issuer empty when the token had none; `%` and `|` in it escaped as
 * `%25` and `%7C`), or `legacy:<id>` for entries that recorded no method. Distinct actors give
 * distinct keys.
 */
export function actorKey(actor: Actor): string {
  if (actor.method === 'jwt') return `jwt:${escapeIssuer(actor.issuer ?? '')}|${actor.id}`;
  return `${actor.method}:${actor.id}`;
}

/** Whether `key` has the form of an actor key (a method prefix {@link actorKey} gives). */
export function isActorKey(key: string): boolean {
  return /^(api-key:.+|jwt:[^|]*\|.+|legacy:.+)$/s.test(key);
}

/**
 * An actor as stored by any version: entries written before methods were recorded hold the
 * bare id (a string) and become `legacy`; newer ones hold an {@link Actor}.
 */
export function storedActor(value: unknown): Actor {
  if (typeof value === 'string') return { method: 'legacy', id: value };
  const v = value as Actor;
  return { method: v.method, id: v.id, ...(v.issuer !== undefined && { issuer: v.issuer }) };
}

/** Who wrote, when, how and why: fixed before the write runs. */
export interface AuditStamp {
  /** A fresh UUID per request. */
  id: string;
  /** ISO 8601 instant (UTC) of the request. */
  at: string;
  /** The caller, with the method that identified them. */
  actor: Actor;
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
  /** Its number in the change sequence (see changes.ts); absent on entries recorded before the sequence existed. */
  sequence?: number;
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
