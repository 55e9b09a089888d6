import { JSONObjectResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import {
  PROPOSAL_STATUSES,
  PROPOSAL_TYPES,
  type ProposalStatus,
  type ProposalType,
} from '../../domain/ingest/proposal.js';
import type { EntityKind, RelationType } from '../../domain/model.js';
import { AuditEntry } from '../audit/audit.type.js';
import { EntityInterface } from '../entity/entity.type.js';
import { PageInfo } from '../shared/connection.type.js';
import { EntityKindEnum, RelationTypeEnum } from '../shared/enums.js';
import { DateTimeScalar, PartialDateScalar } from '../shared/scalars.js';

export const ProposalTypeEnum = Object.fromEntries(PROPOSAL_TYPES.map((t) => [t, t])) as {
  [K in ProposalType]: K;
};
registerEnumType(ProposalTypeEnum, {
  name: 'ProposalType',
  description: 'What a proposal would add to the graph once accepted.',
  valuesConfig: {
    ENTITY: { description: 'An entity the graph lacks.' },
    RELATIONSHIP: { description: 'A relationship, cited by its quote from the document.' },
    CITATION: { description: 'A citation corroborating a relationship the graph already holds.' },
  },
});

export const ProposalStatusEnum = Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, s])) as {
  [K in ProposalStatus]: K;
};
registerEnumType(ProposalStatusEnum, {
  name: 'ProposalStatus',
  description: 'Where a proposal stands in review.',
  valuesConfig: {
    PENDING: { description: 'Waiting for an editor (also after an accept was undone).' },
    ACCEPTED: { description: 'Accepted: its facts are in the graph.' },
    REJECTED: { description: 'Rejected, with the reason.' },
  },
});

@ObjectType({ description: 'An entity as a proposal would add it.' })
export class ProposedEntity {
  @Field(() => ID, { description: 'The id it would get.' })
  id: string;

  @Field(() => EntityKindEnum, { description: 'Its kind.' })
  kind: EntityKind;

  @Field({ description: 'Its name.' })
  name: string;

  @Field(() => [String], { description: 'Other names found for it (empty when none).' })
  aliases: string[];

  @Field(() => JSONObjectResolver, {
    description: 'Every field it would be written with, as the export gives entities.',
  })
  fields: object;
}

@ObjectType({ description: 'A relationship as a proposal would add it.' })
export class ProposedRelationship {
  @Field(() => RelationTypeEnum, { description: 'Its type.' })
  type: RelationType;

  @Field(() => ID, { description: 'Id of the entity it starts from.' })
  from: string;

  @Field(() => ID, { description: 'Id of the entity it goes to.' })
  to: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'First day (or period) it holds.' })
  validFrom?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Last day (or period) it holds.' })
  validUntil?: string;

  @Field(() => JSONObjectResolver, {
    description:
      'Every field it would be written with (figures, units, qualifiers, citations), as addRelationship takes them.',
  })
  fields: object;
}

@ObjectType({ description: 'A citation a proposal would add to a relationship the graph holds.' })
export class ProposedCitation {
  @Field(() => ID, { description: 'The relationship it corroborates.' })
  relationshipId: string;

  @Field(() => RelationTypeEnum, { description: "That relationship's type." })
  type: RelationType;

  @Field(() => ID, { description: 'The cited source (the document).' })
  sourceId: string;

  @Field(() => String, { nullable: true, description: 'The quote, verbatim from the document.' })
  quote?: string;
}

@ObjectType({ description: 'Who reviewed a proposal, when, and what came of it.' })
export class ProposalReview {
  @Field({ description: 'The editor, as AuditEntry.actor shows callers.' })
  actor: string;

  @Field(() => DateTimeScalar, { description: 'When (UTC).' })
  at: string;

  @Field(() => String, { nullable: true, description: 'REJECTED: why.' })
  reason?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'ACCEPTED: the global id of the audit entry of the accept.',
  })
  auditEntryId?: string;

  @Field(() => [ID], {
    description: 'ACCEPTED: ids of the entities and relationships the accept wrote (empty otherwise).',
  })
  writtenIds: string[];
}

@ObjectType('Proposal', {
  description:
    'A candidate fact extracted from a document, with its evidence. Never a fact: no other query shows it until an editor accepts it.',
})
export class ProposalObject {
  @Field(() => ID, { description: 'Its id: the same document and content give the same id.' })
  id: string;

  @Field(() => ID, { description: 'Id of the document (a SOURCE entity) it was extracted from.' })
  documentId: string;

