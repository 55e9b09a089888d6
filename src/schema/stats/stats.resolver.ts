import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { PAGE_SIZE } from '../../domain/pagination.js';
import type {
  GraphStats as GraphStatsRecord,
  SourceCitationCount as SourceCount,
} from '../../domain/stats.js';
import { bounded } from '../../domain/traversal.js';
import { checkAsOf } from '../shared/arguments.js';
import type { GraphContext } from '../shared/graph.service.js';
import { StatsArgs } from './stats.args.js';
import { GraphStats, SourceCitationCount } from './stats.type.js';

/** `stats`: the store counts in one round trip (domain/stats.ts shapes the answer); the most-cited sources are cut here. */
@Resolver(() => GraphStats)
export class StatsResolver {
  @Query(() => GraphStats, {
    nullable: true,
    description:
      'The graph in figures: entities by kind, relationships by type and by the period of their validFrom, citations by source, and audited writes by month. Retracted relationships are left out; with `asOf`, so are those not holding that day.',
  })
  stats(@Args() { asOf }: StatsArgs, @Ctx() { graph }: GraphContext): Promise<GraphStatsRecord> {
    return graph.graphStats(checkAsOf(asOf));
  }

  @FieldResolver(() => [SourceCitationCount], {
    description:
      'The most-cited sources: citations of the counted relationships by source, most first, then by source id; sources never cited left out.',
  })
  citationsBySource(
    @Root() stats: GraphStatsRecord,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: PAGE_SIZE.default,
      description: `At most this many sources, 1-${PAGE_SIZE.max}; null means the default.`,
    })
    first?: number | null,
  ): SourceCount[] {
    return stats.citationsBySource.slice(0, bounded('first', first, PAGE_SIZE));
  }
}
