import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import {
  isRetracted,
  versionOf,
  type Citation as CitationRecord,
  type Relationship,
  type RelationshipFact,
  type StatusMilestone as StatusMilestoneRecord,
} from '../../domain/relationship.js';
import { EntityInterface, Source } from '../entity/entity.type.js';
import { citationId, milestoneCitationId } from '../node/node-id.js';
import type { GraphContext } from '../shared/graph.service.js';
import { Citation, RelationshipObject, StatusMilestone } from './relationship.type.js';

/** Thrown when the graph holds a relationship whose end is missing: a broken invariant, masked as INTERNAL. */
async function end(graph: GraphContext['graph'], id: string): Promise<Entity> {
  const entity = await graph.entity(id);
  if (!entity) throw new Error(`dangling relationship end ${id}`);
  return entity;
}

@Resolver(() => RelationshipObject)
export class RelationshipResolver {
  @FieldResolver(() => EntityInterface, { description: 'The entity the fact starts from.' })
  from(@Root() rel: Relationship, @Ctx() { graph }: GraphContext): Promise<Entity> {
    return end(graph, rel.from);
  }

  @FieldResolver(() => EntityInterface, { description: 'The entity the fact points to.' })
  to(@Root() rel: Relationship, @Ctx() { graph }: GraphContext): Promise<Entity> {
    return end(graph, rel.to);
  }

  @FieldResolver(() => [Citation], { description: 'At least one: the sources supporting this fact.' })
  async citations(
    @Root() rel: Relationship | RelationshipFact,
    @Ctx() { graph }: GraphContext,
  ): Promise<(CitationRecord & { id: string })[]> {
    // Supply answers carry their facts without citations: loaded by id (batched) when asked.
    const full = 'citations' in rel ? rel : await graph.relationship(rel.id);
    if (!full) throw new Error(`relationship ${rel.id} vanished`);
    return full.citations.map((c, i) => ({ ...c, id: citationId(rel.id, i) }));
  }

  @FieldResolver(() => [StatusMilestone], {
    nullable: true,
    description:
      "A production line's dated status history in date order (recorded facts and stated plans); null when none is recorded.",
  })
  milestones(
    @Root() rel: RelationshipFact,
  ): (StatusMilestoneRecord & { citation: CitationRecord & { id: string } })[] | null {
    // Each milestone's citation gets an id of its own, like a relationship's citations (cache identity).
    return (
      rel.milestones?.map((m, i) => ({
        ...m,
        citation: { ...m.citation, id: milestoneCitationId(rel.id, i) },
      })) ?? null
    );
  }

  @FieldResolver(() => Int)
  version(@Root() rel: RelationshipFact): number {
    return versionOf(rel);
  }

  @FieldResolver(() => Boolean, { description: 'Whether another source contradicts this claim.' })
  disputed(@Root() rel: Relationship): boolean {
    return rel.disputed ?? false;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether an editor retracted it as wrong (see retractedAt, retractionNote).',
  })
  retracted(@Root() rel: Relationship): boolean {
    return isRetracted(rel);
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Source, { description: 'The source document cited.' })
  source(@Root() citation: CitationRecord, @Ctx() { graph }: GraphContext): Promise<Entity> {
    return end(graph, citation.sourceId);
  }
}

@Resolver()
export class RelationshipQueryResolver {
  @Query(() => RelationshipObject, {
    nullable: true,
    description: 'One relationship by its id; null when unknown.',
  })
  relationship(
    @Arg('id', () => ID, { description: 'The relationship id (also its global Node id).' }) id: string,
    @Ctx() { graph }: GraphContext,
  ): Promise<Relationship | null> {
    return graph.relationship(id);
  }
}
