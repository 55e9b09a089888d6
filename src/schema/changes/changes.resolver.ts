import { SafeIntResolver } from 'graphql-scalars';
import { Args, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import { BadInputError } from '../../domain/errors.js';
import type { ChangeFilter } from '../../domain/changes.js';
import type { GraphContext } from '../shared/graph.service.js';
import type { ChangeEvent } from './change-feed.js';
import { GraphChangedArgs } from './changes.args.js';
import { GraphChange } from './changes.type.js';

/** What a subscription's context offers: the connection's way to open a subscription to the change feed. */
export interface ChangesContext {
  changes: {
    subscribe(filter: ChangeFilter, after: number | undefined): Promise<AsyncIterable<ChangeEvent>>;
  };
}

/** An event as the API gives it. */
function shown(event: ChangeEvent): GraphChange {
  const base = { sequence: event.sequence, kind: event.kind, at: null, entry: null, gap: null };
  if (event.kind === 'WRITE') return { ...base, at: event.entry.at, entry: event.entry };
  if (event.kind === 'SEED') return { ...base, at: event.at };
  return { ...base, gap: { from: event.from, to: event.to } };
}

/** Live changes of the graph, over WebSocket (graphql-ws); see src/server/subscriptions.ts. */
@Resolver()
export class ChangesResolver {
  @Query(() => SafeIntResolver, {
    description:
      'The latest number of the change sequence (0 before the first change): read it with the data you show, then subscribe to graphChanged(after:) with it to be sent every change since.',
  })
  changeSequence(@Ctx() { graph }: GraphContext): Promise<number> {
    return graph.changeSequence();
  }

  @Subscription(() => GraphChange, {
    description:
      'Every accepted write as it is audited (and seed loads that changed records), in change-sequence order, filtered. Served over WebSocket (graphql-ws protocol) at /graphql; see README, "Live changes".',
    subscribe: ({ args, context }) => {
      const { filter, after } = args as GraphChangedArgs;
      if (after != null && after < 0)
        throw new BadInputError(`after must be 0 or more (got ${after})`, 'after');
      // Arguments reach `subscribe` as sent: an explicit null is absent.
      const given: ChangeFilter = {
        ...(filter?.ids != null && { ids: filter.ids }),
        ...(filter?.kinds != null && { kinds: filter.kinds }),
        ...(filter?.types != null && { types: filter.types }),
      };
      return (context as ChangesContext).changes.subscribe(given, after ?? undefined);
    },
  })
  graphChanged(@Root() event: ChangeEvent, @Args() _args: GraphChangedArgs): GraphChange {
    return shown(event);
  }
}
