import { Field, Int, ObjectType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import type { Relationship, RelationshipFact } from '../../domain/relationship.js';
import { EntityInterface } from '../entity/entity.type.js';
import { RelationshipObject } from '../relationship/relationship.type.js';

@ObjectType({ description: 'One step of a path: a relationship, walked forward (from -> to) or backward.' })
export class Hop {
  // Without citations (paths carry facts): Relationship.citations loads them when asked.
  @Field(() => RelationshipObject)
  relationship: RelationshipFact;

  @Field({ description: 'True when the path walks the relationship in its own direction.' })
  forward: boolean;
}

@ObjectType({ description: 'A shortest path between two entities; each hop carries its relationship and citations.' })
export class Path {
  @Field(() => Int)
  length: number;

  @Field(() => [EntityInterface], { description: 'The entities along the path, from the start to the end.' })
  nodes: Entity[];

  @Field(() => [Hop])
  hops: Hop[];
}

@ObjectType()
export class NeighborhoodMember {
  @Field(() => EntityInterface)
  entity: Entity;

  @Field(() => Int, { description: 'Hops from the centre, ignoring direction.' })
  distance: number;
}

@ObjectType({ description: 'A subgraph ready to draw: nodes by distance then id, and the relationships among them.' })
export class Neighborhood {
  @Field(() => [NeighborhoodMember])
  nodes: NeighborhoodMember[];

  @Field(() => [RelationshipObject])
  relationships: Relationship[];

  @Field({ description: 'Whether `limit` left nodes out.' })
  truncated: boolean;
}
