import { ArgsType, Field, Int } from 'type-graphql';
import type { Direction, EntityKind, RelationType } from '../../domain/model.js';
import { DirectionEnum, EntityKindEnum, RelationTypeEnum } from '../shared/enums.js';
import { DateScalar } from '../shared/scalars.js';

/** `entities`' arguments. */
@ArgsType()
export class EntitiesArgs {
  @Field(() => EntityKindEnum, { nullable: true, description: 'Only entities of this kind.' })
  kind?: EntityKind;

  @Field({ nullable: true, description: 'Case-insensitive substring of the name or an alias.' })
  search?: string;

  @Field(() => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last entity of the previous page.' })
  after?: string;
}

/** `Entity.relationships`' arguments. */
@ArgsType()
export class RelationshipsArgs {
  @Field(() => [RelationTypeEnum], { nullable: true, description: 'Only these types (all when absent).' })
  types?: RelationType[];

  @Field(() => DirectionEnum, { defaultValue: 'BOTH' })
  direction: Direction;

  @Field(() => DateScalar, { nullable: true, description: 'Only relationships valid on this day (YYYY-MM-DD); no time filter when absent.' })
  asOf?: string;

  @Field({ defaultValue: false, description: 'Include relationships an editor retracted as wrong (hidden by default).' })
  includeRetracted: boolean;

  @Field(() => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last relationship of the previous page.' })
  after?: string;
}

/** `search`'s arguments. */
@ArgsType()
export class SearchArgs {
  @Field({ description: 'The text to find in names and aliases (case-insensitive).' })
  text: string;

  @Field(() => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last entity of the previous page.' })
  after?: string;
}

/** `Source.citedBy`'s arguments. */
@ArgsType()
export class CitedByArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last relationship of the previous page.' })
  after?: string;
}
