import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WRITE_ACTIONS, type WriteAction } from '../../domain/audit.js';
import { NodeInterface } from '../node/node.type.js';
import { PageInfo } from '../shared/connection.type.js';

export const WriteActionEnum = Object.fromEntries(WRITE_ACTIONS.map((a) => [a, a])) as { [K in WriteAction]: K };
registerEnumType(WriteActionEnum, { name: 'WriteAction', description: 'The mutation that made an audited write.' });

export const AuditTargetEnum = { ENTITY: 'ENTITY', RELATIONSHIP: 'RELATIONSHIP' } as const;
registerEnumType(AuditTargetEnum, { name: 'AuditTarget' });

@ObjectType({ description: 'One record a write changed, as it was and as it became (records as the export gives them).' })
export class AuditChange {
  @Field(() => AuditTargetEnum)
  target: keyof typeof AuditTargetEnum;

  @Field(() => ID, { description: 'This change\'s own id ("<audit entry id>/<index>"), unique across the audit trail.' })
  id: string;

  @Field(() => ID, { description: 'The id of the entity or relationship the write changed.' })
  targetId: string;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'Null when the write created the record.' })
  before: object | null;

  @Field(() => JSONObjectResolver)
  after: object;
}

@ObjectType({ implements: NodeInterface, description: 'An entry of the audit trail: who wrote, when, through which mutation, why, and what changed.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Global id "audit:<uuid>" (see Node); refetch it with `node(id:)`.' })
  id: string;

  @Field({ description: 'ISO 8601 instant (UTC).' })
  at: string;

  @Field({ description: 'The caller: an API key\'s name or a JWT\'s subject.' })
  actor: string;

  @Field(() => WriteActionEnum)
  action: WriteAction;

  @Field({ description: 'Why, as the editor gave it.' })
  note: string;

  @Field(() => [AuditChange], { description: 'Empty when the write repeated what the graph already held.' })
  changes: AuditChange[];
}

@ObjectType({ description: 'An audit entry and its cursor.' })
export class AuditEdge {
  @Field()
  cursor: string;

  @Field(() => AuditEntry)
  node: AuditEntry;
}

@ObjectType({ description: 'A page of the audit trail, newest first, Relay style.' })
export class AuditConnection {
  @Field(() => [AuditEdge])
  edges: AuditEdge[];

  @Field(() => [AuditEntry], { description: 'The page\'s entries (shortcut for edges.node).' })
  nodes: AuditEntry[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
