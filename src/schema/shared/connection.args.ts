import { ArgsType, Field, Int } from 'type-graphql';
import { PAGE_SIZE } from '../../domain/pagination.js';

/**
 * Relay's page arguments, shared by every connection. Cursors are opaque keyset cursors: a page
 * starts strictly after (or ends strictly before) the item a cursor names, so a walk during
 * writes neither repeats nor skips an item that existed throughout.
 */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: PAGE_SIZE.default,
    description: `Page size when paging forward, 1-${PAGE_SIZE.max}; null means the default. Ignored when \`last\` is given.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Start after the item with this cursor (an edge's `cursor` or `pageInfo.endCursor`).",
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Page backward: the last this many items (1-${PAGE_SIZE.max}) before \`before\`, or of the whole list; takes precedence over \`first\`.`,
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "End before the item with this cursor (an edge's `cursor` or `pageInfo.startCursor`).",
  })
  before?: string | null;
}
