import type { AuditStamp } from '../audit.js';
import { isIsoDay } from '../dates.js';
import {
  planRecordSource,
  planUpsertEntity,
  type StoredRecords,
  type WriteBatch,
  type WriteRequest,
} from '../edits.js';
import type { Entity } from '../entity.js';
import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { compareIds } from '../order.js';
import { quoteOccursIn } from '../quote.js';
import type { Relationship } from '../relationship.js';
import { versionOf } from '../relationship.js';
import {
  addCitationReads,
  addedRelationshipId,
  addRelationshipReads,
  planAddCitation,
  planAddRelationship,
  planRetractRelationship,
  planUpdateRelationship,
} from '../relationship-edits.js';
import { normaliseText, textRefusal } from '../text.js';
import type { IngestDocument, Proposal, ProposalType } from './proposal.js';

/*
 * Review of proposals as pure plans (see edits.ts): ingesting a document, accepting, rejecting
 * and undoing an accept. Each runs inside the store's write transaction with the facts it writes
 * and its audit entry, so a proposal's status never disagrees with the graph. Accepts go through
 * the normal edit plans (planUpsertEntity, planAddRelationship, planAddCitation): the same
 * validation, and the quote checked verbatim against the document's text.
 */

/** Ingest limits; the server reads `maxTextChars` from INGEST_MAX_TEXT_CHARS. */
export const INGEST_LIMITS = {
  /** Longest document text accepted, in characters (NFC): fits the default 100 kB request body. */
  maxTextChars: 90_000,
  /** Most proposals one bulk accept takes (entity proposals first); call again for the rest. */
  bulkAccept: 500,
} as const;

// Control characters other than tab and line breaks mark binary content (NUL, escape codes, ...).
const BINARY = /(?![\t\n\r])\p{Cc}/u;

/**
 * The document as it will be stored (texts NFC, strings trimmed), or BAD_USER_INPUT naming the
 * field: empty text, text over `maxTextChars`, binary content (control characters), a missing or
 * malformed publication day, an empty title or publisher, a URL that is not http(s).
 */
export function checkedDocument(given: IngestDocument, maxTextChars: number): IngestDocument {
  const text = normaliseText(given.text);
  if (text.trim() === '') throw new BadInputError('text is empty: there is nothing to extract', 'text');
  if (text.length > maxTextChars)
    throw new BadInputError(
      `text is ${text.length} characters; at most ${maxTextChars} are accepted (INGEST_MAX_TEXT_CHARS)`,
      'text',
    );
  const control = BINARY.exec(text);
  if (control)
    throw new BadInputError(
      `text looks binary: it contains the control character U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at offset ${control.index}`,
      'text',
    );
  const published = given.published.trim();
  if (!isIsoDay(published))
    throw new BadInputError(
      `published must be a calendar day YYYY-MM-DD (got "${published.slice(0, 40)}")`,
      'published',
    );
  const line = (field: 'title' | 'publisher', value: string) => {
    const v = normaliseText(value.trim());
    const refusal = textRefusal(v, 'line');
    if (refusal !== null) throw new BadInputError(`${field} ${refusal}`, field);
    return v;
  };
  const url = given.url?.trim();
  if (url !== undefined && url !== '' && !/^https?:\/\/\S+$/.test(url))
    throw new BadInputError('url must be an http(s) address', 'url');
  return {
    text,
    title: line('title', given.title),
    publisher: line('publisher', given.publisher),
    published,
    ...(url !== undefined && url !== '' && { url }),
  };
}

/**
 * Ingest a checked document as the SOURCE `documentId` (its full text, the title as its name), with
 * the proposals not already stored. The same text under another title is refused with CONFLICT
 * naming the stored document; a stored document with this text is kept as it is, so ingesting it
 * again writes only proposals it did not have.
 */
export function planIngestDocument(
  document: IngestDocument,
  documentId: string,
  proposals: readonly Proposal[],
): WriteRequest['plan'] {
  const record = planRecordSource({
    id: documentId,
    name: document.title,
    publisher: document.publisher,
    date: document.published,
    text: document.text,
    ...(document.url !== undefined && { url: document.url }),
  });
  return (stored, stamp) => {
    const existing = stored.entities.get(documentId);
    if (existing && (existing.kind !== 'SOURCE' || existing.name !== document.title))
      throw new ConflictError(
        `This text is already recorded as "${existing.name}" (${existing.id}); ingest it under that title, or change the text`,
        'title',
      );
    const source = existing ? { entities: [], relationships: [] } : record(stored, stamp);
    const known = stored.proposals ?? new Map<string, Proposal>();
    return { ...source, proposals: proposals.filter((p) => !known.has(p.id)) };
  };
}

