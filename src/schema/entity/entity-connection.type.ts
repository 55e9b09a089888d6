import { Field, Int, ObjectType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import { PageInfo } from '../shared/connection.type.js';
import { EntityInterface } from './entity.type.js';

@ObjectType({ description: 'One entity of a page, with its cursor.' })
export class EntityEdge {
  @Field({ description: 'Opaque position of this item: pass it as `after` or `before` to page from here.' })
  cursor: string;

  @Field(() => EntityInterface, { description: 'The entity.' })
  node: Entity;
}

@ObjectType({ description: 'A page of entities, Relay style.' })
export class EntityConnection {
  @Field(() => [EntityEdge], { description: "The page's items with their cursors, in the list's order." })
  edges: EntityEdge[];

  @Field(() => [EntityInterface], { description: "The page's entities (shortcut for edges.node)." })
  nodes: Entity[];

  @Field(() => PageInfo, {
    description: 'Where this page sits: cursors of its ends and whether more pages follow or precede.',
  })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many match, over all pages.' })
  totalCount: number;
}
