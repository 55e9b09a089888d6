import { Arg, Args, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RelationType } from '../../domain/model.js';
import { RelationTypeEnum } from '../shared/enums.js';
import type { GraphContext } from '../shared/graph.service.js';
import { PathsArgs } from './traversal.args.js';
import { TraversalService } from './traversal.service.js';
import { Neighborhood, Path } from './traversal.type.js';

// Inline @Arg parameters appear in the SDL in reverse order; `paths` uses an @ArgsType class to list `from` first.
@Resolver()
export class TraversalResolver {
  @Query(() => [Path], {
    nullable: true,
    description:
      'Shortest paths between two entities, ignoring direction, each a distinct sequence of entities (shorter first, then by entity ids from the start); each hop lists every relationship between its two entities, with citations.',
  })
  paths(@Args() { from, to, maxHops, types, first }: PathsArgs, @Ctx() ctx: GraphContext) {
    return new TraversalService(ctx.graph).paths(from, to, maxHops, types, first);
  }

  @Query(() => Neighborhood, {
    nullable: true,
    description:
      'The entities within `depth` hops of one entity and the relationships among them, ready to draw.',
  })
  neighborhood(
    @Arg('id', () => ID, { description: 'Id of the entity at the centre.' }) id: string,
    @Ctx() ctx: GraphContext,
    @Arg('depth', () => Int, { nullable: true, description: 'Hops from the centre, 1-3 (default 1).' })
    depth?: number,
    @Arg('types', () => [RelationTypeEnum], {
      nullable: true,
      description: 'Only through these types (all when absent).',
    })
    types?: RelationType[],
    @Arg('limit', () => Int, {
      nullable: true,
      description: 'At most this many nodes, 1-500 (default 50), nearest first.',
    })
    limit?: number,
  ) {
    return new TraversalService(ctx.graph).neighborhood(id, depth, types, limit);
  }
}
