import { JSONObjectResolver, SafeIntResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WRITE_ACTIONS, type WriteAction } from '../../domain/audit.js';
import { NodeInterface } from '../node/node.type.js';
import { PageInfo } from '../shared/connection.type.js';
import { DateTimeScalar } from '../shared/scalars.js';

export const WriteActionEnum = Object.fromEntries(WRITE_ACTIONS.map((a) => [a, a])) as {
  [K in WriteAction]: K;
};
registerEnumType(WriteActionEnum, {
  name: 'WriteAction',
  description: 'The mutation that made an audited write.',
  valuesConfig: {
    UPSERT_ENTITY: { description: 'upsertEntity.' },
    RECORD_SOURCE: { description: 'recordSource.' },
    ADD_RELATIONSHIP: { description: 'addRelationship.' },
    RETIRE_RELATIONSHIP: { description: 'retireRelationship.' },
    RETRACT_RELATIONSHIP: { description: 'retractRelationship.' },
    UPDATE_RELATIONSHIP: { description: 'updateRelationship.' },
    ADD_CITATION: { description: 'addCitation.' },
    INGEST_DOCUMENT: {
      description: 'ingestDocument: the document recorded as a source, with its proposals.',
    },
    ACCEPT_PROPOSAL: { description: 'acceptProposal or acceptProposals: proposals accepted as facts.' },
    REJECT_PROPOSAL: { description: 'rejectProposal.' },
    UNDO_ACCEPT: { description: 'undoAcceptProposal: an accept retracted, the proposal pending again.' },
  },
});

export const ActorMethodEnum = { API_KEY: 'API_KEY', JWT: 'JWT', LEGACY: 'LEGACY' } as const;
registerEnumType(ActorMethodEnum, {
  name: 'ActorMethod',
  description: 'How the writer was identified; LEGACY marks entries written before the method was recorded.',
  valuesConfig: {
    API_KEY: { description: 'An API key (actorId: its name).' },
    JWT: { description: 'A JWT (actorId: its sub; actorIssuer: its iss).' },
    LEGACY: { description: 'Written before the method was recorded (actorId: the id as recorded).' },
  },
});

export const AuditTargetEnum = { ENTITY: 'ENTITY', RELATIONSHIP: 'RELATIONSHIP' } as const;
registerEnumType(AuditTargetEnum, {
  name: 'AuditTarget',
  description: 'What sort of record an audit change is about.',
  valuesConfig: { ENTITY: { description: 'An entity.' }, RELATIONSHIP: { description: 'A relationship.' } },
});

@ObjectType({
  description: 'One record a write changed, as it was and as it became (records as the export gives them).',
})
export class AuditChange {
  @Field(() => AuditTargetEnum, { description: 'Whether the changed record is an entity or a relationship.' })
  target: keyof typeof AuditTargetEnum;

  @Field(() => ID, {
    description: 'This change\'s own id ("<audit entry id>/<index>"), unique across the audit trail.',
  })
  id: string;

  @Field(() => ID, { description: 'The id of the entity or relationship the write changed.' })
  targetId: string;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'Null when the write created the record.' })
  before: object | null;

  @Field(() => JSONObjectResolver, { description: 'The record as the write left it.' })
  after: object;
}

@ObjectType({
  implements: NodeInterface,
  description: 'An entry of the audit trail: who wrote, when, through which mutation, why, and what changed.',
})
export class AuditEntry {
  @Field(() => ID, { description: 'Global id "audit:<uuid>" (see Node); refetch it with `node(id:)`.' })
  id: string;

  @Field(() => DateTimeScalar, { description: 'When the write was committed, an RFC 3339 instant in UTC.' })
  at: string;

  @Field({
    description:
      'The caller, with the method that identified them: "api-key:<name>", "jwt:<issuer>|<subject>" (issuer empty when the token had none; % and | in it escaped as %25 and %7C), or "legacy:<id>" for entries written before methods were recorded. Resolved in audit.resolver.ts.',
  })
  actor: string;

  @Field(() => ActorMethodEnum, { description: 'How the caller was identified.' })
  actorMethod: keyof typeof ActorMethodEnum;

  @Field({ description: "The API key's name or the JWT's subject (for LEGACY entries: the id as recorded)." })
  actorId: string;

  @Field(() => String, { nullable: true, description: "The JWT's issuer, when the token had one." })
  actorIssuer?: string;

  @Field(() => WriteActionEnum, { description: 'The mutation that made the write.' })
  action: WriteAction;

  @Field({ description: 'Why, as the editor gave it.' })
  note: string;

  @Field(() => [AuditChange], { description: 'Empty when the write repeated what the graph already held.' })
  changes: AuditChange[];

  @Field(() => SafeIntResolver, {
    nullable: true,
    description:
      'Its number in the change sequence (every audited write takes the next one): pass it as graphChanged(after:) to be sent what came after. Null for entries recorded before the sequence existed (0.2.0 and earlier).',
  })
  sequence?: number;
}

@ObjectType({ description: 'An audit entry and its cursor.' })
export class AuditEdge {
  @Field({ description: 'Opaque position of this entry: pass it as `after` or `before` to page from here.' })
  cursor: string;

  @Field(() => AuditEntry, { description: 'The audit entry.' })
  node: AuditEntry;
}

@ObjectType({ description: 'A page of the audit trail, newest first, Relay style.' })
export class AuditConnection {
  @Field(() => [AuditEdge], { description: "The page's entries with their cursors, newest first." })
  edges: AuditEdge[];

  @Field(() => [AuditEntry], { description: "The page's entries (shortcut for edges.node)." })
  nodes: AuditEntry[];

  @Field(() => PageInfo, {
    description: 'Where this page sits: cursors of its ends and whether more pages follow or precede.',
  })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many entries match, over all pages.' })
  totalCount: number;
}
