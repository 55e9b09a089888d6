import { Field, Int, ObjectType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import { PageInfo } from '../shared/connection.type.js';
import { EntityInterface } from './entity.type.js';

@ObjectType()
export class EntityEdge {
  @Field()
  cursor: string;

  @Field(() => EntityInterface)
  node: Entity;
}

@ObjectType({ description: 'A page of entities, Relay style.' })
export class EntityConnection {
  @Field(() => [EntityEdge])
  edges: EntityEdge[];

  @Field(() => [EntityInterface], { description: 'The page\'s entities (shortcut for edges.node).' })
  nodes: Entity[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many match, over all pages.' })
  totalCount: number;
}
