import { todayIso } from '../../domain/dates.js';
import type { Entity } from '../../domain/entity.js';
import { BadInputError } from '../../domain/errors.js';
import type { Basis, EntityKind, SupplyStage } from '../../domain/model.js';
import {
  supplyAlternatives,
  type Membership,
  type SupplyAlternative,
  type SupplyRow,
} from '../../domain/supply.js';
import { outlookYears, supplyOutlook } from '../../domain/supply-outlook.js';
import { supplyRisk, type Concentration } from '../../domain/supply-risk.js';
import { SHORTCUTS } from '../entity/shortcut.fields.js';
import { checkAsOf, mustExist } from '../shared/arguments.js';
import type { GraphService } from '../shared/graph.service.js';

/** Arguments common to the supply queries. */
export interface SupplyArgs {
  material: string;
  stage?: SupplyStage | undefined;
  excluding?: string[] | undefined;
  alliedWith?: string | undefined;
  asOf?: string | undefined;
}

/** A material's groups (rare earth elements for dysprosium): the shortcut field `Material.groups`. */
const GROUP_OF = SHORTCUTS.Material.groups;

/** Defaults that fit the question users bring: excluding China, allied with the United States, as of today. */
export const SUPPLY_DEFAULTS = { excluding: ['china'], alliedWith: 'united-states' } as const;

/** An id argument must name an entity of the kind the query needs: BAD_USER_INPUT naming that kind otherwise. */
function ofKind(entity: Entity, argument: string, kind: EntityKind): Entity {
  if (entity.kind !== kind) {
    const noun = (k: EntityKind) => `${/^[AEIOU]/.test(k) ? 'an' : 'a'} ${k.toLowerCase()}`;
    throw new BadInputError(
      `Argument "${argument}" must name ${noun(kind)}; "${entity.id}" is ${noun(entity.kind)}`,
      argument,
    );
  }
  return entity;
}

/**
 * Supply analysis: checks the arguments, asks the graph (a bounded number of round trips),
 * applies the domain's rules, and returns the answers the schema gives, their entities filled in.
 */
export class SupplyService {
  constructor(private readonly graph: GraphService) {}

  /** Qualifying suppliers outside the excluded countries, in the domain's order, with what they answer for. */
  async alternatives(args: SupplyArgs) {
    const { rows, memberships, excluding, asOf, entities } = await this.rows(args);
    const list = this.qualify(args, rows, memberships, excluding, asOf);
    const bases = new Set(list.map((a) => a.basis));
    const basis = bases.size === 1 ? [...bases][0]! : null;
    return {
      query: this.echo(args, entities, asOf, basis),
      alternatives: await Promise.all(list.map((a) => this.alternativeNode(a))),
    };
  }

  /** Concentration by country before and after the exclusion, with what it answers for. */
  async risk(args: SupplyArgs) {
    const { rows, excluding, asOf, entities } = await this.rows(args, false);
    const risk = supplyRisk(rows, {
      materialId: args.material,
      ...(args.stage && { stage: args.stage }),
      excluding,
      asOf,
    });
    const [all, after] = await Promise.all([
      this.concentrationNode(risk),
      this.concentrationNode(risk.afterExclusion),
    ]);
    return {
      ...risk,
      ...all,
      query: this.echo({ ...args, alliedWith: undefined }, entities, asOf, risk.basis),
      afterExclusion: { ...after, remainingShare: risk.afterExclusion.remainingShare },
    };
  }

  /** Allied capacity year by year, beside the excluded countries' current volume. */
  async outlook(args: SupplyArgs & { from?: number | null; to?: number | null }) {
    const years = outlookYears(args.from, args.to, checkAsOf(args.asOf) ?? todayIso());
    const start = `${years.from}-01-01`;
    const { rows, memberships, excluding, entities } = await this.rows({ ...args, asOf: start });
    // Lines not yet recorded at the start still count from their stated output dates.
    const alternatives = this.qualify(args, rows, memberships, excluding, start, true);
    const outlook = supplyOutlook(alternatives, rows, excluding, years);
    const bases = new Set(alternatives.map((a) => a.basis));
    const [leftOut, excludedVolumes] = await Promise.all([
      Promise.all(
        outlook.leftOut.map(async (l) => ({
          reason: l.reason,
          alternative: await this.alternativeNode(l.alternative),
        })),
      ),
      Promise.all(
        outlook.excludedVolumes.map(async (v) => ({
          relationship: v.relationship,
          country: await this.graph.entity(v.countryId),
        })),
      ),
    ]);
    return {
      ...outlook,
      query: this.echo(args, entities, start, bases.size === 1 ? [...bases][0]! : null),
      leftOut,
      excludedVolumes,
    };
  }

