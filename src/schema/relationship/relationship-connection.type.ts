import { Field, Int, ObjectType } from 'type-graphql';
import type { Relationship } from '../../domain/relationship.js';
import { PageInfo } from '../shared/connection.type.js';
import { RelationshipObject } from './relationship.type.js';

@ObjectType()
export class RelationshipEdge {
  @Field()
  cursor: string;

  @Field(() => RelationshipObject)
  node: Relationship;
}

@ObjectType({ description: 'A page of relationships, Relay style.' })
export class RelationshipConnection {
  @Field(() => [RelationshipEdge])
  edges: RelationshipEdge[];

  @Field(() => [RelationshipObject], { description: 'The page\'s relationships (shortcut for edges.node).' })
  nodes: Relationship[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
