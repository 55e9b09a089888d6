import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RelationType } from '../../domain/model.js';
import { RelationTypeEnum } from '../shared/enums.js';
import type { GraphContext } from '../shared/graph.service.js';
import { TraversalService } from './traversal.service.js';
import { Neighborhood, Path } from './traversal.type.js';

// The arguments stay inline (@Arg): an @ArgsType class would list them in another order in the SDL.
@Resolver()
export class TraversalResolver {
  @Query(() => [Path], { nullable: true, description: 'Shortest paths between two entities, ignoring direction, each a distinct sequence of entities (shorter first, then by entity ids from the start); each hop lists every relationship between its two entities, with citations.' })
  paths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Ctx() ctx: GraphContext,
    @Arg('maxHops', () => Int, { nullable: true, description: 'Longest path considered, 1-6 (default 4).' }) maxHops?: number,
    @Arg('types', () => [RelationTypeEnum], { nullable: true, description: 'Only through these types (all when absent).' }) types?: RelationType[],
    @Arg('first', () => Int, { nullable: true, description: 'At most this many paths, 1-50 (default 10).' }) first?: number,
  ) {
    return new TraversalService(ctx.graph).paths(from, to, maxHops, types, first);
  }

  @Query(() => Neighborhood, { nullable: true, description: 'The entities within `depth` hops of one entity and the relationships among them, ready to draw.' })
  neighborhood(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphContext,
    @Arg('depth', () => Int, { nullable: true, description: 'Hops from the centre, 1-3 (default 1).' }) depth?: number,
    @Arg('types', () => [RelationTypeEnum], { nullable: true }) types?: RelationType[],
    @Arg('limit', () => Int, { nullable: true, description: 'At most this many nodes, 1-500 (default 50), nearest first.' }) limit?: number,
  ) {
    return new TraversalService(ctx.graph).neighborhood(id, depth, types, limit);
  }
}
