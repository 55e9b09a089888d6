import { Arg, Ctx, ID, Int, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { planRecordSource, planUpsertEntity } from '../../domain/edits.js';
import {
  addCitationReads,
  addedRelationshipId,
  addRelationshipReads,
  planAddCitation,
  planAddRelationship,
  planRetireRelationship,
  planRetractRelationship,
  planUpdateRelationship,
  updateRelationshipReads,
} from '../../domain/relationship-edits.js';
import type { Entity } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';
import type { GraphContext } from '../shared/graph.service.js';
import { PartialDateScalar } from '../shared/scalars.js';
import { CitationInput, EntityInput, RelationshipInput, SourceInput } from './write.input.js';
import { EntityPayload, RelationshipPayload } from './write.type.js';
import { audited, EditorsOnly, NOTE } from './write.service.js';

/** Thrown when a record the write just made cannot be read back: a broken invariant, masked as INTERNAL. */
async function written<T>(read: Promise<T | null>, id: string): Promise<T> {
  const record = await read;
  if (record === null) throw new Error(`record ${id} missing after its write`);
  return record;
}

/** A relationship input as the domain's edit (plain objects, not class instances). */
const relationshipEdit = (input: RelationshipInput) => ({
  ...input,
  citations: input.citations.map((c) => ({ ...c })),
});

/**
 * The write API: each mutation is one transaction (all or nothing, on both stores) recorded in
 * the audit trail with the caller and a required note. Writes need an editor credential.
 */
@Resolver()
export class WriteResolver {
  @Mutation(() => EntityPayload, {
    description: 'Add an entity, or update one (same kind; fields given replace, fields left out are kept).',
  })
  @UseMiddleware(EditorsOnly)
  async upsertEntity(
    @Arg('input', { description: 'The entity: its id, kind and the fields to set.' }) input: EntityInput,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: GraphContext,
  ) {
    const audit = await audited(
      ctx,
      'UPSERT_ENTITY',
      note,
      { entityIds: [input.id], relationshipIds: [] },
      planUpsertEntity({ ...input }),
    );
    return { entity: await written<Entity>(ctx.graph.entity(input.id), input.id), audit };
  }

  @Mutation(() => EntityPayload, {
    description:
      'Record a source document (or update one); quotes cited from it are checked against its text.',
  })
  @UseMiddleware(EditorsOnly)
  async recordSource(
    @Arg('input', { description: 'The source document, with its full text when quotes will cite it.' })
    input: SourceInput,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: GraphContext,
  ) {
    const audit = await audited(
      ctx,
      'RECORD_SOURCE',
      note,
      { entityIds: [input.id], relationshipIds: [] },
      planRecordSource({ ...input }),
    );
    return { entity: await written<Entity>(ctx.graph.entity(input.id), input.id), audit };
  }

  @Mutation(() => RelationshipPayload, {
    description:
      'Add a relationship with at least one citation (a quote found verbatim in its source, or a locator). Sending the same content again changes nothing; different content under an existing id is refused with CONFLICT naming it (correct with updateRelationship, corroborate with addCitation).',
  })
  @UseMiddleware(EditorsOnly)
  async addRelationship(
    @Arg('input', {
      description: 'The relationship: type, ends, figures, validity and at least one citation.',
    })
    input: RelationshipInput,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: GraphContext,
  ) {
    const edit = relationshipEdit(input);
    const audit = await audited(
      ctx,
      'ADD_RELATIONSHIP',
      note,
      addRelationshipReads(edit),
      planAddRelationship(edit),
    );
    const found = await Promise.all(
      addRelationshipReads(edit).relationshipIds.map((rid) => ctx.graph.relationship(rid)),
    );
    const stored = new Set(found.flatMap((r) => (r ? [r.id] : [])));
    const id = addedRelationshipId(edit, (rid) => stored.has(rid));
    return { relationship: await written<Relationship>(ctx.graph.relationship(id), id), audit };
  }

  @Mutation(() => RelationshipPayload, {
    description:
      'Correct a relationship: its properties and citations become those sent (type, ends, stage, year and title must give its id), a retraction is lifted, and its version goes up by one. A stale expectedVersion is refused with CONFLICT.',
  })
  @UseMiddleware(EditorsOnly)
  async updateRelationship(
    @Arg('id', () => ID, { description: 'Id of the relationship to correct.' }) id: string,
    @Arg('input', {
      description:
        'The relationship as it should be: every property and citation, not only the changed ones.',
    })
    input: RelationshipInput,
    @Arg('expectedVersion', () => Int, {
      description: 'The version the correction was based on (Relationship.version as read).',
    })
    expectedVersion: number,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: GraphContext,
  ) {
    const edit = relationshipEdit(input);
    const audit = await audited(
      ctx,
      'UPDATE_RELATIONSHIP',
      note,
      updateRelationshipReads(id, edit),
      planUpdateRelationship(id, edit, expectedVersion),
    );
    return { relationship: await written<Relationship>(ctx.graph.relationship(id), id), audit };
  }

  @Mutation(() => RelationshipPayload, {
    description:
      'Add a citation corroborating a relationship (checked as in addRelationship); a citation it already has changes nothing.',
  })
  @UseMiddleware(EditorsOnly)
  async addCitation(
    @Arg('relationshipId', () => ID, { description: 'Id of the relationship to cite.' })
    relationshipId: string,
    @Arg('citation', {
      description: 'The citation to add: a recorded source and a quote from it or a locator.',
    })
    citation: CitationInput,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: GraphContext,
  ) {
    const given = { ...citation };
    const audit = await audited(
      ctx,
      'ADD_CITATION',
      note,
      addCitationReads(relationshipId, given),
      planAddCitation(relationshipId, given),
    );
    return {
      relationship: await written<Relationship>(ctx.graph.relationship(relationshipId), relationshipId),
      audit,
    };
  }

  @Mutation(() => RelationshipPayload, {
    description: 'Retire a relationship: it holds until validUntil and stays queryable as history.',
  })
  @UseMiddleware(EditorsOnly)
  async retireRelationship(
    @Arg('id', () => ID, { description: 'Id of the relationship to retire.' }) id: string,
    @Arg('validUntil', () => PartialDateScalar, { description: 'Last day (or period) it holds.' })
    validUntil: string,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: GraphContext,
  ) {
    const audit = await audited(
      ctx,
      'RETIRE_RELATIONSHIP',
      note,
      { entityIds: [], relationshipIds: [id] },
      planRetireRelationship(id, validUntil),
    );
    return { relationship: await written<Relationship>(ctx.graph.relationship(id), id), audit };
  }

  @Mutation(() => RelationshipPayload, {
    description:
      'Retract a relationship that was wrong: kept and marked, hidden from reads unless asked for.',
  })
  @UseMiddleware(EditorsOnly)
  async retractRelationship(
    @Arg('id', () => ID, { description: 'Id of the relationship to retract.' }) id: string,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: GraphContext,
  ) {
    const audit = await audited(
      ctx,
      'RETRACT_RELATIONSHIP',
      note,
      { entityIds: [], relationshipIds: [id] },
      planRetractRelationship(id),
    );
    return { relationship: await written<Relationship>(ctx.graph.relationship(id), id), audit };
  }
}
