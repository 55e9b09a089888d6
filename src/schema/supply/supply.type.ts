import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import type { StatusOnDay } from '../../domain/production-status.js';
import type { Relationship, StatusMilestone as StatusMilestoneRecord } from '../../domain/relationship.js';
import { BasisEnum } from '../shared/enums.js';
import { Country, EntityInterface } from '../entity/entity.type.js';
import { RelationshipObject, StatusMilestone } from '../relationship/relationship.type.js';
import { StatusAsOf } from '../relationship/milestone.type.js';
import { NoFigure, SupplyQuery } from './supply-query.type.js';

export const QualifiesThroughEnum = {
  SITE: 'SITE',
  OPERATOR: 'OPERATOR',
  SITE_AND_OPERATOR: 'SITE_AND_OPERATOR',
};
registerEnumType(QualifiesThroughEnum, {
  name: 'QualifiesThrough',
  description: "Whether the site's country, an operator's country, or both qualify a supplier.",
  valuesConfig: {
    SITE: { description: "The site's country qualifies." },
    OPERATOR: { description: "An operator's country qualifies." },
    SITE_AND_OPERATOR: { description: 'Both qualify.' },
  },
});

export const LeftOutReasonEnum = { NO_CAPACITY: 'NO_CAPACITY', NO_START_DATE: 'NO_START_DATE' };
registerEnumType(LeftOutReasonEnum, {
  name: 'LeftOutReason',
  description: 'Why a qualifying alternative is left out of a capacity outlook.',
  valuesConfig: {
    NO_CAPACITY: { description: 'Its relationship states no capacity.' },
    NO_START_DATE: { description: 'Its relationship states no date from which the capacity holds.' },
  },
});

@ObjectType({
  description:
    'A supplier outside the excluded countries that qualifies through an allied (or the same) country.',
})
export class SupplyAlternative {
  @Field(() => EntityInterface, { description: 'The country, company or facility.' })
  supplier: Entity;

  @Field(() => RelationshipObject, {
    description: 'The PRODUCES fact: stage, status, capacity, unit, dates and citations.',
  })
  relationship: Relationship;

  @Field(() => BasisEnum, {
    description: 'ELEMENT when the fact is about this material, GROUP when about rare earths as a group.',
  })
  basis: string;

  @Field({ description: 'Whether the qualifying country is `alliedWith` itself.' })
  domestic: boolean;

  @Field(() => QualifiesThroughEnum, {
    description: "Whether it qualifies through its site's country, an operator's country, or both.",
  })
  qualifiesThrough: string;

  @Field(() => Country, {
    description: "The country that makes this supply allied: the site's or an operator's.",
  })
  qualifyingCountry: Entity;

  @Field(() => Country, {
    nullable: true,
    description: "The site's country (null for a company without a site).",
  })
  siteCountry: Entity | null;

  @Field(() => [EntityInterface], {
    description: 'Who operates it (a company supplies as its own operator).',
  })
  operators: Entity[];

  @Field(() => [RelationshipObject], {
    description: 'The MEMBER_OF relationships of the shared alliance (empty for domestic supply).',
  })
  alliancePath: Relationship[];

  @Field(() => StatusAsOf, {
    nullable: true,
    description:
      "A production line's status on the day asked, from its recorded history (null for a supplier without a status, such as a country's output; in an outlook, for a line not yet recorded at its start).",
  })
  statusAsOf: StatusOnDay | null;

  @Field(() => [StatusMilestone], {
    description:
      'Stated plans dated after the last recorded milestone, in date order: what the line is to do, not what it did.',
  })
  plannedMilestones: StatusMilestoneRecord[];
}

@ObjectType({
  description: "One country's share of a material's supply at a stage, with the fact it comes from.",
})
export class CountryShare {
  @Field(() => Country, { description: 'The country.' })
  country: Entity;

  @Field(() => Float, {
    description: 'Percent (of the stated world total, or of what remains after exclusion).',
  })
  share: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The source\'s hedge on the share ("nearly", "estimated", "quota"); null when stated plainly.',
  })
  qualifier: string | null;

  @Field({
    description:
      'Whether the share is hedged by its source (`qualifier` is set): "nearly 90" is 90, approximate.',
  })
  approximate: boolean;

  @Field(() => Float, {
    nullable: true,
    description:
      "The country's stated volume, in its relationship's `unit`; null when the source gives only a share.",
  })
  volume?: number;

  @Field(() => RelationshipObject, {
    description: 'The PRODUCES fact the share comes from, with its citations.',
  })
  relationship: Relationship;
}

@ObjectType()
export class Concentration {
  @Field(() => [CountryShare], { description: 'Country shares, largest first.' })
  shares: CountryShare[];

