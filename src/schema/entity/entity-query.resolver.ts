import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, ID, Query, Resolver } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import { decodeEntityCursor, encodeEntityCursor, seekOf } from '../../domain/pagination.js';
import { entityKey } from '../../domain/text-keys.js';
import { toConnection } from '../shared/connection.js';
import type { GraphContext } from '../shared/graph.service.js';
import { EntityConnection } from './entity-connection.type.js';
import { EntitiesArgs, SearchArgs } from './entity.args.js';
import { EntityInterface } from './entity.type.js';
import { relatedHops } from './lookahead.js';

/** The entity queries: by id, listed, searched; each fetches the typed shortcuts its selection asks for ahead (lookahead.ts). */
@Resolver()
export class EntityQueryResolver {
  @Query(() => EntityInterface, {
    nullable: true,
    description: 'One entity by id (a slug such as "scott-bessent"); null when unknown.',
  })
  entity(
    @Arg('id', () => ID, { description: 'The entity\'s slug id, e.g. "china" (also its global Node id).' })
    id: string,
    @Ctx() { graph }: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Entity | null> {
    // The typed shortcuts asked below it (facilities { country }, say) come in the same round trip.
    return graph.entityWith(id, relatedHops(info));
  }

  @Query(() => EntityConnection, {
    nullable: true,
    description:
      'Entities in name order (case- and accent-insensitive: the folded name, then id), filtered by kind and text, paged by keyset cursors.',
  })
  async entities(
    @Args() args: EntitiesArgs,
    @Ctx() { graph }: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const seek = seekOf(args, decodeEntityCursor);
    const page = await graph.listEntities(args.kind, args.search, seek);
    await graph.prefetch(
      page.items.map((e) => e.id),
      relatedHops(info, 'nodes'),
    );
    return toConnection(page, seek, page.totalCount, (e) => encodeEntityCursor(entityKey(e)));
  }

  @Query(() => EntityConnection, {
    nullable: true,
    description:
      'Entities the text finds in their name or aliases, accents, case and word forms folded ("allies" finds "allied"), best first: exact name, exact alias, prefix of either, every word, every word\'s stem, substring; within each by name (folded), then id. ' +
      'Paged by keyset cursors on that order. The first 1000 candidates are ranked; totalCount counts the matches among them.',
  })
  async search(@Args() args: SearchArgs, @Ctx() { graph }: GraphContext, @Info() info: GraphQLResolveInfo) {
    const seek = seekOf(args, decodeEntityCursor);
    const page = await graph.search(args.text, seek);
    await graph.prefetch(
      page.items.map((e) => e.id),
      relatedHops(info, 'nodes'),
    );
    return toConnection(page, seek, page.totalCount, (e) => encodeEntityCursor(page.keys.get(e.id)!));
  }
}
