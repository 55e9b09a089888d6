import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { isIsoDay } from '../../domain/dates.js';
import type { Entity } from '../../domain/entity.js';
import { BadInputError } from '../../domain/errors.js';
import type { Direction, RelationType } from '../../domain/model.js';
import { pageWindow } from '../../domain/pagination.js';
import type { Relationship } from '../../domain/relationship.js';
import { toConnection } from '../shared/connection.js';
import { RelationshipConnection } from '../shared/connection.type.js';
import { EntityNode, Source } from './entity.type.js';
import { DirectionEnum, RelationTypeEnum } from '../shared/enums.js';
import type { GraphContext } from '../shared/graph.service.js';
import { RelationshipNode } from '../relationship/relationship.type.js';
import { DateScalar } from '../shared/scalars.js';

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

/** `asOf` must be a full day: a partial date names a period, not a moment. */
export function checkAsOf(asOf: string | undefined): string | undefined {
  if (asOf !== undefined && !isIsoDay(asOf)) throw new BadInputError('Argument "asOf" must be a full day, YYYY-MM-DD', 'asOf');
  return asOf;
}

/** Fields every entity has that are computed rather than stored. */
@Resolver(() => EntityNode)
export class EntityResolver {
  @FieldResolver(() => [String], { description: 'Other names search matches.' })
  aliases(@Root() entity: Entity): string[] {
    return entity.aliases ?? [];
  }

  @FieldResolver(() => RelationshipConnection, { description: 'This entity\'s relationships, ordered by id.' })
  async relationships(@Root() entity: Entity, @Args() args: RelationshipsArgs, @Ctx() { graph }: GraphContext) {
    const { offset, limit } = pageWindow(args.first, args.after);
    const asOf = checkAsOf(args.asOf);
    const all = await graph.relationshipsOf(entity.id, {
      direction: args.direction,
      ...(args.types && { types: args.types }),
      ...(asOf && { asOf }),
      ...(args.includeRetracted && { includeRetracted: true }),
    });
    return toConnection(all.slice(offset, offset + limit), offset, all.length);
  }
}

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the graph holds its full text (so its citations carry verbatim quotes).' })
  hasText(@Root() source: Entity): boolean {
    return source.text !== undefined;
  }

  @FieldResolver(() => [RelationshipNode], { description: 'The relationships citing this source (an index lookup), ordered by id.' })
  citedBy(
    @Root() source: Entity,
    @Ctx() { graph }: GraphContext,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many, 1-100 (default 20).' }) first?: number,
  ): Promise<Relationship[]> {
    const { limit } = pageWindow(first, null);
    return graph.citingSource(source.id).then((rels) => rels.slice(0, limit));
  }
}