/** What an editor may change when accepting: the fields of the proposal's content to replace. */
export interface ProposalEdits {
  /** ENTITY: its id, name and aliases. */
  id?: string;
  name?: string;
  aliases?: string[];
  /** RELATIONSHIP: either end, and its validity window. */
  from?: string;
  to?: string;
  validFrom?: string;
  validUntil?: string;
  /** CITATION: the relationship it corroborates. */
  relationshipId?: string;
}

/** A proposal's content with the editor's edits applied (a copy; the proposal keeps what was proposed). */
export function edited(proposal: Proposal, edits: ProposalEdits = {}): Proposal {
  const given = <T extends object>(fields: T) =>
    Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
  switch (proposal.type) {
    case 'ENTITY':
      return {
        ...proposal,
        entity: { ...proposal.entity!, ...given({ id: edits.id, name: edits.name, aliases: edits.aliases }) },
      };
    case 'RELATIONSHIP':
      return {
        ...proposal,
        relationship: {
          ...proposal.relationship!,
          ...given({
            from: edits.from,
            to: edits.to,
            validFrom: edits.validFrom,
            validUntil: edits.validUntil,
          }),
        },
      };
    case 'CITATION':
      return {
        ...proposal,
        citation: { ...proposal.citation!, ...given({ relationshipId: edits.relationshipId }) },
      };
  }
}

/** The records accepting `proposal` (as edited) reads: the proposal, its document, its dependencies, and what its edit plan reads. */
export function acceptReads(proposal: Proposal): Required<WriteRequest['reads']> {
  const base = { entityIds: [proposal.documentId], relationshipIds: [] as string[] };
  const inner =
    proposal.type === 'ENTITY'
      ? { entityIds: [proposal.entity!.id], relationshipIds: [] }
      : proposal.type === 'RELATIONSHIP'
        ? addRelationshipReads(proposal.relationship!)
        : addCitationReads(proposal.citation!.relationshipId, proposal.citation!.citation);
  return {
    entityIds: [...base.entityIds, ...inner.entityIds],
    relationshipIds: [...inner.relationshipIds],
    proposalIds: [proposal.id, ...proposal.dependsOn],
  };
}

/** The proposal as stored now, or NOT_FOUND naming `field`. */
function storedProposal(stored: StoredRecords, id: string): Proposal {
  const found = stored.proposals?.get(id);
  if (!found) throw new NotFoundError(`No proposal with id "${id}"`, 'id');
  return found;
}

/** The stored document's text, against which every quote is checked. */
function documentText(stored: StoredRecords, proposal: Proposal): string {
  const text = stored.entities.get(proposal.documentId)?.text;
  if (text === undefined)
    throw new NotFoundError(
      `The document "${proposal.documentId}" of proposal "${proposal.id}" is not recorded`,
      'id',
    );
  return text;
}

/**
 * Refuses with CONFLICT (field `dependsOn`) when an entity proposal this one depends on is not
 * accepted and the entity it proposes, still an end of this relationship, does not exist.
 */
function checkDependencies(stored: StoredRecords, proposal: Proposal): void {
  const rel = proposal.relationship;
  if (!rel) return;
  for (const depId of proposal.dependsOn) {
    const dep = stored.proposals?.get(depId);
    const entityId = dep?.entity?.id;
    if (!dep || entityId === undefined) continue;
    if (entityId !== rel.from && entityId !== rel.to) continue;
    if (stored.entities.has(entityId)) continue;
    throw new ConflictError(
      `Proposal "${proposal.id}" needs the entity "${entityId}" of proposal "${depId}" (${dep.status}): accept that proposal first, or edit the end to an existing entity`,
      'dependsOn',
    );
  }
}

