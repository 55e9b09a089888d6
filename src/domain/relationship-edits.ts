import type { PartialDate } from './dates.js';
import { checkWindow, type StoredRecords, type WriteBatch, type WriteRequest } from './edits.js';
import type { Entity } from './entity.js';
import { BadInputError, ConflictError, NotFoundError } from './errors.js';
import { allowsEnds, type RelationType } from './model.js';
import { quoteOccursIn } from './quote.js';
import {
  RELATIONSHIP_PROPERTY_NAMES,
  relationshipId,
  relationshipKeyId,
  versionOf,
  type Citation,
  type Relationship,
  type RelationshipProperties,
} from './relationship.js';
import { normaliseTexts, quoteRefusal } from './text.js';

/*
 * The relationship edits as pure plans (see edits.ts). Content is never overwritten silently:
 * adding reuses an id only for the same content, corrections go through updateRelationship with
 * the version they were based on, corroboration through addCitation. Every change made here
 * raises the relationship's version by one; a write that changes nothing keeps it.
 */

/** A relationship as an editor sends it; its id follows from type, ends and key properties. */
export interface RelationshipEdit extends Omit<RelationshipProperties, 'retractedAt' | 'retractionNote'> {
  type: RelationType;
  from: string;
  to: string;
  citations: readonly Citation[];
}

/**
 * The two ids an edit may write to (from its stored, NFC, form): `keyed`, the form new
 * relationships get, and `legacy`, the seed's form, under which an older record of the same
 * fact may already be stored.
 */
export function editRelationshipIds(edit: RelationshipEdit): { keyed: string; legacy: string } {
  const nfc = normaliseTexts(edit);
  return {
    keyed: relationshipKeyId(edit.type, edit.from, edit.to, nfc),
    legacy: relationshipId(edit.type, edit.from, edit.to, nfc),
  };
}

/** Which id an added edit lands on: its keyed id when stored, else its legacy id when stored, else its keyed id (new). */
export function addedRelationshipId(edit: RelationshipEdit, isStored: (id: string) => boolean): string {
  const { keyed, legacy } = editRelationshipIds(edit);
  return !isStored(keyed) && isStored(legacy) ? legacy : keyed;
}

/** What {@link planAddRelationship} needs to read: both ends, the cited sources, the relationship under either id. */
export function addRelationshipReads(edit: RelationshipEdit): WriteRequest['reads'] {
  const { keyed, legacy } = editRelationshipIds(edit);
  return {
    entityIds: [edit.from, edit.to, ...edit.citations.map((c) => c.sourceId)],
    relationshipIds: [...new Set([keyed, legacy])],
  };
}

/** What {@link planUpdateRelationship} needs to read: both ends, the cited sources, the relationship. */
export function updateRelationshipReads(id: string, edit: RelationshipEdit): WriteRequest['reads'] {
  return { entityIds: [edit.from, edit.to, ...edit.citations.map((c) => c.sourceId)], relationshipIds: [id] };
}

/** What {@link planAddCitation} needs to read: the cited source and the relationship. */
export function addCitationReads(id: string, citation: Citation): WriteRequest['reads'] {
  return { entityIds: [citation.sourceId], relationshipIds: [id] };
}

/** Fields that are the fact itself (not its bookkeeping: id, owner, version, retraction). */
function content(rel: Relationship): string {
  const props = RELATIONSHIP_PROPERTY_NAMES.filter((k) => k !== 'retractedAt' && k !== 'retractionNote').map(
    (k) => [k, rel[k] ?? null],
  );
  const citations = rel.citations.map((c) => [c.sourceId, c.quote ?? null, c.locator ?? null]);
  return JSON.stringify([rel.type, rel.from, rel.to, props, citations]);
}

/** Whether two relationships state the same fact with the same citations. */
export function sameContent(a: Relationship, b: Relationship): boolean {
  return content(a) === content(b);
}

