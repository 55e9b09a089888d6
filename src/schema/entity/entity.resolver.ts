import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import { compareText } from '../../domain/order.js';
import { decodeIdCursor, encodeIdCursor, seekInSorted, seekOf } from '../../domain/pagination.js';
import { RelationshipConnection } from '../relationship/relationship-connection.type.js';
import { checkAsOf } from '../shared/arguments.js';
import { toConnection } from '../shared/connection.js';
import type { GraphContext } from '../shared/graph.service.js';
import { CitedByArgs, RelationshipsArgs } from './entity.args.js';
import { EntityInterface, Source } from './entity.type.js';

/** Fields every entity has that are computed rather than stored. */
@Resolver(() => EntityInterface)
export class EntityResolver {
  @FieldResolver(() => [String], { description: 'Other names search matches.' })
  aliases(@Root() entity: Entity): string[] {
    return entity.aliases ?? [];
  }

  @FieldResolver(() => RelationshipConnection, {
    nullable: true,
    description: "This entity's relationships, ordered by id, paged by keyset cursors on the id.",
  })
  async relationships(
    @Root() entity: Entity,
    @Args() args: RelationshipsArgs,
    @Ctx() { graph }: GraphContext,
  ) {
    const seek = seekOf(args, decodeIdCursor);
    const asOf = checkAsOf(args.asOf);
    const all = await graph.relationshipsOf(entity.id, {
      direction: args.direction,
      ...(args.types && { types: args.types }),
      ...(asOf && { asOf }),
      ...(args.includeRetracted && { includeRetracted: true }),
    });
    return toConnection(
      seekInSorted(all, (r) => r.id, compareText, seek),
      seek,
      all.length,
      (r) => encodeIdCursor(r.id),
    );
  }
}

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => Boolean, {
    description: 'Whether the graph holds its full text (so its citations carry verbatim quotes).',
  })
  hasText(@Root() source: Entity): boolean {
    return source.text !== undefined;
  }

  @FieldResolver(() => RelationshipConnection, {
    nullable: true,
    description:
      'The relationships citing this source (an index lookup), ordered by id, paged by keyset cursors on the id.',
  })
  async citedBy(@Root() source: Entity, @Args() args: CitedByArgs, @Ctx() { graph }: GraphContext) {
    const seek = seekOf(args, decodeIdCursor);
    const all = await graph.citingSource(source.id);
    return toConnection(
      seekInSorted(all, (r) => r.id, compareText, seek),
      seek,
      all.length,
      (r) => encodeIdCursor(r.id),
    );
  }
}
