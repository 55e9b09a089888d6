import { ArgsType, Field, ID, Int } from 'type-graphql';
import type { SupplyStage } from '../../domain/model.js';
import { SupplyStageEnum } from '../shared/enums.js';
import { DateScalar } from '../shared/scalars.js';
import { SUPPLY_DEFAULTS } from './supply.service.js';

/** The material, stage and excluded countries every supply query takes. */
@ArgsType()
class SupplyQueryArgs {
  @Field(() => ID, { description: 'A material id, e.g. "dysprosium" or "rare-earth-elements".' })
  material: string;

  @Field(() => SupplyStageEnum, { nullable: true, description: 'Only this stage (all stages when absent).' })
  stage?: SupplyStage;

  @Field(() => [ID], {
    defaultValue: [...SUPPLY_DEFAULTS.excluding],
    description: 'Countries whose supply is cut off.',
  })
  excluding: string[];
}

@ArgsType()
class AlliedSupplyArgs extends SupplyQueryArgs {
  @Field(() => ID, {
    defaultValue: SUPPLY_DEFAULTS.alliedWith,
    description: 'Suppliers qualify through this country or an alliance it shares.',
  })
  alliedWith: string;
}

/** `supplyAlternatives`' arguments. */
@ArgsType()
export class AlternativesArgs extends AlliedSupplyArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the question is asked about (YYYY-MM-DD); today when absent.',
  })
  asOf?: string;
}

/** `supplyRisk`'s arguments. */
@ArgsType()
export class RiskArgs extends SupplyQueryArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Figures for the latest year up to this day; today when absent.',
  })
  asOf?: string;
}

/** `supplyOutlook`'s arguments. */
@ArgsType()
export class OutlookArgs extends AlliedSupplyArgs {
  @Field(() => Int, { nullable: true, description: 'First year (default: this year).' })
  from?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Last year (default: five years after `from`; at most 30 years).',
  })
  to?: number;
}