/** The facts an accept of `proposal` (content already edited) writes, through the normal edit plans. */
function acceptFacts(stored: StoredRecords, stamp: AuditStamp, proposal: Proposal): WriteBatch {
  switch (proposal.type) {
    case 'ENTITY': {
      const entity = proposal.entity!;
      if (stored.entities.has(entity.id))
        throw new ConflictError(
          `An entity "${entity.id}" already exists; reject this proposal, or accept it under another id`,
          'id',
        );
      return planUpsertEntity(entity)(stored, stamp);
    }
    case 'RELATIONSHIP': {
      const edit = proposal.relationship!;
      const batch = planAddRelationship(edit)(stored, stamp);
      const id = addedRelationshipId(edit, (rid) => stored.relationships.has(rid));
      const held = stored.relationships.get(id);
      // An accept undone earlier left the fact retracted: accepting again lifts the retraction.
      if (batch.relationships.length === 0 && held?.retractedAt !== undefined)
        return planUpdateRelationship(id, edit, versionOf(held))(stored, stamp);
      return batch;
    }
    case 'CITATION':
      return planAddCitation(proposal.citation!.relationshipId, proposal.citation!.citation)(stored, stamp);
  }
}

/** `stored` with a batch's records written over it (what the next plan of a bulk accept sees). */
function overlay(stored: StoredRecords, batch: WriteBatch): StoredRecords {
  return {
    entities: new Map([...stored.entities, ...batch.entities.map((e) => [e.id, e] as const)]),
    relationships: new Map([...stored.relationships, ...batch.relationships.map((r) => [r.id, r] as const)]),
    proposals: new Map([
      ...(stored.proposals ?? []),
      ...(batch.proposals ?? []).map((p) => [p.id, p] as const),
    ]),
  };
}

/** One accept inside a plan: the batch with the facts and the proposal ACCEPTED (review records what it wrote). */
function acceptOne(
  stored: StoredRecords,
  stamp: AuditStamp,
  id: string,
  edits: ProposalEdits | undefined,
): WriteBatch {
  const proposal = storedProposal(stored, id);
  if (proposal.status !== 'PENDING')
    throw new ConflictError(`Proposal "${id}" is ${proposal.status}, not PENDING`, 'id');
  const content = edited(proposal, edits);
  if (!quoteOccursIn(proposal.quote, documentText(stored, proposal)))
    throw new BadInputError(`The quote of proposal "${id}" does not occur verbatim in its document`, 'quote');
  checkDependencies(stored, content);
  const facts = acceptFacts(stored, stamp, content);
  const writtenIds = [...facts.entities.map((e) => e.id), ...facts.relationships.map((r) => r.id)];
  const accepted: Proposal = {
    ...content,
    status: 'ACCEPTED',
    review: { stamp, auditEntryId: stamp.id, writtenIds },
  };
  return { ...facts, proposals: [accepted] };
}

/**
 * Accept a pending proposal, with the editor's edits: its facts are written through the normal
 * plans (validation, verbatim quote check) and the proposal becomes ACCEPTED, in one write.
 * Refused: NOT_FOUND (no such proposal), CONFLICT (not PENDING; a dependency not accepted; the
 * entity already exists), and whatever the edit plan refuses.
 */
export function planAcceptProposal(id: string, edits?: ProposalEdits): WriteRequest['plan'] {
  return (stored, stamp) => acceptOne(stored, stamp, id, edits);
}

/** The outcome of one proposal in a bulk accept: accepted, or the code and message of its refusal. */
export interface AcceptOutcome {
  proposalId: string;
  type: ProposalType;
  accepted: boolean;
  code?: string;
  message?: string;
  writtenIds: string[];
}

/** Order of a bulk accept: entity proposals first (relationships depend on them), then relationships, then citations; by id within a type. */
export function bulkOrder(proposals: readonly Proposal[]): Proposal[] {
  const rank: Record<ProposalType, number> = { ENTITY: 0, RELATIONSHIP: 1, CITATION: 2 };
  return [...proposals].sort((a, b) => rank[a.type] - rank[b.type] || compareIds(a, b));
}

/**
 * Accept every proposal in `ids` (in {@link bulkOrder}) in one write: each runs against the graph
 * as the ones before left it; one that is refused is left PENDING and its outcome says why.
 * `outcomes` receives the outcomes of the run that committed (a retried transaction starts them
 * again).
 */
