import { todayIso } from '../../domain/dates.js';
import type { SupplyStage } from '../../domain/model.js';
import { supplyAlternatives, type Membership, type SupplyAlternative, type SupplyRow } from '../../domain/supply.js';
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

/**
 * Supply analysis: checks the arguments, asks the graph (a bounded number of round trips),
 * applies the domain's rules, and returns the answers the schema gives, their entities filled in.
 */
export class SupplyService {
  constructor(private readonly graph: GraphService) {}

  /** Qualifying suppliers outside the excluded countries, in the domain's order. */
  async alternatives(args: SupplyArgs) {
    const { rows, excluding, asOf } = await this.rows(args);
    const list = await this.qualify(args, rows, excluding, asOf);
    return Promise.all(list.map((a) => this.alternativeNode(a)));
  }

  /** Concentration by country before and after the exclusion. */
  async risk(args: SupplyArgs) {
    const { rows, excluding, asOf } = await this.rows(args);
    const risk = supplyRisk(rows, { materialId: args.material, excluding, asOf });
    const [all, after] = await Promise.all([this.concentrationNode(risk), this.concentrationNode(risk.afterExclusion)]);
    return { ...risk, ...all, afterExclusion: { ...after, remainingShare: risk.afterExclusion.remainingShare } };
  }

  /** Allied capacity year by year, beside the excluded countries' current volume. */
  async outlook(args: SupplyArgs & { from?: number | null; to?: number | null }) {
    const years = outlookYears(args.from, args.to, checkAsOf(args.asOf) ?? todayIso());
    const start = `${years.from}-01-01`;
    const { rows, excluding } = await this.rows({ ...args, asOf: start });
    // Lines not yet recorded at the start still count from their stated output dates.
    const outlook = supplyOutlook(await this.qualify(args, rows, excluding, start, true), rows, excluding, years);
    const [leftOut, excludedVolumes] = await Promise.all([
      Promise.all(outlook.leftOut.map(async (l) => ({ reason: l.reason, alternative: await this.alternativeNode(l.alternative) }))),
      Promise.all(outlook.excludedVolumes.map(async (v) => ({ relationship: v.relationship, country: await this.graph.entity(v.countryId) }))),
    ]);
    return { ...outlook, leftOut, excludedVolumes };
  }

  /** The rows for a material and the groups it belongs to (group figures stay group figures). */
  private async rows(args: SupplyArgs): Promise<{ rows: SupplyRow[]; excluding: Set<string>; asOf: string }> {
    const asOf = checkAsOf(args.asOf) ?? todayIso();
    const excluding = new Set(args.excluding ?? SUPPLY_DEFAULTS.excluding);
    // The argument checks and the material's groups in one statement: every id asked with the same
    // look-ahead (Material.groups) is one batch, and the groups are then read from its cache.
    const check = (id: string, argument: string) => mustExist(this.graph, id, argument, [GROUP_OF.hop]);
    await Promise.all([
      check(args.material, 'material'),
      ...[...excluding].map((id) => check(id, 'excluding')),
      ...(args.alliedWith ? [check(args.alliedWith, 'alliedWith')] : []),
    ]);
    const groups = await this.graph.related(args.material, GROUP_OF.hop, GROUP_OF.kind);
    const rows = await this.graph.supplyRows([args.material, ...groups.map((g) => g.id)], args.stage);
    return { rows, excluding, asOf };
  }

  private async qualify(args: SupplyArgs, rows: SupplyRow[], excluding: Set<string>, asOf: string, keepFutureLines = false): Promise<SupplyAlternative[]> {
    const alliedWith = args.alliedWith ?? SUPPLY_DEFAULTS.alliedWith;
    const countries = new Set<string>([alliedWith]);
    for (const row of rows) {
      if (row.siteCountryId) countries.add(row.siteCountryId);
      for (const o of row.operators) if (o.countryId) countries.add(o.countryId);
    }
    // The memberships are one batch; the countries' and operators' entities (the answer's fields) are read beside them: one wait, not two.
    const [lists] = await Promise.all([
      Promise.all([...countries].map((id) => this.graph.relationshipsOf(id, { types: ['MEMBER_OF'], direction: 'OUT' }))),
      this.graph.entitiesById([...countries, ...rows.flatMap((row) => row.operators.map((o) => o.id))]),
    ]);
    const memberships = lists.flat() as Membership[];
    return supplyAlternatives(rows, memberships, { materialId: args.material, excluding, alliedWith, asOf, keepFutureLines });
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
