import type { AuditStamp } from './audit.js';
import { bounds, isPartialDate, PLAUSIBLE_YEARS, type PartialDate } from './dates.js';
import type { Entity, EntityAttributes } from './entity.js';
import type { Proposal } from './ingest/proposal.js';
import { BadInputError } from './errors.js';
import type { EntityKind } from './model.js';
import { normaliseTexts } from './text.js';
import type { Relationship } from './relationship.js';

/*
 * The API's edits as pure plans: given the records as stored now, the records to write, or a
 * domain error naming the field at fault. Stores run a plan inside their write transaction
 * (Neo4j may run it more than once on a transient failure), so a plan reads nothing else and
 * has no side effects; what it refuses leaves the graph exactly as it was. Relationship edits
 * are in relationship-edits.ts.
 */

/**
 * One atomic edit: records upserted by id, and review proposals (see ingest/proposal.ts) upserted
 * by id in the same transaction (an ingest stores them; an accept, reject or undo changes one's
 * status with the facts it writes). Proposals are never facts: no read but the review API sees them.
 */
export interface WriteBatch {
  entities: readonly Entity[];
  relationships: readonly Relationship[];
  proposals?: readonly Proposal[];
}

/** The records a plan asked to see, as stored when the transaction runs (absent ids are missing). */
export interface StoredRecords {
  entities: ReadonlyMap<string, Entity>;
  relationships: ReadonlyMap<string, Relationship>;
  /** The proposals asked for in `reads.proposalIds` (empty when none were). */
  proposals?: ReadonlyMap<string, Proposal>;
}

/** What a store's `applyWrite` runs: read these ids, plan, write the plan and its audit entry, all in one transaction. */
export interface WriteRequest {
  stamp: AuditStamp;
  reads: {
    entityIds: readonly string[];
    relationshipIds: readonly string[];
    proposalIds?: readonly string[];
  };
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
