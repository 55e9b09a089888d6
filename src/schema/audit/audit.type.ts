import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WRITE_ACTIONS, type WriteAction } from '../../domain/audit.js';
import { PageInfo } from '../shared/connection.type.js';
import { DateTimeScalar } from '../shared/scalars.js';

export const WriteActionEnum = Object.fromEntries(WRITE_ACTIONS.map((a) => [a, a])) as { [K in WriteAction]: K };
registerEnumType(WriteActionEnum, {
  name: 'WriteAction',
  description: 'The mutation that made an audited write.',
  valuesConfig: {
    UPSERT_ENTITY: { description: 'upsertEntity.' },
    RECORD_SOURCE: { description: 'recordSource.' },
    ADD_RELATIONSHIP: { description: 'addRelationship.' },
    RETIRE_RELATIONSHIP: { description: 'retireRelationship.' },
    RETRACT_RELATIONSHIP: { description: 'retractRelationship.' },
  },
});

export const AuditTargetEnum = { ENTITY: 'ENTITY', RELATIONSHIP: 'RELATIONSHIP' } as const;
registerEnumType(AuditTargetEnum, {
  name: 'AuditTarget',
  description: 'What sort of record an audit change is about.',
  valuesConfig: { ENTITY: { description: 'An entity.' }, RELATIONSHIP: { description: 'A relationship.' } },
});

@ObjectType({ description: 'One record a write changed, as it was and as it became (records as the export gives them).' })
export class AuditChange {
  @Field(() => AuditTargetEnum)
  target: keyof typeof AuditTargetEnum;

  @Field(() => ID)
  id: string;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'Null when the write created the record.' })
  before: Record<string, unknown> | null;

  @Field(() => JSONObjectResolver)
  after: Record<string, unknown>;
}

@ObjectType({ description: 'An entry of the audit trail: who wrote, when, through which mutation, why, and what changed.' })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeScalar, { description: 'When the write was committed, an RFC 3339 instant in UTC.' })
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

@ObjectType({ description: 'A page of the audit trail, newest first.' })
export class AuditConnection {
  @Field(() => [AuditEntry])
  nodes: AuditEntry[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
