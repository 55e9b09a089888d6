import { ArgsType, Field } from 'type-graphql';
import type { Direction, EntityKind, RelationType } from '../../domain/model.js';
import { DirectionEnum, EntityKindEnum, RelationTypeEnum } from '../shared/enums.js';
import { ConnectionArgs } from '../shared/connection.args.js';
import { DateScalar } from '../shared/scalars.js';

/** `entities`' arguments (and the page arguments of every connection). */
@ArgsType()
export class EntitiesArgs extends ConnectionArgs {
  @Field(() => EntityKindEnum, { nullable: true, description: 'Only entities of this kind.' })
  kind?: EntityKind;

  @Field({
    nullable: true,
    description:
      'Only entities this text finds, by the rule of `search` (accents, case and word forms folded); the list stays in name order.',
  })
  search?: string;
}

/** `Entity.relationships`' arguments (and the page arguments of every connection). */
@ArgsType()
export class RelationshipsArgs extends ConnectionArgs {
  @Field(() => [RelationTypeEnum], { nullable: true, description: 'Only these types (all when absent).' })
  types?: RelationType[];

  @Field(() => DirectionEnum, {
    defaultValue: 'BOTH',
    description: 'Relationships leaving this entity (OUT), entering it (IN) or both.',
  })
  direction: Direction;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only relationships valid on this day (YYYY-MM-DD); no time filter when absent.',
  })
  asOf?: string;

  @Field({
    defaultValue: false,
    description: 'Include relationships an editor retracted as wrong (hidden by default).',
  })
  includeRetracted: boolean;
}

/** `search`'s arguments. */
@ArgsType()
export class SearchArgs extends ConnectionArgs {
  @Field({ description: 'The text to find in names and aliases (accents, case and word forms folded).' })
  text: string;
}

/** `Source.citedBy`'s arguments. */
@ArgsType()
export class CitedByArgs extends ConnectionArgs {}
