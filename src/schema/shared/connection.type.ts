import { Field, Int, ObjectType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';
import { EntityNode } from '../entity/entity.type.js';
import { RelationshipNode } from '../relationship/relationship.type.js';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class EntityEdge {
  @Field()
  cursor: string;

  @Field(() => EntityNode)
  node: Entity;
}

@ObjectType({ description: 'A page of entities, Relay style.' })
export class EntityConnection {
  @Field(() => [EntityEdge])
  edges: EntityEdge[];

  @Field(() => [EntityNode], { description: 'The page\'s entities (shortcut for edges.node).' })
  nodes: Entity[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many match, over all pages.' })
  totalCount: number;
}

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

  @Field(() => [RelationshipNode], { description: 'The page\'s relationships (shortcut for edges.node).' })
  nodes: Relationship[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
