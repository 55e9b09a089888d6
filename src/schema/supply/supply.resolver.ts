import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { todayIso } from '../../domain/dates.js';
import type { Entity } from '../../domain/entity.js';
import { lifecycleStatus, type LifecycleStatus } from '../../domain/lifecycle.js';
import type { RelationType, SupplyStage } from '../../domain/model.js';
import type { RelationshipFact } from '../../domain/relationship.js';
import type { SupplyAlternative } from '../../domain/supply.js';
import type { Concentration } from '../../domain/supply-risk.js';
import { AnalysisService, SUPPLY_DEFAULTS } from './supply.service.js';
import {
  LifecycleStatusEnum,
  Neighborhood,
  Path,
  SupplyAlternativeNode,
  SupplyOutlookNode,
  SupplyRiskNode,
} from './supply.type.js';
import { checkAsOf } from '../entity/entity.resolver.js';
import { Agreement, Measure } from '../entity/entity.type.js';
import { RelationTypeEnum, SupplyStageEnum } from '../shared/enums.js';
import type { GraphContext, GraphService } from '../shared/graph.service.js';
import { DateScalar } from '../shared/scalars.js';

@ArgsType()
class SupplyQueryArgs {
  @Field(() => ID, { description: 'A material id, e.g. "dysprosium" or "rare-earth-elements".' })
  material: string;

  @Field(() => SupplyStageEnum, { nullable: true, description: 'Only this stage (all stages when absent).' })
  stage?: SupplyStage;

  @Field(() => [ID], { defaultValue: [...SUPPLY_DEFAULTS.excluding], description: 'Countries whose supply is cut off.' })
  excluding: string[];
}

@ArgsType()
class AlliedSupplyArgs extends SupplyQueryArgs {
  @Field(() => ID, { defaultValue: SUPPLY_DEFAULTS.alliedWith, description: 'Suppliers qualify through this country or an alliance it shares.' })
  alliedWith: string;
}

@ArgsType()
class AlternativesArgs extends AlliedSupplyArgs {
  @Field(() => DateScalar, { nullable: true, description: 'The day the question is asked about (YYYY-MM-DD); today when absent.' })
  asOf?: string;
}

@ArgsType()
class RiskArgs extends SupplyQueryArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Figures for the latest year up to this day; today when absent.' })
  asOf?: string;
}

@ArgsType()
class OutlookArgs extends AlliedSupplyArgs {
  @Field(() => Int, { nullable: true, description: 'First year (default: this year).' })
  from?: number;

  @Field(() => Int, { nullable: true, description: 'Last year (default: five years after `from`; at most 30 years).' })
  to?: number;
}

/** Walks a path's relationships from `start`, giving each hop's direction and the entities passed. */
function walk(start: string, rels: RelationshipFact[]): { ids: string[]; hops: { relationship: RelationshipFact; forward: boolean }[] } {
  const ids = [start];
  const hops = rels.map((relationship) => {
    const at = ids[ids.length - 1];
    const forward = relationship.from === at;
    ids.push(forward ? relationship.to : relationship.from);
    return { relationship, forward };
  });
  return { ids, hops };
}

async function alternativeNode(graph: GraphService, a: SupplyAlternative) {
  const [qualifying, site, operators] = await Promise.all([
    graph.entity(a.qualifyingCountryId),
    a.row.siteCountryId ? graph.entity(a.row.siteCountryId) : null,
    graph.entitiesById(a.row.operators.map((o) => o.id)),
  ]);
  return {
    supplier: a.row.supplier,
    relationship: a.row.relationship,
    basis: a.basis,
    domestic: a.domestic,
    qualifiesThrough: a.qualifiesThrough,
    qualifyingCountry: qualifying,
    siteCountry: site,
    operators,
    alliancePath: a.alliancePath,
  };
}

async function concentrationNode(graph: GraphService, c: Concentration) {
  const countries = await graph.entitiesById(c.shares.map((s) => s.countryId));
  const byId = new Map(countries.map((e) => [e.id, e]));
  return {
    ...c,
    topCountry: c.topCountryId ? (byId.get(c.topCountryId) ?? null) : null,
    shares: c.shares.map((s) => ({ ...s, country: byId.get(s.countryId) })),
  };
}

const analysis = (ctx: GraphContext) => new AnalysisService(ctx.graph.store, ctx.graph);

