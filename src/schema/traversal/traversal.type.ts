import { Field, Int, ObjectType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import type { Relationship, RelationshipFact } from '../../domain/relationship.js';
import { EntityInterface } from '../entity/entity.type.js';
import { RelationshipObject } from '../relationship/relationship.type.js';

@ObjectType({
  description:
    'One step of a path between two entities: every relationship between them (parallel ones too), by id.',
})
export class Hop {
  // Without citations (paths carry facts): Relationship.citations loads them when asked.
  @Field(() => [RelationshipObject], {
    description:
      'Every live relationship (of the allowed types) between the two entities, by id; each carries its citations.',
  })
  relationships: RelationshipFact[];

  @Field({
    description:
      "True when every relationship of the hop points along the path (from the previous entity to the next); read each relationship's from/to otherwise.",
  })
  forward: boolean;
}

@ObjectType({
  description:
    'A shortest path between two entities, distinct by its sequence of entities; paths come shorter first, then by the entity ids passed, id by id from the start.',
})
export class Path {
  @Field(() => Int, { description: 'Number of hops: one less than the entities in `nodes`.' })
  length: number;

  @Field(() => [EntityInterface], { description: 'The entities along the path, from the start to the end.' })
  nodes: Entity[];

  @Field(() => [Hop], { description: 'The steps between consecutive `nodes`, in path order.' })
  hops: Hop[];
}

@ObjectType({ description: 'An entity of a neighbourhood, with its distance from the centre.' })
export class NeighborhoodNode {
  @Field(() => EntityInterface, { description: 'The entity.' })
  entity: Entity;

  @Field(() => Int, { description: 'Hops from the centre, ignoring direction.' })
  distance: number;
}

@ObjectType({
  description: 'A subgraph ready to draw: nodes by distance then id, and the relationships among them.',
})
export class Neighborhood {
  @Field(() => [NeighborhoodNode], {
    description: 'The entities reached, the centre first: by distance, then id.',
  })
  nodes: NeighborhoodNode[];

  @Field(() => [RelationshipObject], { description: 'The relationships among `nodes`, by id.' })
  relationships: Relationship[];

  @Field({ description: 'Whether `limit` left nodes out.' })
  truncated: boolean;
}
