import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, ID, Query, Resolver } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import { toConnection } from '../shared/connection.js';
import type { GraphContext } from '../shared/graph.service.js';
import { EntityConnection } from './entity-connection.type.js';
import { EntitiesArgs, SearchArgs } from './entity.args.js';
import { EntityInterface } from './entity.type.js';
import { relatedHops } from './lookahead.js';

/** The entity queries: by id, listed, searched; each fetches the typed shortcuts its selection asks for ahead (lookahead.ts). */
@Resolver()
export class EntityQueryResolver {
  @Query(() => EntityInterface, { nullable: true, description: 'One entity by id (a slug such as "scott-bessent"); null when unknown.' })
  entity(@Arg('id', () => ID) id: string, @Ctx() { graph }: GraphContext, @Info() info: GraphQLResolveInfo): Promise<Entity | null> {
    // The typed shortcuts asked below it (facilities { country }, say) come in the same round trip.
    return graph.entityWith(id, relatedHops(info));
  }

  @Query(() => EntityConnection, { nullable: true, description: 'Entities ordered by name then id, filtered by kind and text, paged.' })
  async entities(@Args() { kind, search, first, after }: EntitiesArgs, @Ctx() { graph }: GraphContext, @Info() info: GraphQLResolveInfo) {
    const page = await graph.listEntities(kind, search, first, after);
    await graph.prefetch(page.items.map((e) => e.id), relatedHops(info, 'nodes'));
    return toConnection(page.items, page.offset, page.totalCount);
  }

  @Query(() => EntityConnection, {
    nullable: true,
    description:
      'Entities whose name or an alias contains the text (case-insensitive): exact matches first, then prefixes, then the rest; each group by name, then id. ' +
      'The first 1000 candidates are ranked; totalCount counts the matches among them.',
  })
  async search(@Args() { text, first, after }: SearchArgs, @Ctx() { graph }: GraphContext, @Info() info: GraphQLResolveInfo) {
    const page = await graph.search(text, first, after);
    await graph.prefetch(page.items.map((e) => e.id), relatedHops(info, 'nodes'));
    return toConnection(page.items, page.offset, page.totalCount);
  }
}
