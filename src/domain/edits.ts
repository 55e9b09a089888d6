import type { AuditStamp } from './audit.js';
import { bounds, isPartialDate, PLAUSIBLE_YEARS, type PartialDate } from './dates.js';
import type { Entity, EntityAttributes } from './entity.js';
import { BadInputError, NotFoundError } from './errors.js';
import { allowsEnds, type EntityKind, type RelationType } from './model.js';
import { quoteOccursIn } from './quote.js';
import { normaliseTexts, quoteRefusal } from './text.js';
import {
  relationshipId,
  type Citation,
  type Relationship,
  type RelationshipProperties,
} from './relationship.js';

/*
 * The API's edits as pure plans: given the records as stored now, the records to write, or a
 * domain error naming the field at fault. Stores run a plan inside their write transaction
 * (Neo4j may run it more than once on a transient failure), so a plan reads nothing else and
 * has no side effects; what it refuses leaves the graph exactly as it was.
 */

/** One atomic edit: records upserted by id. */
export interface WriteBatch {
  entities: readonly Entity[];
  relationships: readonly Relationship[];
}

/** The records a plan asked to see, as stored when the transaction runs (absent ids are missing). */
export interface StoredRecords {
  entities: ReadonlyMap<string, Entity>;
  relationships: ReadonlyMap<string, Relationship>;
}

/** What a store's `applyWrite` runs: read these ids, plan, write the plan and its audit entry, all in one transaction. */
export interface WriteRequest {
  stamp: AuditStamp;
  reads: { entityIds: readonly string[]; relationshipIds: readonly string[] };
  plan(stored: StoredRecords, stamp: AuditStamp): WriteBatch;
}

/** A request that writes `batch` as given (the seed tools and tests; the API plans through the functions below). */
export function putRecords(batch: WriteBatch, stamp: AuditStamp): WriteRequest {
  return { stamp, reads: { entityIds: [], relationshipIds: [] }, plan: () => batch };
}

/** Throws BAD_USER_INPUT naming `validUntil` when the window ends before it starts, or a date is malformed. */
export function checkWindow(validFrom: PartialDate | undefined, validUntil: PartialDate | undefined): void {
  for (const [field, value] of [
    ['validFrom', validFrom],
    ['validUntil', validUntil],
  ] as const) {
    if (value !== undefined && !isPartialDate(value))
      throw new BadInputError(
        `${field} "${value}" is not a date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn, year ${PLAUSIBLE_YEARS.min}-${PLAUSIBLE_YEARS.max})`,
        field,
      );
  }
  if (validFrom === undefined || validUntil === undefined) return;
  if (windowEndsBeforeStart(validFrom, validUntil))
    throw new BadInputError(`validUntil (${validUntil}) is before validFrom (${validFrom})`, 'validUntil');
}

/** Whether a window's last day comes before its first (both dates well formed). */
export function windowEndsBeforeStart(validFrom: PartialDate, validUntil: PartialDate): boolean {
  const from = bounds(validFrom);
  const until = bounds(validUntil);
  return from !== null && until !== null && until.last < from.first;
}

// ---- entities and sources ----

/** An entity as an editor sends it: every field given replaces the stored one, fields left out are kept. */
export interface EntityEdit extends Omit<EntityAttributes, 'textPath' | 'ref'> {
  id: string;
  kind: EntityKind;
  name: string;
}

/** Add an entity, or update one of the same kind (its texts stored in NFC). Sources go through {@link planRecordSource}, which checks what a source needs. */
export function planUpsertEntity(given: EntityEdit): WriteRequest['plan'] {
  const edit = normaliseTexts(given);
  return (stored) => {
    if (edit.kind === 'SOURCE') throw new BadInputError('Sources are recorded with recordSource', 'kind');
    return { entities: [merged(edit, stored.entities.get(edit.id))], relationships: [] };
  };
}

/**
 * Record a source document (or update one): its text, when given, is what citation quotes are
 * checked against. Once recorded, the text cannot change (quotes already cited from it must keep
 * occurring in it): a new version of a document is a new source. Texts are stored in NFC.
 */
export function planRecordSource(given: Omit<EntityEdit, 'kind'>): WriteRequest['plan'] {
  const edit = normaliseTexts(given);
  return (stored) => {
    const existing = stored.entities.get(edit.id);
    if (existing?.text !== undefined && edit.text != null && edit.text !== existing.text) {
      throw new BadInputError(
        `The text of source "${edit.id}" is already recorded and cannot change; record the new version as a new source`,
        'text',
      );
    }
    return { entities: [merged({ ...edit, kind: 'SOURCE' }, existing)], relationships: [] };
  };
}

