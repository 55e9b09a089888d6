import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import { BasisEnum, SupplyStageEnum } from '../shared/enums.js';
import { DateScalar } from '../shared/scalars.js';
import { EntityInterface } from '../entity/entity.type.js';

export const NoFigureReasonEnum = {
  NO_DATA: 'NO_DATA',
  ALL_SUPPLY_EXCLUDED: 'ALL_SUPPLY_EXCLUDED',
  UNATTRIBUTED: 'UNATTRIBUTED',
};
registerEnumType(NoFigureReasonEnum, {
  name: 'NoFigureReason',
  description: 'Why a supply figure is null.',
  valuesConfig: {
    NO_DATA: {
      description: 'No source in the graph gives country figures for this material and stage up to `asOf`.',
    },
    ALL_SUPPLY_EXCLUDED: {
      description: 'The excluded countries hold all the stated supply: nothing remains.',
    },
    UNATTRIBUTED: { description: 'Supply remains, but no source names the countries it comes from.' },
  },
});

@ObjectType({
  description: 'Why a figure the data cannot support is null: a stable reason and a sentence for a reader.',
})
export class NoFigure {
  @Field(() => NoFigureReasonEnum, { description: 'Stable machine-readable reason.' })
  reason: string;

  @Field({ description: 'A sentence explaining the reason to a reader.' })
  message: string;
}

@ObjectType({ description: 'What a supply answer is for: the arguments as applied, defaults included.' })
export class SupplyQuery {
  @Field(() => EntityInterface, { description: 'The material asked about.' })
  material: Entity;

  @Field(() => SupplyStageEnum, {
    nullable: true,
    description: 'The stage answered for; null only for `supplyAlternatives` asked over every stage.',
  })
  stage: string | null;

  @Field(() => BasisEnum, {
    nullable: true,
    description:
      'ELEMENT or GROUP figures; null when there are none or the answer mixes both (each row states its own).',
  })
  basis: string | null;

  @Field(() => DateScalar, { description: 'The day answered for (`supplyOutlook`: 1 January of `from`).' })
  asOf: string;

  @Field(() => [EntityInterface], { description: 'The countries whose supply is cut off.' })
  excluding: Entity[];

  @Field(() => EntityInterface, {
    nullable: true,
    description: 'The country suppliers qualify through (null for `supplyRisk`, which has none).',
  })
  alliedWith: Entity | null;
}