export function planAcceptProposals(ids: readonly string[], outcomes: AcceptOutcome[]): WriteRequest['plan'] {
  return (stored, stamp) => {
    outcomes.length = 0;
    let view = stored;
    const batches: WriteBatch[] = [];
    const order = bulkOrder(
      ids.flatMap((id) => (stored.proposals?.get(id) ? [stored.proposals.get(id)!] : [])),
    );
    for (const proposal of order) {
      try {
        const batch = acceptOne(view, stamp, proposal.id, undefined);
        batches.push(batch);
        view = overlay(view, batch);
        outcomes.push({
          proposalId: proposal.id,
          type: proposal.type,
          accepted: true,
          writtenIds: batch.proposals![0]!.review!.writtenIds!,
        });
      } catch (error) {
        if (!(
          error instanceof BadInputError ||
          error instanceof ConflictError ||
          error instanceof NotFoundError
        ))
          throw error;
        outcomes.push({
          proposalId: proposal.id,
          type: proposal.type,
          accepted: false,
          code: error.code,
          message: error.message,
          writtenIds: [],
        });
      }
    }
    return {
      entities: batches.flatMap((b) => b.entities),
      relationships: batches.flatMap((b) => b.relationships),
      proposals: batches.flatMap((b) => b.proposals ?? []),
    };
  };
}

/** Reject a pending proposal, keeping why; CONFLICT when it is not PENDING. */
export function planRejectProposal(id: string, reason: string): WriteRequest['plan'] {
  const why = normaliseText(reason.trim());
  return (stored, stamp) => {
    const refusal = textRefusal(why, 'lines');
    if (refusal !== null) throw new BadInputError(`reason ${refusal}`, 'reason');
    const proposal = storedProposal(stored, id);
    if (proposal.status !== 'PENDING')
      throw new ConflictError(`Proposal "${id}" is ${proposal.status}, not PENDING`, 'id');
    return {
      entities: [],
      relationships: [],
      proposals: [{ ...proposal, status: 'REJECTED', review: { stamp, reason: why } }],
    };
  };
}

/** What undoing an accept reads: the proposal and the records its accept wrote. */
export function undoReads(proposal: Proposal): Required<WriteRequest['reads']> {
  const written = proposal.review?.writtenIds ?? [];
  return {
    entityIds: [],
    relationshipIds: proposal.type === 'ENTITY' ? [] : written,
    proposalIds: [proposal.id],
  };
}

/**
 * Undo an accept: what it wrote is retracted (a relationship it added is retracted; a citation it
 * added is removed, the relationship's version going up) and the proposal is PENDING again, in one
 * write. An accepted ENTITY cannot be undone (entities have no retraction; correct it with
 * upsertEntity): BAD_USER_INPUT. CONFLICT when the proposal is not ACCEPTED.
 */
export function planUndoAccept(id: string): WriteRequest['plan'] {
  return (stored, stamp) => {
    const proposal = storedProposal(stored, id);
    if (proposal.status !== 'ACCEPTED')
      throw new ConflictError(
        `Proposal "${id}" is ${proposal.status}, not ACCEPTED: there is no accept to undo`,
        'id',
      );
    if (proposal.type === 'ENTITY')
      throw new BadInputError(
        `Proposal "${id}" added an entity, which cannot be retracted; correct it with upsertEntity`,
        'id',
      );
    const relationships: Relationship[] = [];
    for (const relId of proposal.review?.writtenIds ?? []) {
      if (proposal.type === 'RELATIONSHIP') {
        relationships.push(...planRetractRelationship(relId)(stored, stamp).relationships);
        continue;
      }
      const rel = stored.relationships.get(relId);
      const cited = proposal.citation!.citation;
      if (!rel) continue;
      const citations = rel.citations.filter(
        (c) => !(c.sourceId === cited.sourceId && c.quote === normaliseText(cited.quote ?? '')),
      );
      if (citations.length === rel.citations.length || citations.length === 0) continue;
      relationships.push({ ...rel, citations, version: versionOf(rel) + 1 });
    }
    const pending: Proposal = { ...proposal, status: 'PENDING' };
    delete pending.review;
    return { entities: [] as Entity[], relationships, proposals: [{ ...pending, status: 'PENDING' }] };
  };
}