/**
 * The relationship an edit describes, under `id`, after every check that needs the graph: ends
 * exist with kinds the type allows, the window and share are valid, every citation is sound
 * (see {@link checkCitations}). Texts in NFC; an explicit null from the client means absent.
 */
function relationshipFrom(given: RelationshipEdit, id: string, stored: StoredRecords): Relationship {
  const edit = normaliseTexts(given);
  const from = stored.entities.get(edit.from);
  const to = stored.entities.get(edit.to);
  if (!from) throw new NotFoundError(`No entity with id "${edit.from}"`, 'from');
  if (!to) throw new NotFoundError(`No entity with id "${edit.to}"`, 'to');
  if (!allowsEnds(edit.type, from.kind, to.kind))
    throw new BadInputError(`${edit.type} cannot join a ${from.kind} to a ${to.kind}`, 'type');
  checkWindow(edit.validFrom, edit.validUntil);
  if (edit.share !== undefined && !(edit.share >= 0 && edit.share <= 100))
    throw new BadInputError(`share must be from 0 to 100 (got ${edit.share})`, 'share');
  const { citations: sent, ...props } = edit;
  const citations = sent.map(citationOf);
  checkCitations(citations, stored.entities, 'citations');
  const defined = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined && v !== null));
  return { ...defined, id, citations, origin: 'API' } as Relationship;
}

const citationOf = (c: Citation): Citation => ({
  sourceId: c.sourceId,
  ...(c.quote != null && { quote: c.quote }),
  ...(c.locator != null && { locator: c.locator }),
});

/** A relationship changed by an edit: one version more than the stored one. */
const nextVersion = (stored: Relationship, next: Relationship): Relationship => ({
  ...next,
  version: versionOf(stored) + 1,
});

/**
 * Add a relationship. Its id is its keyed id, or the legacy id an older record of it holds (see
 * {@link addedRelationshipId}). When a relationship is stored there, the same content again
 * changes nothing (a retracted one stays retracted); different content is refused with
 * CONFLICT naming it: corrections go through {@link planUpdateRelationship}.
 */
export function planAddRelationship(edit: RelationshipEdit): WriteRequest['plan'] {
  return (stored) => {
    const id = addedRelationshipId(edit, (rid) => stored.relationships.has(rid));
    const rel = relationshipFrom(edit, id, stored);
    const existing = stored.relationships.get(id);
    if (!existing) return { entities: [], relationships: [{ ...rel, version: 1 }] };
    if (sameContent(existing, rel)) return { entities: [], relationships: [] };
    throw new ConflictError(
      `Relationship "${id}" (version ${versionOf(existing)}) already states other content for this type, ends, stage, year and title; correct it with updateRelationship, or cite it again with addCitation`,
      'input',
    );
  };
}

/**
 * Correct a relationship: its properties and citations become those sent (checked as for an
 * addition), a retraction is lifted, and the version goes up by one. `expectedVersion` must be
 * the stored version, else CONFLICT (someone changed it since it was read). Type, ends, stage,
 * year and title make the id and cannot change (BAD_USER_INPUT): add a new relationship and
 * retract this one. Sending the stored content again to an unretracted relationship changes nothing.
 */
export function planUpdateRelationship(
  id: string,
  edit: RelationshipEdit,
  expectedVersion: number,
): WriteRequest['plan'] {
  return (stored) => {
    const existing = existingRelationship(stored, id);
    checkVersion(existing, expectedVersion);
    const { keyed, legacy } = editRelationshipIds(edit);
    if (id !== keyed && id !== legacy) {
      throw new BadInputError(
        `The input's type, ends, stage, year and title give the id "${keyed}", not "${id}": add a new relationship and retract this one`,
        'input',
      );
    }
    const rel = relationshipFrom(edit, id, stored);
    if (sameContent(existing, rel) && existing.retractedAt === undefined)
      return { entities: [], relationships: [] };
    return { entities: [], relationships: [nextVersion(existing, rel)] };
  };
}