  /** What an answer was for: the arguments as applied, defaults included. */
  private echo(args: SupplyArgs, entities: Map<string, Entity>, asOf: string, basis: Basis | null) {
    const excluding = args.excluding ?? SUPPLY_DEFAULTS.excluding;
    return {
      material: entities.get(args.material)!,
      stage: args.stage ?? null,
      basis,
      asOf,
      excluding: [...new Set(excluding)].map((id) => entities.get(id)!),
      alliedWith: args.alliedWith ? (entities.get(args.alliedWith) ?? null) : null,
    };
  }

  /**
   * The rows for a material and the groups it belongs to (group figures stay group figures), with
   * the memberships that qualify them unless `alliances` is false (a concentration answer names no alliance).
   */
  private async rows(
    args: SupplyArgs,
    alliances = true,
  ): Promise<{
    rows: SupplyRow[];
    memberships: Membership[];
    excluding: Set<string>;
    asOf: string;
    entities: Map<string, Entity>;
  }> {
    const asOf = checkAsOf(args.asOf) ?? todayIso();
    const excluding = new Set(args.excluding ?? SUPPLY_DEFAULTS.excluding);
    // The argument checks and the material's groups in one statement: every id asked with the same
    // look-ahead (Material.groups) is one batch, and the groups are then read from its cache.
    const check = async (id: string, argument: string, kind: EntityKind) =>
      ofKind(await mustExist(this.graph, id, argument, [GROUP_OF.hop]), argument, kind);
    const entities = await Promise.all([
      check(args.material, 'material', 'MATERIAL'),
      ...[...excluding].map((id) => check(id, 'excluding', 'COUNTRY')),
      ...(args.alliedWith ? [check(args.alliedWith, 'alliedWith', 'COUNTRY')] : []),
    ]);
    const groups = await this.graph.related(args.material, GROUP_OF.hop, GROUP_OF.kind);
    // The rows, the memberships that qualify them and the entities the answer names: one statement.
    const { rows, memberships } = await this.graph.supplyContext(
      [args.material, ...groups.map((g) => g.id)],
      args.stage,
      alliances ? [args.alliedWith ?? SUPPLY_DEFAULTS.alliedWith] : null,
    );
    return { rows, memberships, excluding, asOf, entities: new Map(entities.map((e) => [e.id, e])) };
  }

  private qualify(
    args: SupplyArgs,
    rows: SupplyRow[],
    memberships: Membership[],
    excluding: Set<string>,
    asOf: string,
    keepFutureLines = false,
  ): SupplyAlternative[] {
    return supplyAlternatives(rows, memberships, {
      materialId: args.material,
      excluding,
      alliedWith: args.alliedWith ?? SUPPLY_DEFAULTS.alliedWith,
      asOf,
      keepFutureLines,
    });
  }

  private async alternativeNode(a: SupplyAlternative) {
    const [qualifying, site, operators] = await Promise.all([
      this.graph.entity(a.qualifyingCountryId),
      a.row.siteCountryId ? this.graph.entity(a.row.siteCountryId) : null,
      this.graph.entitiesById(a.row.operators.map((o) => o.id)),
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
      statusAsOf: a.statusAsOf,
      plannedMilestones: a.statusAsOf?.planned ?? [],
    };
  }

  private async concentrationNode(c: Concentration) {
    const countries = await this.graph.entitiesById(c.shares.map((s) => s.countryId));
    const byId = new Map(countries.map((e) => [e.id, e]));
    return {
      ...c,
      topCountry: c.topCountryId ? (byId.get(c.topCountryId) ?? null) : null,
      shares: c.shares.map((s) => ({ ...s, country: byId.get(s.countryId) })),
    };
  }
}
