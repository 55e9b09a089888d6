import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphContext } from '../shared/graph.service.js';
import { AlternativesArgs, OutlookArgs, RiskArgs } from './supply.args.js';
import { SupplyService } from './supply.service.js';
import { SupplyAlternatives, SupplyOutlook, SupplyRisk } from './supply.type.js';

@Resolver()
export class SupplyResolver {
  @Query(() => SupplyAlternatives, {
    nullable: true,
    description:
      'Suppliers of a material outside the excluded countries that qualify through an allied (or the same) country: operating first, then by capacity within a unit, unknown capacity last.',
  })
  supplyAlternatives(@Args() args: AlternativesArgs, @Ctx() ctx: GraphContext) {
    return new SupplyService(ctx.graph).alternatives(args);
  }

  @Query(() => SupplyRisk, {
    nullable: true,
    description:
      'Shares by country, top share and HHI for a material and stage, before and after excluding countries.',
  })
  supplyRisk(@Args() args: RiskArgs, @Ctx() ctx: GraphContext) {
    return new SupplyService(ctx.graph).risk(args);
  }

  @Query(() => SupplyOutlook, {
    nullable: true,
    description:
      "Allied capacity year by year as facilities come online, beside the excluded countries' current volume.",
  })
  supplyOutlook(@Args() args: OutlookArgs, @Ctx() ctx: GraphContext) {
    return new SupplyService(ctx.graph).outlook(args);
  }
}