/** Add a citation corroborating a relationship (checked as for an addition); one already held changes nothing. */
export function planAddCitation(id: string, given: Citation): WriteRequest['plan'] {
  return (stored) => {
    const existing = existingRelationship(stored, id);
    if (existing.retractedAt !== undefined)
      throw new BadInputError(
        `Relationship "${id}" is retracted; lift the retraction with updateRelationship first`,
        'relationshipId',
      );
    const citation = citationOf(normaliseTexts(given));
    checkCitations([citation], stored.entities, 'citation');
    const held = JSON.stringify([citation.sourceId, citation.quote, citation.locator]);
    if (existing.citations.some((c) => JSON.stringify([c.sourceId, c.quote, c.locator]) === held))
      return { entities: [], relationships: [] };
    return {
      entities: [],
      relationships: [nextVersion(existing, { ...existing, citations: [...existing.citations, citation] })],
    };
  };
}

function checkVersion(existing: Relationship, expectedVersion: number): void {
  const version = versionOf(existing);
  if (version !== expectedVersion) {
    throw new ConflictError(
      `Relationship "${existing.id}" is at version ${version}, not ${expectedVersion}: it changed since it was read; read it again and re-apply the correction`,
      'expectedVersion',
    );
  }
}

/**
 * Every citation names a stored source and carries a quote found verbatim in that source's
 * text, or a locator; at least one citation. `field` names the argument in errors.
 */
function checkCitations(
  citations: readonly Citation[],
  entities: ReadonlyMap<string, Entity>,
  field: 'citations' | 'citation',
): void {
  if (citations.length === 0)
    throw new BadInputError('A relationship needs at least one citation', 'citations');
  citations.forEach((c, i) => {
    const at = field === 'citations' ? `citations[${i}]` : 'citation';
    const source = entities.get(c.sourceId);
    if (!source) throw new NotFoundError(`No source with id "${c.sourceId}"`, `${at}.sourceId`);
    if (source.kind !== 'SOURCE')
      throw new BadInputError(`"${c.sourceId}" is a ${source.kind}, not a SOURCE`, `${at}.sourceId`);
    if (c.quote === undefined && c.locator === undefined)
      throw new BadInputError('A citation needs a quote or a locator', at);
    if (c.quote === undefined) return;
    const refusal = quoteRefusal(c.quote);
    if (refusal !== null) throw new BadInputError(`quote ${refusal}`, `${at}.quote`);
    if (source.text === undefined) {
      throw new BadInputError(
        `The graph holds no text of source "${c.sourceId}" to check the quote against: record its text, or cite with a locator`,
        `${at}.quote`,
      );
    }
    if (!quoteOccursIn(c.quote, source.text))
      throw new BadInputError(`The quote does not occur verbatim in source "${c.sourceId}"`, `${at}.quote`);
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
    if (rel.validUntil === validUntil) return unchanged();
    return { entities: [], relationships: [nextVersion(rel, { ...rel, validUntil })] };
  };
}

/** Retract a relationship that was wrong: kept, marked with the write's time and note, hidden from reads by default. Retracting twice changes nothing. */
export function planRetractRelationship(id: string): WriteRequest['plan'] {
  return (stored, stamp) => {
    const rel = existingRelationship(stored, id);
    if (rel.retractedAt !== undefined) return unchanged();
    return {
      entities: [],
      relationships: [nextVersion(rel, { ...rel, retractedAt: stamp.at, retractionNote: stamp.note })],
    };
  };
}

const unchanged = (): WriteBatch => ({ entities: [], relationships: [] });

function existingRelationship(stored: StoredRecords, id: string): Relationship {
  const rel = stored.relationships.get(id);
  if (!rel) throw new NotFoundError(`No relationship with id "${id}"`, 'id');
  return rel;
}
