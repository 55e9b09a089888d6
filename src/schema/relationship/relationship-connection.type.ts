import { Field, Int, ObjectType } from 'type-graphql';
import type { Relationship } from '../../domain/relationship.js';
import { PageInfo } from '../shared/connection.type.js';
import { RelationshipObject } from './relationship.type.js';

@ObjectType({ description: 'One relationship of a page, with its cursor.' })
export class RelationshipEdge {
  @Field({ description: 'Opaque position of this item: pass it as `after` or `before` to page from here.' })
  cursor: string;

  @Field(() => RelationshipObject, { description: 'The relationship.' })
  node: Relationship;
}

@ObjectType({ description: 'A page of relationships, Relay style.' })
export class RelationshipConnection {
  @Field(() => [RelationshipEdge], {
    description: "The page's items with their cursors, in the list's order.",
  })
  edges: RelationshipEdge[];

  @Field(() => [RelationshipObject], { description: "The page's relationships (shortcut for edges.node)." })
  nodes: Relationship[];

  @Field(() => PageInfo, {
    description: 'Where this page sits: cursors of its ends and whether more pages follow or precede.',
  })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many match, over all pages.' })
  totalCount: number;
}