  @Field(() => Country, {
    nullable: true,
    description: 'The country with the largest share (null when there are no shares).',
  })
  topCountry: Entity | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The largest share; null with `missing` when no country is named.',
  })
  topShare: number | null;

  @Field({ description: "Whether the top share is hedged by its source (see the share's `qualifier`)." })
  topShareApproximate: boolean;

  @Field(() => Float, {
    nullable: true,
    description:
      'Herfindahl-Hirschman index, 0-10,000 (sum of squared percentage shares of the named countries; a lower bound when `unattributedShare` > 0); null with `missing` when no country is named.',
  })
  hhi: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'What the country rows do not cover, percent; never spread over named countries; null without data.',
  })
  unattributedShare: number | null;

  @Field(() => NoFigure, {
    nullable: true,
    description: 'Why `hhi` and `topShare` are null; null when they are figures.',
  })
  missing: NoFigure | null;
}

@ObjectType({
  description:
    'Concentration of what remains once the excluded countries are removed; shares are of that remainder.',
})
export class RemainingConcentration extends Concentration {
  @Field(() => Float, {
    nullable: true,
    description:
      'Percent of the world total left once the excluded countries are removed; null without data.',
  })
  remainingShare: number | null;
}

@ObjectType({ description: 'How concentrated supply is, and what remains without the excluded countries.' })
export class SupplyRisk extends Concentration {
  @Field(() => SupplyQuery, { description: 'What the answer is for.' })
  query: SupplyQuery;

  @Field(() => BasisEnum, { nullable: true, description: 'ELEMENT or GROUP figures; null without data.' })
  basis: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The year the figures are for: the latest with country figures, not after `asOf`; null without data.',
  })
  year: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Unit of `worldVolume` (else of the first country volume), e.g. "t REO"; null when no figure states one.',
  })
  unit: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The stated world total for `year`, in `unit`; null when no source states it.',
  })
  worldVolume: number | null;

  @Field(() => RemainingConcentration, {
    description: 'Shares of what remains once the excluded countries are removed.',
  })
  afterExclusion: RemainingConcentration;
}

@ObjectType({ description: 'Summed allied capacity in one year.' })
export class CapacityPoint {
  @Field(() => Int, { description: 'The year.' })
  year: number;

  @Field(() => Float, {
    description: "Sum of the capacities counted that year, in the series' unit (0 when none).",
  })
  capacity: number;
}

@ObjectType({ description: 'Allied capacity in one unit, year by year.' })
export class CapacitySeries {
  @Field({ description: 'The unit every capacity in this series is stated in, e.g. "t/y NdPr oxide".' })
  unit: string;

  @Field(() => [CapacityPoint], { description: 'One point per year from `from` to `to`, in year order.' })
  points: CapacityPoint[];
}

@ObjectType({ description: 'A qualifying alternative the outlook does not count, and why.' })
export class LeftOutAlternative {
  @Field(() => SupplyAlternative, { description: 'The alternative left out.' })
  alternative: SupplyAlternative;

  @Field(() => LeftOutReasonEnum, { description: 'Why it is not counted.' })
  reason: string;
}

@ObjectType({ description: "An excluded country's latest stated volume of the material at the stage." })
export class ExcludedVolume {
  @Field(() => Country, { description: 'The country.' })
  country: Entity;

  @Field(() => RelationshipObject, {
    description: 'The PRODUCES fact stating the volume (volume, unit, year, citations).',
  })
  relationship: Relationship;
}

@ObjectType({
  description: "Allied capacity as facilities come online, beside the excluded countries' volume.",
})
export class SupplyOutlook {
  @Field(() => SupplyQuery, { description: 'What the answer is for.' })
  query: SupplyQuery;

  @Field(() => Int, { description: 'First year of the outlook (this year unless asked).' })
  from: number;

  @Field(() => Int, {
    description: 'Last year of the outlook, inclusive (five years after `from` unless asked).',
  })
  to: number;

  @Field(() => [CapacitySeries], { description: 'One series per unit: only like-for-like units are summed.' })
  series: CapacitySeries[];

  @Field(() => [LeftOutAlternative], { description: 'Alternatives not counted, and why.' })
  leftOut: LeftOutAlternative[];

  @Field(() => [ExcludedVolume], {
    description: "The excluded countries' latest stated volumes, by country id.",
  })
  excludedVolumes: ExcludedVolume[];
}

@ObjectType({ description: 'Allied suppliers of a material, with what the answer is for.' })
export class SupplyAlternatives {
  @Field(() => SupplyQuery, { description: 'What the answer is for.' })
  query: SupplyQuery;

  @Field(() => [SupplyAlternative], {
    description: 'Operating first, then by capacity within a unit, unknown capacity last.',
  })
  alternatives: SupplyAlternative[];
}
