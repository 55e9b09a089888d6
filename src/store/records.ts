import type { AuditChange, AuditEntry, AuditStamp } from '../domain/audit.js';
import type { WriteBatch } from '../domain/edits.js';
import type { Entity } from '../domain/entity.js';
import type { Relationship } from '../domain/relationship.js';

/** Whether two records hold the same data (ignoring who owns them). */
export function sameRecord(a: Entity | Relationship, b: Entity | Relationship): boolean {
  return canonicalJson({ ...a, origin: null }) === canonicalJson({ ...b, origin: null });
}

/** JSON with object keys sorted and undefined dropped: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * The seed-ownership rule, shared by every store: a seed record missing from the store is
 * created, a SEED-owned one that differs is updated, an equal one is left unchanged, and an
 * API-owned one is skipped (the seed never overwrites an API edit). Returns what to write and
 * the counts to report.
 */
export function planSeedLoad(
  entities: readonly Entity[],
  relationships: readonly Relationship[],
  storedEntity: (id: string) => Entity | undefined,
  storedRelationship: (id: string) => Relationship | undefined,
): {
  entities: Entity[];
  relationships: Relationship[];
  report: { created: number; updated: number; unchanged: number; skipped: number };
} {
  const report = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const write = (existing: Entity | Relationship | undefined, record: Entity | Relationship): boolean => {
    if (existing === undefined) report.created++;
    else if (existing.origin === 'API') report.skipped++;
    else if (sameRecord(existing, record)) report.unchanged++;
    else report.updated++;
    return existing === undefined || (existing.origin === 'SEED' && !sameRecord(existing, record));
  };
  return {
    entities: entities.filter((e) => write(storedEntity(e.id), e)),
    relationships: relationships.filter((r) => write(storedRelationship(r.id), r)),
    report,
  };
}

/**
 * The audit entry of a batch about to be written as API-owned, under its number in the change
 * sequence: one change per record whose data differs from what is stored (a repeated write has
 * none). Shared by every store.
 */
export function auditEntry(
  stamp: AuditStamp,
  batch: WriteBatch,
  storedEntity: (id: string) => Entity | undefined,
  storedRelationship: (id: string) => Relationship | undefined,
  sequence: number,
): AuditEntry & { sequence: number } {
  const changes: AuditChange[] = [];
  for (const e of batch.entities) {
    const before = storedEntity(e.id) ?? null;
    const after: Entity = { ...e, origin: 'API' };
    if (!before || !sameRecord(before, after)) changes.push({ target: 'ENTITY', id: e.id, before, after });
  }
  for (const r of batch.relationships) {
    const before = storedRelationship(r.id) ?? null;
    const after: Relationship = { ...r, origin: 'API' };
    if (!before || !sameRecord(before, after))
      changes.push({ target: 'RELATIONSHIP', id: r.id, before, after });
  }
  return { ...stamp, changes, sequence };
}
