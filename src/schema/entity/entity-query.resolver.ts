import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, ID, Int, Query, Resolver } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import { decodeEntityCursor, encodeEntityCursor, seekOf } from '../../domain/pagination.js';
import { entityKey } from '../../domain/text-keys.js';
import { toConnection } from '../shared/connection.js';
import type { GraphContext } from '../shared/graph.service.js';
import { EntityConnection } from './entity-connection.type.js';
import { EntitiesArgs } from './entity.args.js';
import { EntityNode } from './entity.type.js';
import { relatedHops } from './lookahead.js';

/** The entity queries: by id, listed, searched; each fetches the typed shortcuts its selection asks for ahead (lookahead.ts). */
@Resolver()
export class EntityQueryResolver {
  @Query(() => EntityNode, { nullable: true, description: 'One entity by id (a slug such as "scott-bessent"); null when unknown.' })
  entity(@Arg('id', () => ID) id: string, @Ctx() { graph }: GraphContext, @Info() info: GraphQLResolveInfo): Promise<Entity | null> {
    // The typed shortcuts asked below it (facilities { country }, say) come in the same round trip.
    return graph.entityWith(id, relatedHops(info));
  }

  @Query(() => EntityConnection, {
    description: 'Entities in name order (case- and accent-insensitive: the folded name, then id), filtered by kind and text, paged by keyset cursors.',
  })
  async entities(@Args() args: EntitiesArgs, @Ctx() { graph }: GraphContext, @Info() info: GraphQLResolveInfo) {
    const seek = seekOf(args, decodeEntityCursor);
    const page = await graph.listEntities(args.kind, args.search, seek);
    await graph.prefetch(page.items.map((e) => e.id), relatedHops(info, 'nodes'));
    return toConnection(page, seek, page.totalCount, (e) => encodeEntityCursor(entityKey(e)));
  }

  @Query(() => [EntityNode], {
    description:
      'Entities the text finds in their name or aliases, accents, case and word forms folded ("allies" finds "allied"), best first: exact name, exact alias, prefix of either, every word, every word\'s stem, substring; within each by name (folded), then id.',
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
}
