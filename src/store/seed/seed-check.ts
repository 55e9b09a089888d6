import { bounds, isPartialDate } from '../../domain/dates.js';
import { ENTITY_ATTRIBUTE_NAMES, type Entity } from '../../domain/entity.js';
import { allowsEnds, type FacilityStatus } from '../../domain/model.js';
import { orderMilestones } from '../../domain/production-status.js';
import { quoteOccursIn } from '../../domain/quote.js';
import { RELATIONSHIP_PROPERTY_NAMES, relationshipId, type Citation, type Relationship, type StatusMilestone } from '../../domain/relationship.js';

/** A seed entity as written (schema-valid). */
export type RawEntity = Omit<Entity, 'origin'>;

/** A seed relationship as written (schema-valid): no id, citations name their `source`. */
export type RawRelationship = Omit<Relationship, 'id' | 'origin' | 'citations' | 'milestones'> & {
  citations: RawCitation[];
  milestones?: { status: FacilityStatus; date: string; planned?: boolean; citation: RawCitation }[];
};

/** A seed citation as written: it names its `source`. */
type RawCitation = { source: string; quote?: string; locator?: string };

function toCitation(c: RawCitation): Citation {
  return { sourceId: c.source, ...(c.quote !== undefined && { quote: c.quote }), ...(c.locator !== undefined && { locator: c.locator }) };
}

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
    citations: raw.citations.map(toCitation),
    origin: 'SEED',
  };
  const milestones = raw.milestones && orderMilestones(raw.milestones.map((m): StatusMilestone => ({ status: m.status, date: m.date, planned: m.planned ?? false, citation: toCitation(m.citation) })));
  for (const key of RELATIONSHIP_PROPERTY_NAMES) {
    const value = key === 'milestones' ? milestones : raw[key];
    if (value !== undefined) (rel as unknown as Record<string, unknown>)[key] = value;
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
    problems.push(...checkDates(at, rel), ...checkCitations(at, rel.citations, byId, sourceTexts), ...checkMilestones(at, rel, byId, sourceTexts));
  }
  return problems;
}

/**
 * A status history belongs to a PRODUCES line; each milestone has a well-formed date and a valid
 * citation; and the line's `status` is its last recorded milestone's status (the two never disagree).
 */
function checkMilestones(at: string, rel: Relationship, byId: ReadonlyMap<string, Entity>, sourceTexts: ReadonlyMap<string, string>): string[] {
  if (rel.milestones === undefined) return [];
  if (rel.type !== 'PRODUCES') return [`${at}: only a PRODUCES relationship has milestones`];
  const problems: string[] = [];
  rel.milestones.forEach((m, i) => {
    if (!isPartialDate(m.date)) problems.push(`${at}: milestones[${i}] has a malformed date "${m.date}"`);
    problems.push(...checkCitations(`${at}: milestones[${i}]`, [m.citation], byId, sourceTexts));
  });
  const last = orderMilestones(rel.milestones.filter((m) => !m.planned)).at(-1);
  if (last === undefined) problems.push(`${at}: milestones record no status yet (only plans); record the status the sources give`);
  else if (rel.status !== last.status) problems.push(`${at}: status ${rel.status ?? '(none)'} is not the last recorded milestone's (${last.status} on ${last.date})`);
  return problems;
}

function checkCitations(
  at: string,
  citations: readonly Citation[],
  byId: ReadonlyMap<string, Entity>,
  sourceTexts: ReadonlyMap<string, string>,
): string[] {
  if (citations.length === 0) return [`${at}: no citation`];
  const problems: string[] = [];
  for (const c of citations) {
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
