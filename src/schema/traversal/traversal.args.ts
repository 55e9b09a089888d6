import { ArgsType, Field, ID, Int } from 'type-graphql';
import type { RelationType } from '../../domain/model.js';
import { RelationTypeEnum } from '../shared/enums.js';

/** `paths`' arguments, in the order the SDL lists them: `from` before `to`. */
@ArgsType()
export class PathsArgs {
  @Field(() => ID, { description: 'Id of the entity the paths start from.' })
  from: string;

  @Field(() => ID, { description: 'Id of the entity the paths end at.' })
  to: string;

  @Field(() => Int, { nullable: true, description: 'Longest path considered, 1-6 (default 4).' })
  maxHops?: number;

  @Field(() => [RelationTypeEnum], {
    nullable: true,
    description: 'Only through these types (all when absent).',
  })
  types?: RelationType[];

  @Field(() => Int, { nullable: true, description: 'At most this many paths, 1-50 (default 10).' })
  first?: number;
}
