import { SafeIntResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import type { EntityKind, RelationType } from '../../domain/model.js';
import { EntityKindEnum, RelationTypeEnum } from '../shared/enums.js';

@InputType({
  description:
    'Which changes to send. Every field given must hold; kinds and types together mean entity changes of those kinds or relationship changes of those types. A write is sent (whole) when any record it changed matches; SEED and GAP events are always sent.',
})
export class GraphChangeFilter {
  @Field(() => [ID], {
    nullable: true,
    description:
      'Changes to these records: an entity or relationship id, or for a relationship either of its ends.',
  })
  ids?: string[];

  @Field(() => [EntityKindEnum], { nullable: true, description: 'Changes to entities of these kinds.' })
  kinds?: EntityKind[];

  @Field(() => [RelationTypeEnum], {
    nullable: true,
    description: 'Changes to relationships of these types.',
  })
  types?: RelationType[];
}

/** `graphChanged`'s arguments. */
@ArgsType()
export class GraphChangedArgs {
  @Field(() => GraphChangeFilter, {
    nullable: true,
    description: 'Only changes matching this filter (all when absent).',
  })
  filter?: GraphChangeFilter;

  @Field(() => SafeIntResolver, {
    nullable: true,
    description:
      'Resume after this number of the change sequence (the last `sequence` received, or an AuditEntry.sequence): the changes since are sent first, in order, then live ones. Further back than the retention (README, "Live changes"), a GAP event comes first. Absent: from the next change on.',
  })
  after?: number;
}
