import { bounds, isPartialDate } from '../../domain/dates.js';
import { ENTITY_ATTRIBUTE_NAMES, type Entity } from '../../domain/entity.js';
import { allowsEnds } from '../../domain/model.js';
import { quoteOccursIn } from '../../domain/quote.js';
import { RELATIONSHIP_PROPERTY_NAMES, relationshipId, type Relationship } from '../../domain/relationship.js';

/** A seed entity as written (schema-valid). */
export type RawEntity = Omit<Entity, 'origin'>;

/** A seed relationship as written (schema-valid): no id, citations name their `source`. */
export type RawRelationship = Omit<Relationship, 'id' | 'origin' | 'citations'> & {
  citations: { source: string; quote?: string; locator?: string }[];
};

/** The domain entity of a schema-valid seed record (SEED-owned, attributes in canonical order). */
export function toEntity(raw: RawEntity): Entity {
  const entity: Entity = { id: raw.id, kind: raw.kind, name: raw.name, origin: 'SEED' };
  for (const key of ENTITY_ATTRIBUTE_NAMES) {
    if (raw[key] !== undefined) (entity as unknown as Record<string, unknown>)[key] = raw[key];
  }
  return entity;
}

/** The domain relationship of a schema-valid seed record, with its derived id. */
export function toRelationship(raw: RawRelationship): Relationship {
  const rel: Relationship = {
    id: relationshipId(raw.type, raw.from, raw.to, raw),
    type: raw.type,
    from: raw.from,
    to: raw.to,
    citations: raw.citations.map((c) => ({
      sourceId: c.source,
      ...(c.quote !== undefined && { quote: c.quote }),
      ...(c.locator !== undefined && { locator: c.locator }),
    })),
    origin: 'SEED',
  };
  for (const key of RELATIONSHIP_PROPERTY_NAMES) {
    if (raw[key] !== undefined) (rel as unknown as Record<string, unknown>)[key] = raw[key];
  }
  return rel;
}

interface Located<T> {
  file: string;
  record: T;
}

/**
 * The graph-level checks of a seed (the schema checks each record alone): duplicate ids,
 * dangling references, relationship types joining kinds the allow-list does not allow,
 * citations of non-sources, quotes not found in a held source text, quotes invented for
 * sources we hold no text of, malformed dates and windows that end before they start.
 */
export function checkGraph(
  entities: Located<Entity>[],
  relationships: Located<Relationship>[],
  sourceTexts: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Entity>();
  for (const { file, record } of entities) {
    if (byId.has(record.id)) problems.push(`${file}: duplicate entity id "${record.id}"`);
    byId.set(record.id, record);
    problems.push(...checkDates(`${file}: entity ${record.id}`, record));
  }
  const relIds = new Set<string>();
  for (const { file, record: rel } of relationships) {
    const at = `${file}: relationship ${rel.id}`;
    if (relIds.has(rel.id)) problems.push(`${at}: duplicate relationship (same type, ends, stage, year and title)`);
    relIds.add(rel.id);
    const from = byId.get(rel.from);
    const to = byId.get(rel.to);
    if (!from) problems.push(`${at}: "from" names no entity: ${rel.from}`);
    if (!to) problems.push(`${at}: "to" names no entity: ${rel.to}`);
    if (from && to && !allowsEnds(rel.type, from.kind, to.kind)) {
      problems.push(`${at}: ${rel.type} does not join ${from.kind} to ${to.kind}`);
    }
    problems.push(...checkDates(at, rel), ...checkCitations(at, rel, byId, sourceTexts));
  }
  return problems;
}

function checkCitations(
  at: string,
  rel: Relationship,
  byId: ReadonlyMap<string, Entity>,
  sourceTexts: ReadonlyMap<string, string>,
): string[] {
  if (rel.citations.length === 0) return [`${at}: no citation`];
  const problems: string[] = [];
  for (const c of rel.citations) {
    const source = byId.get(c.sourceId);
    if (!source) problems.push(`${at}: cites an unknown source "${c.sourceId}"`);
    else if (source.kind !== 'SOURCE') problems.push(`${at}: cites "${c.sourceId}", a ${source.kind}, not a SOURCE`);
    const text = sourceTexts.get(c.sourceId);
    if (c.quote === undefined && c.locator === undefined) problems.push(`${at}: a citation of ${c.sourceId} needs a quote or a locator`);
    if (c.quote !== undefined && text === undefined && source?.kind === 'SOURCE') {
      problems.push(`${at}: quotes ${c.sourceId}, whose text the seed does not hold (use a locator)`);
    }
    if (c.quote !== undefined && text !== undefined && !quoteOccursIn(c.quote, text)) {
      problems.push(`${at}: quote not found in ${c.sourceId}: "${c.quote}"`);
    }
  }
  return problems;
}

function checkDates(at: string, record: { date?: string; validFrom?: string; validUntil?: string }): string[] {
  const problems: string[] = [];
  for (const key of ['date', 'validFrom', 'validUntil'] as const) {
    const value = record[key];
    if (value !== undefined && !isPartialDate(value)) problems.push(`${at}: malformed ${key} "${value}"`);
  }
  const from = record.validFrom === undefined ? null : bounds(record.validFrom);
  const until = record.validUntil === undefined ? null : bounds(record.validUntil);
  if (from && until && until.last < from.first) {
    problems.push(`${at}: validUntil ${record.validUntil} is before validFrom ${record.validFrom}`);
  }
  return problems;
}
