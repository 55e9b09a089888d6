import type { Entity } from '../domain/entity.js';
import type { Relationship } from '../domain/relationship.js';

/**
 * Ordering shared by every store: by name, then id, comparing UTF-16 code units (what Neo4j's
 * ORDER BY does for strings), never the locale.
 */
export function byNameThenId(a: Entity, b: Entity): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether `text` occurs, case-insensitively, in the entity's name or one of its aliases. */
export function matchesText(entity: Entity, text: string): boolean {
  const needle = text.toLowerCase();
  return entity.name.toLowerCase().includes(needle) || (entity.aliases ?? []).some((a) => a.toLowerCase().includes(needle));
}

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
