import { Field, ObjectType } from 'type-graphql';
import { FacilityStatusEnum } from '../shared/enums.js';
import { PartialDateScalar } from '../shared/scalars.js';

/** A production line's status on the day asked (domain `StatusOnDay`, without its plans). */
@ObjectType({
  description: "A production line's status on the day asked, from its recorded milestones only.",
})
export class StatusAsOf {
  @Field(() => FacilityStatusEnum, { description: 'The status on the day asked.' })
  status: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      'When this status began (the first recorded milestone of it); null when the line has no dated history.',
  })
  since: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      'The latest recorded milestone confirming this status on or before the day; past it the graph records no change (it never assumes a plan happened).',
  })
  recordedOn: string | null;
}
