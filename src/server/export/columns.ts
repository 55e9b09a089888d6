import { ENTITY_ATTRIBUTE_NAMES, type Entity } from '../../domain/entity.js';
import {
  RELATIONSHIP_PROPERTY_NAMES,
  type Citation,
  type Relationship,
  type RelationshipProperties,
} from '../../domain/relationship.js';

/*
 * The fields every export format writes, in one order: an entity's id, name, kind and
 * attributes; a relationship's id, ends, type, properties (retraction fields never: retracted
 * relationships are not exported) and citations.
 */

/** Relationship properties an export writes. */
export const EXPORTED_PROPERTIES = RELATIONSHIP_PROPERTY_NAMES.filter(
  (p): p is Exclude<typeof p, 'retractedAt' | 'retractionNote'> =>
    p !== 'retractedAt' && p !== 'retractionNote',
);

/** The value types of fields that are not text (GraphML `attr.type`); lists and records are written as JSON text. */
export const FIELD_TYPES: Partial<Record<string, 'int' | 'double' | 'boolean'>> = {
  atomicNumber: 'int',
  year: 'int',
  volume: 'double',
  share: 'double',
  capacity: 'double',
  disputed: 'boolean',
};

/** Fields whose value is a list or record, written as JSON text in GraphML and CSV. */
const JSON_FIELDS = new Set(['aliases', 'milestones', 'citations']);

/** A citation in its export form: source id, then quote and locator when present. */
export function exportedCitation(c: Citation): Citation {
  return {
    sourceId: c.sourceId,
    ...(c.quote !== undefined && { quote: c.quote }),
    ...(c.locator !== undefined && { locator: c.locator }),
  };
}

/** A field's value as text for a flat format (GraphML data, CSV cell); undefined when absent. */
export function fieldText(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  return scalar && !JSON_FIELDS.has(name) ? String(value) : JSON.stringify(value);
}

/** Entity fields in export order, with their values. */
export function entityFields(e: Entity): [string, unknown][] {
  return [
    ['name', e.name],
    ['kind', e.kind],
    ...ENTITY_ATTRIBUTE_NAMES.map((a): [string, unknown] => [a, e[a]]),
  ];
}

/** The entity columns after `id`. */
export const ENTITY_FIELD_NAMES = ['name', 'kind', ...ENTITY_ATTRIBUTE_NAMES];

/** Relationship fields in export order (after id and ends), with their values; `sources` is the cited source ids, space-separated. */
export function relationshipFields(r: Relationship): [string, unknown][] {
  return [
    ['type', r.type],
    ...EXPORTED_PROPERTIES.map((p): [string, unknown] => [p, r[p as keyof RelationshipProperties]]),
    ['sources', [...new Set(r.citations.map((c) => c.sourceId))].join(' ')],
    ['citations', r.citations.map(exportedCitation)],
  ];
}

/** The relationship columns after id, source and target. */
export const RELATIONSHIP_FIELD_NAMES = ['type', ...EXPORTED_PROPERTIES, 'sources', 'citations'];
