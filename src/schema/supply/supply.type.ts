import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';
import { BasisEnum } from '../shared/enums.js';
import { Country, EntityNode } from '../entity/entity.type.js';
import { RelationshipNode } from '../relationship/relationship.type.js';

export const QualifiesThroughEnum = { SITE: 'SITE', OPERATOR: 'OPERATOR', SITE_AND_OPERATOR: 'SITE_AND_OPERATOR' };
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

@ObjectType({ description: 'A supplier outside the excluded countries that qualifies through an allied (or the same) country.' })
export class SupplyAlternativeNode {
  @Field(() => EntityNode, { description: 'The country, company or facility.' })
  supplier: Entity;

  @Field(() => RelationshipNode, { description: 'The PRODUCES fact: stage, status, capacity, unit, dates and citations.' })
  relationship: Relationship;

  @Field(() => BasisEnum, { description: 'ELEMENT when the fact is about this material, GROUP when about rare earths as a group.' })
  basis: string;

  @Field({ description: 'Whether the qualifying country is `alliedWith` itself.' })
  domestic: boolean;

  @Field(() => QualifiesThroughEnum)
  qualifiesThrough: string;

  @Field(() => Country, { description: 'The country that makes this supply allied: the site\'s or an operator\'s.' })
  qualifyingCountry: Entity;

  @Field(() => Country, { nullable: true, description: "The site's country (null for a company without a site)." })
  siteCountry: Entity | null;

  @Field(() => [EntityNode], { description: 'Who operates it (a company supplies as its own operator).' })
  operators: Entity[];

  @Field(() => [RelationshipNode], { description: 'The MEMBER_OF relationships of the shared alliance (empty for domestic supply).' })
  alliancePath: Relationship[];
}

@ObjectType()
export class CountryShareNode {
  @Field(() => Country, { description: 'The country.' })
  country: Entity;

  @Field(() => Float, { description: 'Percent (of the stated world total, or of what remains after exclusion).' })
  share: number;

  @Field(() => Float, { nullable: true })
  volume?: number;

  @Field(() => RelationshipNode)
  relationship: Relationship;
}

@ObjectType()
export class ConcentrationNode {
  @Field(() => [CountryShareNode])
  shares: CountryShareNode[];

  @Field(() => Country, { nullable: true, description: 'The country with the largest share (null when there are no shares).' })
  topCountry: Entity | null;

  @Field(() => Float, { nullable: true })
  topShare: number | null;

  @Field(() => Float, { description: 'Herfindahl-Hirschman index, 0-10,000 (sum of squared percentage shares).' })
  hhi: number;

  @Field(() => Float, { description: 'What the country rows do not cover, percent; never spread over named countries.' })
  unattributedShare: number;
}

@ObjectType()
export class RemainingConcentrationNode extends ConcentrationNode {
  @Field(() => Float, { description: 'Percent of the world total left once the excluded countries are removed.' })
  remainingShare: number;
}

@ObjectType({ description: 'How concentrated supply is, and what remains without the excluded countries.' })
export class SupplyRiskNode extends ConcentrationNode {
  @Field(() => BasisEnum)
  basis: string;

  @Field(() => Int, { nullable: true })
  year: number | null;

  @Field(() => String, { nullable: true })
  unit: string | null;

  @Field(() => Float, { nullable: true })
  worldVolume: number | null;

  @Field(() => RemainingConcentrationNode, { description: 'Shares of what remains once the excluded countries are removed.' })
  afterExclusion: RemainingConcentrationNode;
}

@ObjectType()
export class CapacityPoint {
  @Field(() => Int)
  year: number;

  @Field(() => Float)
  capacity: number;
}

@ObjectType({ description: 'Allied capacity in one unit, year by year.' })
export class CapacitySeries {
  @Field()
  unit: string;

  @Field(() => [CapacityPoint])
  points: CapacityPoint[];
}

@ObjectType()
export class LeftOutAlternative {
  @Field(() => SupplyAlternativeNode)
  alternative: SupplyAlternativeNode;

  @Field(() => LeftOutReasonEnum)
  reason: string;
}

@ObjectType()
export class ExcludedVolume {
  @Field(() => Country, { description: 'The country.' })
  country: Entity;

  @Field(() => RelationshipNode)
  relationship: Relationship;
}

@ObjectType({ description: 'Allied capacity as facilities come online, beside the excluded countries\' volume.' })
export class SupplyOutlookNode {
  @Field(() => Int)
  from: number;

  @Field(() => Int)
  to: number;

  @Field(() => [CapacitySeries], { description: 'One series per unit: only like-for-like units are summed.' })
  series: CapacitySeries[];

  @Field(() => [LeftOutAlternative], { description: 'Alternatives not counted, and why.' })
  leftOut: LeftOutAlternative[];

  @Field(() => [ExcludedVolume])
  excludedVolumes: ExcludedVolume[];
}
