import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { RelationType } from '../../domain/model.js';
import { BasisEnum, ConfidenceEnum, FacilityStatusEnum, RelationTypeEnum, SupplyStageEnum } from '../shared/enums.js';
import { DateTimeScalar, PartialDateScalar } from '../shared/scalars.js';

/** Support for a relationship. `source` is resolved in relationship.resolver.ts. */
@ObjectType({ description: 'Support for a relationship: a source, where in it, and the exact words when the graph holds its text.' })
export class Citation {
  @Field({ nullable: true, description: 'Verbatim words from the source (present when the graph holds its text).' })
  quote?: string;

  @Field({ nullable: true, description: 'Where in the source: a table and row, a section.' })
  locator?: string;
}

/** A directed, cited, optionally dated fact. `from`, `to` and `citations` are resolved in relationship.resolver.ts. */
@ObjectType('Relationship', { description: 'A directed fact between two entities, with its citations and dates.' })
export class RelationshipNode {
  @Field(() => ID, { description: 'Deterministic: type:from:to[:stage][:year][:title].' })
  id: string;

  @Field(() => RelationTypeEnum)
  type: RelationType;

  @Field({ nullable: true, description: 'Office held, or role.' })
  title?: string;

  @Field(() => SupplyStageEnum, { nullable: true })
  stage?: string;

  @Field(() => Float, { nullable: true })
  volume?: number;

  @Field({ nullable: true })
  unit?: string;

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => Float, { nullable: true, description: 'Percent of the stated world total (0-100).' })
  share?: number;

  @Field({ nullable: true, description: 'Hedge the source puts on a figure: nearly, estimated, quota...' })
  qualifier?: string;

  @Field(() => BasisEnum, { nullable: true })
  basis?: string;

  @Field(() => FacilityStatusEnum, { nullable: true })
  status?: string;

  @Field(() => Float, { nullable: true, description: 'Stated capacity, in `unit`.' })
  capacity?: number;

  @Field(() => PartialDateScalar, { nullable: true })
  validFrom?: string;

  @Field(() => PartialDateScalar, { nullable: true })
  validUntil?: string;

  @Field(() => ConfidenceEnum, { nullable: true })
  confidence?: string;

  @Field({ description: 'Whether another source contradicts this claim.' })
  disputed: boolean;

  @Field({ nullable: true })
  note?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When an editor retracted it as wrong (RFC 3339 instant); retracted relationships are hidden unless asked for.' })
  retractedAt?: string;

  @Field({ nullable: true, description: 'Why it was retracted.' })
  retractionNote?: string;
}
