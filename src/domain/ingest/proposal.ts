import type { AuditStamp } from '../audit.js';
import type { Entity } from '../entity.js';
import type { RelationType } from '../model.js';
import type { Citation } from '../relationship.js';
import type { RelationshipEdit } from '../relationship-edits.js';

/*
 * What extraction proposes from a document, and what review makes of it. A proposal is never a
 * fact: stores keep proposals apart from entities and relationships, and nothing reads them but
 * the review API, until an editor accepts one through the normal write path.
 */

/** A document an editor submits for extraction; it becomes a SOURCE entity holding `text`. */
export interface IngestDocument {
  title: string;
  publisher: string;
  /** Publication day, ISO `YYYY-MM-DD`: relative dates in the text resolve against it. */
  published: string;
  url?: string;
  /** The full text (stored NFC; proposal offsets index into that form). */
  text: string;
}

/** What a proposal would add. */
export const PROPOSAL_TYPES = ['ENTITY', 'RELATIONSHIP', 'CITATION'] as const;
export type ProposalType = (typeof PROPOSAL_TYPES)[number];

/** Where a proposal stands in review. */
export const PROPOSAL_STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** An entity the graph lacks, as it would be written (origin API once accepted). */
export type ProposedEntity = Omit<Entity, 'origin'>;

/**
 * A relationship as it would be added (`planAddRelationship`); its one citation is the
 * document with the proposal's quote.
 */
export type ProposedRelationship = RelationshipEdit;

/** A citation corroborating a relationship the graph already holds (`planAddCitation`). */
export interface ProposedCitation {
  relationshipId: string;
  type: RelationType;
  citation: Citation;
}

/** The review of a proposal: who decided, when, and what the accept wrote. */
export interface ProposalReview {
  stamp: AuditStamp;
  /** REJECTED: why. */
  reason?: string;
  /** ACCEPTED: the audit entry of the write that accepted it, and the ids it wrote. */
  auditEntryId?: string;
  writtenIds?: string[];
}

/** One machine-extracted candidate fact, with the evidence for it. */
export interface Proposal {
  /** Deterministic: the same document and content give the same id (re-ingesting proposes nothing new). */
  id: string;
  /** The SOURCE entity the document became. */
  documentId: string;
  type: ProposalType;
  status: ProposalStatus;
  /** Exactly one of these, by `type`. */
  entity?: ProposedEntity;
  relationship?: ProposedRelationship;
  citation?: ProposedCitation;
  /** A span of the document's text, verbatim: `text.slice(offset, offset + quote.length) === quote`. */
  quote: string;
  offset: number;
  /** 0..1, from the rule and how sure the mention match was. */
  confidence: number;
  /** The cue rule that produced it (a row of the cue table). */
  rule: string;
  /** Ids of ENTITY proposals whose entities this one needs (accepted first, or it is refused). */
  dependsOn: string[];
  review?: ProposalReview;
}
