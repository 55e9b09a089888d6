import { Field, Int, ObjectType } from 'type-graphql';
import type { Relationship } from '../../domain/relationship.js';
import { PageInfo } from '../shared/connection.type.js';
import { RelationshipNode } from './relationship.type.js';

@ObjectType()
export class RelationshipEdge {
  @Field()
  cursor: string;

  @Field(() => RelationshipNode)
  node: Relationship;
}

@ObjectType({ description: 'A page of relationships, Relay style.' })
export class RelationshipConnection {
  @Field(() => [RelationshipEdge])
  edges: RelationshipEdge[];

  @Field(() => [RelationshipNode], { description: "The page's relationships (shortcut for edges.node)." })
  nodes: Relationship[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
