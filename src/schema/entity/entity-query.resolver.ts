import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import type { EntityKind } from '../../domain/model.js';
import type { Relationship } from '../../domain/relationship.js';
import { toConnection } from '../shared/connection.js';
import { EntityConnection } from '../shared/connection.type.js';
import { EntityNode } from './entity.type.js';
import { EntityKindEnum } from '../shared/enums.js';
import type { GraphContext } from '../shared/graph.service.js';
import { relatedHops } from './lookahead.js';
import { RelationshipNode } from '../relationship/relationship.type.js';

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

@Resolver()
export class QueryResolver {
  @Query(() => EntityNode, { nullable: true, description: 'One entity by id (a slug such as "scott-bessent"); null when unknown.' })
  entity(@Arg('id', () => ID) id: string, @Ctx() { graph }: GraphContext, @Info() info: GraphQLResolveInfo): Promise<Entity | null> {
    // The typed shortcuts asked below it (facilities { country }, say) come in the same round trip.
    return graph.entityWith(id, relatedHops(info));
  }

  @Query(() => EntityConnection, { description: 'Entities ordered by name then id, filtered by kind and text, paged.' })
  async entities(@Args() { kind, search, first, after }: EntitiesArgs, @Ctx() { graph }: GraphContext, @Info() info: GraphQLResolveInfo) {
    const page = await graph.listEntities(kind, search, first, after);
    await graph.prefetch(page.items.map((e) => e.id), relatedHops(info, 'nodes'));
    return toConnection(page.items, page.offset, page.totalCount);
  }

  @Query(() => [EntityNode], {
    description: 'Entities whose name or an alias contains the text (case-insensitive): exact matches first, then prefixes, then the rest; each group by name, then id.',
  })
  async search(
    @Arg('text') text: string,
    @Ctx() { graph }: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many, 1-100 (default 20).' }) first?: number,
  ): Promise<Entity[]> {
    const found = await graph.search(text, first);
    await graph.prefetch(found.map((e) => e.id), relatedHops(info));
    return found;
  }

  @Query(() => RelationshipNode, { nullable: true, description: 'One relationship by its id; null when unknown.' })
  relationship(@Arg('id', () => ID) id: string, @Ctx() { graph }: GraphContext): Promise<Relationship | null> {
    return graph.relationship(id);
  }
}
