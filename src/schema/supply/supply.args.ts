import { ArgsType, Field, ID, Int } from 'type-graphql';
import type { SupplyStage } from '../../domain/model.js';
import { SupplyStageEnum } from '../shared/enums.js';
import { DateScalar } from '../shared/scalars.js';
import { SUPPLY_DEFAULTS } from './supply.service.js';

/** The material and excluded countries every supply query takes. */
@ArgsType()
class SupplyQueryArgs {
  @Field(() => ID, {
    description: 'A material id, e.g. "dysprosium" or "rare-earth-elements" (another kind is refused).',
  })
  material: string;

  @Field(() => [ID], {
    defaultValue: [...SUPPLY_DEFAULTS.excluding],
    description: 'Country ids whose supply is cut off.',
  })
  excluding: string[];
}

/** A stage is required where figures are summed: shares of different stages cannot be. */
@ArgsType()
class StagedSupplyArgs extends SupplyQueryArgs {
  @Field(() => SupplyStageEnum, {
    description: 'The stage: shares and capacities of different stages are never summed.',
  })
  stage: SupplyStage;
}

@ArgsType()
class AlliedSupplyArgs extends StagedSupplyArgs {
  @Field(() => ID, {
    defaultValue: SUPPLY_DEFAULTS.alliedWith,
    description: 'A country id: suppliers qualify through it or an alliance it shares.',
  })
  alliedWith: string;
}

/** `supplyAlternatives`' arguments: a list, not a sum, so the stage may be left out (every stage, echoed as null). */
@ArgsType()
export class AlternativesArgs extends SupplyQueryArgs {
  @Field(() => SupplyStageEnum, {
    nullable: true,
    description: 'Only this stage (every stage when absent; the answer echoes null).',
  })
  stage?: SupplyStage;

  @Field(() => ID, {
    defaultValue: SUPPLY_DEFAULTS.alliedWith,
    description: 'A country id: suppliers qualify through it or an alliance it shares.',
  })
  alliedWith: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the question is asked about (YYYY-MM-DD); today when absent.',
  })
  asOf?: string;
}

/** `supplyRisk`'s arguments. */
@ArgsType()
export class RiskArgs extends StagedSupplyArgs {
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