  @Field(() => ProposalTypeEnum, { description: 'What it would add.' })
  type: ProposalType;

  @Field(() => ProposalStatusEnum, { description: 'Where it stands in review.' })
  status: ProposalStatus;

  @Field({ description: 'The span of the document it rests on, verbatim.' })
  quote: string;

  @Field(() => Int, { description: "Where the quote starts in the document's text (characters, NFC)." })
  offset: number;

  @Field(() => Float, { description: 'How sure extraction was, 0 to 1.' })
  confidence: number;

  @Field({ description: 'The cue rule that produced it.' })
  rule: string;

  @Field(() => [ID], { description: 'Entity proposals to accept before this one.' })
  dependsOn: string[];

  @Field(() => ProposedEntity, { nullable: true, description: 'ENTITY: the entity.' })
  entity?: ProposedEntity;

  @Field(() => ProposedRelationship, { nullable: true, description: 'RELATIONSHIP: the relationship.' })
  relationship?: ProposedRelationship;

  @Field(() => ProposedCitation, { nullable: true, description: 'CITATION: the citation.' })
  citation?: ProposedCitation;

  @Field(() => ProposalReview, { nullable: true, description: 'The review, once accepted or rejected.' })
  review?: ProposalReview;
}

@ObjectType({ description: 'A proposal and its cursor.' })
export class ProposalEdge {
  @Field({
    description: 'Opaque position of this proposal: pass it as `after` or `before` to page from here.',
  })
  cursor: string;

  @Field(() => ProposalObject, { description: 'The proposal.' })
  node: ProposalObject;
}

@ObjectType({ description: 'A page of proposals in id order, Relay style.' })
export class ProposalConnection {
  @Field(() => [ProposalEdge], { description: "The page's proposals with their cursors." })
  edges: ProposalEdge[];

  @Field(() => [ProposalObject], { description: "The page's proposals (shortcut for edges.node)." })
  nodes: ProposalObject[];

  @Field(() => PageInfo, {
    description: 'Where this page sits: cursors of its ends and whether more pages follow or precede.',
  })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many proposals match, over all pages.' })
  totalCount: number;
}

@ObjectType({ description: 'An ingested document and what extraction proposed from it.' })
export class IngestPayload {
  @Field(() => EntityInterface, { description: 'The document, recorded as a source with its full text.' })
  document: Entity;

  @Field(() => Int, { description: 'How many proposals the document has in all.' })
  proposals: number;

  @Field(() => Int, {
    description: 'How many of them this ingest added (0 when the same text was ingested before).',
  })
  newProposals: number;

  @Field(() => AuditEntry, {
    nullable: true,
    description: 'The audit entry of the ingest; null when it wrote nothing.',
  })
  audit?: AuditEntry;
}

@ObjectType({ description: 'A proposal as reviewed, with the audit entry of the write.' })
export class ProposalPayload {
  @Field(() => ProposalObject, { description: 'The proposal as stored after the write.' })
  proposal: ProposalObject;

  @Field(() => AuditEntry, { description: 'The audit entry recording the write.' })
  audit: AuditEntry;
}

@ObjectType({ description: 'What a bulk accept did with one proposal.' })
export class AcceptOutcome {
  @Field(() => ProposalObject, { description: 'The proposal as stored after the bulk accept.' })
  proposal: ProposalObject;

  @Field({ description: 'Whether it was accepted (else it stays PENDING).' })
  accepted: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'When refused: the error code (CONFLICT, NOT_FOUND, BAD_USER_INPUT).',
  })
  code?: string;

  @Field(() => String, { nullable: true, description: 'When refused: why.' })
  message?: string;
}

@ObjectType({
  description: "A bulk accept of a document's pending proposals: one write, one outcome per proposal.",
})
export class AcceptProposalsPayload {
  @Field(() => [AcceptOutcome], {
    description: 'Entity proposals first, then relationships, then citations.',
  })
  outcomes: AcceptOutcome[];

  @Field(() => Int, { description: 'How many were accepted.' })
  accepted: number;

  @Field(() => Int, { description: 'How many were refused (still PENDING).' })
  refused: number;

  @Field(() => Int, {
    description: "Pending proposals of the document beyond this call's limit (call again for them).",
  })
  remaining: number;

  @Field(() => AuditEntry, {
    nullable: true,
    description: 'The audit entry of the write; null when there was nothing pending.',
  })
  audit?: AuditEntry;
}