function merged(edit: EntityEdit, existing: Entity | undefined): Entity {
  if (existing && existing.kind !== edit.kind) {
    throw new BadInputError(
      `Entity "${edit.id}" is a ${existing.kind}; its kind cannot change to ${edit.kind}`,
      'kind',
    );
  }
  const given = Object.fromEntries(
    Object.entries(edit).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<Entity>;
  const entity: Entity = { ...(existing ?? { origin: 'API' as const }), ...given } as Entity;
  checkWindow(entity.validFrom, entity.validUntil);
  return entity;
}

// ---- relationships ----

/** A relationship as an editor sends it; its id follows from type, ends and key properties. */
export interface RelationshipEdit extends Omit<RelationshipProperties, 'retractedAt' | 'retractionNote'> {
  type: RelationType;
  from: string;
  to: string;
  citations: readonly Citation[];
}

/** The id a relationship edit writes to (from its stored, NFC, form: a decomposed title gives the same id). */
export function editRelationshipId(edit: RelationshipEdit): string {
  return relationshipId(edit.type, edit.from, edit.to, normaliseTexts(edit));
}

/** What {@link planAddRelationship} needs to read: both ends, the cited sources, the relationship itself. */
export function addRelationshipReads(edit: RelationshipEdit): WriteRequest['reads'] {
  return {
    entityIds: [edit.from, edit.to, ...edit.citations.map((c) => c.sourceId)],
    relationshipIds: [editRelationshipId(edit)],
  };
}

/**
 * Add a relationship, or replace the one with its id (its properties and citations as sent; a
 * retraction is lifted). Ends must exist with kinds the type allows; every citation names a
 * stored source and carries a quote found verbatim in that source's text, or a locator. Texts are stored in NFC.
 */
export function planAddRelationship(given: RelationshipEdit): WriteRequest['plan'] {
  const edit = normaliseTexts(given);
  return (stored) => {
    const from = stored.entities.get(edit.from);
    const to = stored.entities.get(edit.to);
    if (!from) throw new NotFoundError(`No entity with id "${edit.from}"`, 'from');
    if (!to) throw new NotFoundError(`No entity with id "${edit.to}"`, 'to');
    if (!allowsEnds(edit.type, from.kind, to.kind)) {
      throw new BadInputError(`${edit.type} cannot join a ${from.kind} to a ${to.kind}`, 'type');
    }
    checkWindow(edit.validFrom, edit.validUntil);
    if (edit.share !== undefined && !(edit.share >= 0 && edit.share <= 100))
      throw new BadInputError(`share must be from 0 to 100 (got ${edit.share})`, 'share');
    const { citations: given, ...props } = edit;
    // An explicit null from the client means absent.
    const citations = given.map((c): Citation => ({
      sourceId: c.sourceId,
      ...(c.quote != null && { quote: c.quote }),
      ...(c.locator != null && { locator: c.locator }),
    }));
    checkCitations(citations, stored.entities);
    const rel: Relationship = {
      ...Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined && v !== null)),
      id: editRelationshipId(edit),
      citations,
      origin: 'API',
    } as Relationship;
    return { entities: [], relationships: [rel] };
  };
}

function checkCitations(citations: readonly Citation[], entities: ReadonlyMap<string, Entity>): void {
  if (citations.length === 0)
    throw new BadInputError('A relationship needs at least one citation', 'citations');
  citations.forEach((c, i) => {
    const field = `citations[${i}]`;
    const source = entities.get(c.sourceId);
    if (!source) throw new NotFoundError(`No source with id "${c.sourceId}"`, `${field}.sourceId`);
    if (source.kind !== 'SOURCE')
      throw new BadInputError(`"${c.sourceId}" is a ${source.kind}, not a SOURCE`, `${field}.sourceId`);
    if (c.quote === undefined && c.locator === undefined)
      throw new BadInputError('A citation needs a quote or a locator', field);
    if (c.quote === undefined) return;
    const refusal = quoteRefusal(c.quote);
    if (refusal !== null) throw new BadInputError(`quote ${refusal}`, `${field}.quote`);
    if (source.text === undefined) {
      throw new BadInputError(
        `The graph holds no text of source "${c.sourceId}" to check the quote against: record its text, or cite with a locator`,
        `${field}.quote`,
      );
    }
    if (!quoteOccursIn(c.quote, source.text))
      throw new BadInputError(
        `The quote does not occur verbatim in source "${c.sourceId}"`,
        `${field}.quote`,
      );
  });
}

/** Retire a relationship: it stops holding after `validUntil` and stays in the graph for history. */
export function planRetireRelationship(id: string, validUntil: PartialDate): WriteRequest['plan'] {
  return (stored) => {
    const rel = existingRelationship(stored, id);
    if (rel.retractedAt !== undefined)
      throw new BadInputError(
        `Relationship "${id}" is retracted; a retracted relationship cannot be retired`,
        'id',
      );
    checkWindow(rel.validFrom, validUntil);
    return { entities: [], relationships: [{ ...rel, validUntil }] };
  };
}

/** Retract a relationship that was wrong: kept, marked with the write's time and note, hidden from reads by default. Retracting twice changes nothing. */
export function planRetractRelationship(id: string): WriteRequest['plan'] {
  return (stored, stamp) => {
    const rel = existingRelationship(stored, id);
    if (rel.retractedAt !== undefined) return { entities: [], relationships: [rel] };
    return { entities: [], relationships: [{ ...rel, retractedAt: stamp.at, retractionNote: stamp.note }] };
  };
}

function existingRelationship(stored: StoredRecords, id: string): Relationship {
  const rel = stored.relationships.get(id);
  if (!rel) throw new NotFoundError(`No relationship with id "${id}"`, 'id');
  return rel;
}
