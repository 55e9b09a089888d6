import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { RelationType } from '../../domain/model.js';
import type { Citation as CitationRecord } from '../../domain/relationship.js';
import { NodeInterface } from '../node/node.type.js';
import {
  BasisEnum,
  ConfidenceEnum,
  FacilityStatusEnum,
  RelationTypeEnum,
  SupplyStageEnum,
} from '../shared/enums.js';
import { DateTimeScalar, PartialDateScalar } from '../shared/scalars.js';

/** Support for a relationship. `source` is resolved in relationship.resolver.ts. */
@ObjectType({
  description:
    'Support for a relationship: a source, where in it, and the exact words when the graph holds its text.',
})
export class Citation {
  @Field(() => ID, {
    description:
      "This citation's own id (\"<relationship id>#<index>\"): its relationship's id and its place among that relationship's citations.",
  })
  id: string;

  @Field({
    nullable: true,
    description: 'Verbatim words from the source (present when the graph holds its text).',
  })
  quote?: string;

  @Field({ nullable: true, description: 'Where in the source: a table and row, a section.' })
  locator?: string;
}

/** One step of a production line's status history (domain `StatusMilestone`). */
@ObjectType({ description: "One dated step of a production line's status history, with its citation." })
export class StatusMilestone {
  @Field(() => FacilityStatusEnum, { description: 'The status the line has from `date`.' })
  status: string;

  @Field(() => PartialDateScalar, {
    description:
      'When the status began (recorded) or is to begin (planned), at the precision the source gives.',
  })
  date: string;

  @Field({
    description:
      'A stated future milestone (a plan), not a recorded fact: it never changes the status on a day.',
  })
  planned: boolean;

  @Field(() => Citation, { description: 'The source supporting this step.' })
  citation: CitationRecord;
}

/** A directed, cited, optionally dated fact. `from`, `to` and `citations` are resolved in relationship.resolver.ts. */
@ObjectType('Relationship', {
  implements: NodeInterface,
  description: 'A directed fact between two entities, with its citations and dates.',
})
export class RelationshipObject {
  @Field(() => ID, {
    description:
      'Deterministic from type, ends, stage, year and title: type:from:to[:stage=X][:year=N][:title=T] for relationships added through the API; seed relationships keep type:from:to[:stage][:year][:title]. Also its global id (see Node).',
  })
  id: string;

  @Field(() => Int, {
    description:
      'Starts at 1 and goes up by one with each change through the API; updateRelationship takes it as expectedVersion. Resolved in relationship.resolver.ts.',
  })
  version: number;

  @Field(() => RelationTypeEnum, {
    description: 'What the fact states; decides which entity kinds its ends may be.',
  })
  type: RelationType;

  @Field({ nullable: true, description: 'Office held, or role.' })
  title?: string;

  @Field(() => SupplyStageEnum, {
    nullable: true,
    description: 'PRODUCES: the supply-chain stage the figure is for.',
  })
  stage?: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'The amount, in `unit`: output (PRODUCES), reserves (HOLDS_RESERVES) or money invested (INVESTED_IN).',
  })
  volume?: number;

  @Field({
    nullable: true,
    description: 'Unit of `volume` and `capacity`, e.g. "t REO", "t/y NdPr oxide" or "US$ million".',
  })
  unit?: string;

  @Field(() => Int, { nullable: true, description: 'The year the figure is for; null for undated facts.' })
  year?: number;

  @Field(() => Float, { nullable: true, description: 'Percent of the stated world total (0-100).' })
  share?: number;

  @Field({ nullable: true, description: 'Hedge the source puts on a figure: nearly, estimated, quota...' })
  qualifier?: string;

  @Field(() => BasisEnum, {
    nullable: true,
    description: 'Whether the figure is for one element or for rare earths as a group.',
  })
  basis?: string;

  @Field(() => FacilityStatusEnum, {
    nullable: true,
    description:
      "A production line's latest recorded status; for the status on a day see the supply answers' `statusAsOf`.",
  })
  status?: string;

  /** Resolved in relationship.resolver.ts (each milestone's citation gets an id). */
  milestones?: StatusMilestone[];

  @Field(() => Float, { nullable: true, description: 'Stated capacity, in `unit`.' })
  capacity?: number;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'When the fact starts to hold; null when the source gives no start.',
  })
  validFrom?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      'When the fact stops holding, as written or set by retireRelationship; null when no end is known.',
  })
  validUntil?: string;

  @Field(() => ConfidenceEnum, { nullable: true, description: 'How sure the source is.' })
  confidence?: string;

  @Field({ description: 'Whether another source contradicts this claim.' })
  disputed: boolean;

  @Field({ nullable: true, description: 'A free note on the fact, when one was recorded.' })
  note?: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When an editor retracted it as wrong (RFC 3339 instant); retracted relationships are hidden unless asked for.',
  })
  retractedAt?: string;

  @Field({ nullable: true, description: 'Why it was retracted.' })
  retractionNote?: string;
}
