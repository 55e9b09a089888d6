import { Field, Int, ObjectType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import type { Relationship, RelationshipFact } from '../../domain/relationship.js';
import { EntityNode } from '../entity/entity.type.js';
import { RelationshipNode } from '../relationship/relationship.type.js';

@ObjectType({ description: 'One step of a path: a relationship, walked forward (from -> to) or backward.' })
export class Hop {
  // Without citations (paths carry facts): Relationship.citations loads them when asked.
  @Field(() => RelationshipNode)
  relationship: RelationshipFact;

  @Field({ description: 'True when the path walks the relationship in its own direction.' })
  forward: boolean;
}

@ObjectType({
  description: 'A shortest path between two entities; each hop carries its relationship and citations.',
})
export class Path {
  @Field(() => Int)
  length: number;

  @Field(() => [EntityNode], { description: 'The entities along the path, from the start to the end.' })
  nodes: Entity[];

  @Field(() => [Hop])
  hops: Hop[];
}

@ObjectType()
export class NeighborhoodNode {
  @Field(() => EntityNode)
  entity: Entity;

  @Field(() => Int, { description: 'Hops from the centre, ignoring direction.' })
  distance: number;
}

@ObjectType({
  description: 'A subgraph ready to draw: nodes by distance then id, and the relationships among them.',
})
export class Neighborhood {
  @Field(() => [NeighborhoodNode])
  nodes: NeighborhoodNode[];

  @Field(() => [RelationshipNode])
  relationships: Relationship[];

  @Field({ description: 'Whether `limit` left nodes out.' })
  truncated: boolean;
}
