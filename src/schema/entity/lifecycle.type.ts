import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import { LIFECYCLE_STATUSES } from '../../domain/lifecycle.js';
import { PartialDateScalar } from '../shared/scalars.js';
import { Commitment } from './entity.type.js';

/** `LifecycleStatus`: the `status` of agreements and measures. */
export const LifecycleStatusEnum = Object.fromEntries(LIFECYCLE_STATUSES.map((s) => [s, s])) as Record<
  string,
  string
>;
registerEnumType(LifecycleStatusEnum, {
  name: 'LifecycleStatus',
  description:
    'Where an agreement or measure stands on a day: ANNOUNCED (not yet in force), IN_FORCE, SUSPENDED, EXPIRED.',
  valuesConfig: {
    ANNOUNCED: { description: 'Announced, not yet in force (before validFrom).' },
    IN_FORCE: { description: 'In force that day.' },
    SUSPENDED: { description: 'In force, but a SUSPENDS relationship holds that day.' },
    EXPIRED: { description: 'Lapsed (after validUntil).' },
  },
});

/** `AgreementStanding`: an agreement's status with the reason, when its terms decide it. */
@ObjectType({
  description:
    'Where an agreement stands on a day and why. When every dated term has ended, the agreement is EXPIRED on the last end date, with the reason "ended <date>, no renewal recorded": a renewal would be a term with a later end date.',
})
export class AgreementStanding {
  @Field(() => LifecycleStatusEnum, {
    nullable: true,
    description: 'Status on the day asked: null before it was announced.',
  })
  status!: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'When its terms ran out (as the source dates them), when they decide the status.',
  })
  endedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it ended, in words, e.g. "ended 2026-11-10, no renewal recorded".',
  })
  reason!: string | null;

  @Field(() => [Commitment], {
    description: 'The dated terms that ended last (empty unless its terms decide the status).',
  })
  lastTerms!: Entity[];

  @Field(() => [Commitment], {
    description: 'Terms that carry no end date: they neither keep the agreement alive nor end it.',
  })
  openTerms!: Entity[];
}
