import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { EntityKind, RelationType } from '../../domain/model.js';
import { EntityKindEnum, RelationTypeEnum } from '../shared/enums.js';
import { DateScalar, PartialDateScalar } from '../shared/scalars.js';

@ObjectType({ description: 'How many entities there are of one kind.' })
export class KindCount {
  @Field(() => EntityKindEnum, { description: 'The kind.' })
  kind: EntityKind;

  @Field(() => Int, { description: 'How many entities of this kind the graph holds (0 when none).' })
  count: number;
}

@ObjectType({ description: 'How many relationships of one type were counted.' })
export class RelationshipTypeCount {
  @Field(() => RelationTypeEnum, { description: 'The relationship type.' })
  type: RelationType;

  @Field(() => Int, {
    description: 'How many live relationships of this type (holding on `asOf` when given); 0 when none.',
  })
  count: number;
}

@ObjectType({ description: 'How many citations of the counted relationships name one source.' })
export class SourceCitationCount {
  @Field(() => ID, { description: "The source entity's id (refetch it with `entity(id:)`)." })
  sourceId: string;

  @Field({ description: "The source's name." })
  name: string;

  @Field(() => Int, {
    description:
      'How many citations of live relationships (holding on `asOf` when given) name this source; a relationship citing it twice counts twice. Citations of production milestones are not counted.',
  })
  count: number;
}

@ObjectType({
  description:
    'Relationships whose validFrom falls in one period. A validFrom given to the day or the month counts in its month (period and month both YYYY-MM). One given only to a quarter, a half or a year counts in a bucket of its own named by that date (period "2026-Q4", "2026-H1" or "2027", month null): precision is never invented, so "2027" is not spread over its months.',
})
export class ValidFromBucket {
  @Field(() => PartialDateScalar, {
    description:
      'The bucket: a month YYYY-MM, or the quarter (YYYY-Qn), half (YYYY-Hn) or year (YYYY) a coarser validFrom names.',
  })
  period: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The month YYYY-MM; null for a bucket of a quarter, half or year (a validFrom not known to the month).',
  })
  month: string | null;

  @Field(() => Int, { description: 'The year the period is in.' })
  year: number;

  @Field(() => Int, { description: 'How many counted relationships have their validFrom in this period.' })
  count: number;
}

@ObjectType({ description: 'How many audited writes were made in one month.' })
export class MonthCount {
  @Field({ description: 'The month, YYYY-MM, in UTC.' })
  month: string;

  @Field(() => Int, {
    description:
      'How many audit entries (one per acknowledged write, a repeated write included) were made in it.',
  })
  count: number;
}

@ObjectType({
  description:
    'The graph in figures, counted in one pass by the store. Relationships leave out retracted ones and, with `asOf`, those not holding that day; the citation and validFrom figures count those same relationships. Entities and writes are counted whatever `asOf`.',
})
export class GraphStats {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day relationships were counted as of; null when every live relationship was counted.',
  })
  asOf: string | null;

  @Field(() => Int, { description: 'How many entities the graph holds (the sum of entitiesByKind).' })
  entityCount: number;

  @Field(() => Int, { description: 'How many relationships were counted (the sum of relationshipsByType).' })
  relationshipCount: number;

  @Field(() => [KindCount], {
    description: 'Entities by kind: every kind, in the EntityKind order, zeros included.',
  })
  entitiesByKind: KindCount[];

  @Field(() => [RelationshipTypeCount], {
    description: 'Counted relationships by type: every type, in the RelationType order, zeros included.',
  })
  relationshipsByType: RelationshipTypeCount[];

  @Field(() => [ValidFromBucket], {
    description:
      'Counted relationships by the period of their validFrom (see ValidFromBucket: a year-only validFrom such as "2027" is the bucket period "2027", month null), periods with none left out; ordered by first day, a longer period before a shorter one starting the same day ("2025" before "2025-01"). Relationships without a validFrom are `undated`.',
  })
  relationshipsByValidFrom: ValidFromBucket[];

  @Field(() => Int, {
    description: 'Counted relationships without a validFrom (in no bucket of relationshipsByValidFrom).',
  })
  undated: number;

  @Field(() => [MonthCount], {
    description:
      'Audited writes (the audit trail) by month in UTC, oldest first; months without writes left out.',
  })
  writesByMonth: MonthCount[];
}
