import { SafeIntResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { AuditEntry } from '../audit/audit.type.js';
import { DateTimeScalar } from '../shared/scalars.js';

export const GraphChangeKindEnum = { WRITE: 'WRITE', SEED: 'SEED', GAP: 'GAP' } as const;
registerEnumType(GraphChangeKindEnum, {
  name: 'GraphChangeKind',
  description: 'What a graphChanged event is.',
  valuesConfig: {
    WRITE: { description: 'An audited write: `entry` is its audit entry, with what it changed.' },
    SEED: {
      description:
        'A seed load that created or updated records (not audited: what it changed is not recorded; refetch what you show).',
    },
    GAP: {
      description:
        'Changes this subscription can no longer be sent (a resume further back than the retention): `gap` says which; refetch what you show.',
    },
  },
});

@ObjectType({
  description: 'Numbers of the change sequence a subscription missed, first to last (inclusive).',
})
export class ChangeGap {
  @Field(() => SafeIntResolver, { description: 'The first number missed.' })
  from: number;

  @Field(() => SafeIntResolver, { description: "The last number missed (the event's `sequence`)." })
  to: number;
}

@ObjectType({
  description:
    'One event of graphChanged: a change of the graph at its number in the change sequence, or a gap. Events arrive in number order.',
})
export class GraphChange {
  @Field(() => SafeIntResolver, {
    description:
      'Its number in the change sequence (for a GAP, the last number missed): resubscribe with `after` set to the last one received to resume.',
  })
  sequence: number;

  @Field(() => GraphChangeKindEnum, { description: 'Whether this is a write, a seed load or a gap.' })
  kind: keyof typeof GraphChangeKindEnum;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the change was committed, an RFC 3339 instant in UTC (null for a GAP).',
  })
  at: string | null;

  @Field(() => AuditEntry, {
    nullable: true,
    description: 'For a WRITE: its audit entry (who, why, and each record as it was and became); else null.',
  })
  entry: object | null;

  @Field(() => ChangeGap, { nullable: true, description: 'For a GAP: the numbers missed; else null.' })
  gap: ChangeGap | null;
}