@Resolver()
export class AnalysisResolver {
  @Query(() => [Path], { description: 'Shortest paths between two entities, ignoring direction; each hop with its relationship and citations.' })
  async paths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Ctx() ctx: GraphContext,
    @Arg('maxHops', () => Int, { nullable: true, description: 'Longest path considered, 1-6 (default 4).' }) maxHops?: number,
    @Arg('types', () => [RelationTypeEnum], { nullable: true, description: 'Only through these types (all when absent).' }) types?: RelationType[],
    @Arg('first', () => Int, { nullable: true, description: 'At most this many paths, 1-50 (default 10).' }) first?: number,
  ) {
    const paths = await analysis(ctx).paths(from, to, maxHops, types, first);
    return Promise.all(
      paths.map(async (rels) => {
        const { ids, hops } = walk(from, rels);
        return { length: rels.length, nodes: await ctx.graph.entitiesById(ids), hops };
      }),
    );
  }

  @Query(() => Neighborhood, { description: 'The entities within `depth` hops of one entity and the relationships among them, ready to draw.' })
  neighborhood(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphContext,
    @Arg('depth', () => Int, { nullable: true, description: 'Hops from the centre, 1-3 (default 1).' }) depth?: number,
    @Arg('types', () => [RelationTypeEnum], { nullable: true }) types?: RelationType[],
    @Arg('limit', () => Int, { nullable: true, description: 'At most this many nodes, 1-500 (default 50), nearest first.' }) limit?: number,
  ) {
    return analysis(ctx).neighborhood(id, depth, types, limit);
  }

  @Query(() => [SupplyAlternativeNode], {
    description:
      'Suppliers of a material outside the excluded countries that qualify through an allied (or the same) country: operating first, then by capacity within a unit, unknown capacity last.',
  })
  async supplyAlternatives(@Args() args: AlternativesArgs, @Ctx() ctx: GraphContext) {
    const list = await analysis(ctx).alternatives(args);
    return Promise.all(list.map((a) => alternativeNode(ctx.graph, a)));
  }

  @Query(() => SupplyRiskNode, { description: 'Shares by country, top share and HHI for a material and stage, before and after excluding countries.' })
  async supplyRisk(@Args() args: RiskArgs, @Ctx() ctx: GraphContext) {
    const risk = await analysis(ctx).risk(args);
    const [all, after] = await Promise.all([concentrationNode(ctx.graph, risk), concentrationNode(ctx.graph, risk.afterExclusion)]);
    return { ...risk, ...all, afterExclusion: { ...after, remainingShare: risk.afterExclusion.remainingShare } };
  }

  @Query(() => SupplyOutlookNode, { description: 'Allied capacity year by year as facilities come online, beside the excluded countries\' current volume.' })
  async supplyOutlook(@Args() args: OutlookArgs, @Ctx() ctx: GraphContext) {
    const outlook = await analysis(ctx).outlook(args);
    const [leftOut, excluded] = await Promise.all([
      Promise.all(outlook.leftOut.map(async (l) => ({ reason: l.reason, alternative: await alternativeNode(ctx.graph, l.alternative) }))),
      Promise.all(outlook.excludedVolumes.map(async (v) => ({ relationship: v.relationship, country: await ctx.graph.entity(v.countryId) }))),
    ]);
    return { ...outlook, leftOut, excludedVolumes: excluded };
  }
}

async function statusOf(entity: Entity, asOf: string | undefined, graph: GraphService): Promise<LifecycleStatus | null> {
  const day = checkAsOf(asOf) ?? todayIso();
  const suspensions = await graph.relationshipsOf(entity.id, { types: ['SUSPENDS'], direction: 'IN' });
  return lifecycleStatus(day, entity, suspensions);
}

const STATUS_DOC = 'Status on `asOf` (today when absent): null before it was announced.';

@Resolver(() => Measure)
export class MeasureStatusResolver {
  @FieldResolver(() => LifecycleStatusEnum, { nullable: true, description: STATUS_DOC })
  status(@Root() m: Entity, @Ctx() { graph }: GraphContext, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string) {
    return statusOf(m, asOf, graph);
  }
}

@Resolver(() => Agreement)
export class AgreementStatusResolver {
  @FieldResolver(() => LifecycleStatusEnum, { nullable: true, description: STATUS_DOC })
  status(@Root() a: Entity, @Ctx() { graph }: GraphContext, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string) {
    return statusOf(a, asOf, graph);
  }
}
