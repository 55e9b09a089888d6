import { ArgsType, Field } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';

/** `stats`' arguments. */
@ArgsType()
export class StatsArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Count only the relationships holding on this day (YYYY-MM-DD), by their validFrom and validUntil; every live relationship when absent. Entity counts and writes are not filtered by it.',
  })
  asOf?: string;
}
