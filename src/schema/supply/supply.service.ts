import { todayIso } from '../../domain/dates.js';
import type { Entity } from '../../domain/entity.js';
import { NotFoundError } from '../../domain/errors.js';
import type { RelationType, SupplyStage } from '../../domain/model.js';
import type { RelationshipFact } from '../../domain/relationship.js';
import { supplyAlternatives, type Membership, type SupplyAlternative, type SupplyRow } from '../../domain/supply.js';
import { outlookYears, supplyOutlook, type SupplyOutlook } from '../../domain/supply-outlook.js';
import { supplyRisk, type SupplyRisk } from '../../domain/supply-risk.js';
import { bounded, TRAVERSAL_LIMITS, type Neighborhood } from '../../domain/traversal.js';
import type { GraphStore, RelatedHop } from '../../store/graph-store.js';
import { checkAsOf } from '../entity/entity.resolver.js';
import type { GraphService } from '../shared/graph.service.js';
import { SHORTCUTS } from '../entity/shortcut.fields.js';

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
 * Paths, neighbourhoods and supply analysis: checks arguments, asks the store (a bounded number
 * of round trips, the traversal in the database), and applies the domain's rules.
 */
export class AnalysisService {
  constructor(
    private readonly store: GraphStore,
    private readonly graph: GraphService,
  ) {}

  private async mustExist(id: string, argument: string, hops: readonly RelatedHop[] = []): Promise<Entity> {
    const entity = await this.graph.entityWith(id, hops);
    if (!entity) throw new NotFoundError(`No entity with id "${id}" (argument "${argument}")`, argument);
    return entity;
  }

  async paths(from: string, to: string, maxHops?: number | null, types?: RelationType[] | null, first?: number | null): Promise<RelationshipFact[][]> {
    const hops = bounded('maxHops', maxHops, TRAVERSAL_LIMITS.maxHops);
    const limit = bounded('first', first, TRAVERSAL_LIMITS.paths);
    const found = await this.store.shortestPaths(from, to, { maxHops: hops, limit, ...(types && { types }) });
    // No path: an unknown end is NOT_FOUND (checked only then: a found path proves both ends exist).
    if (found.paths.length === 0) await Promise.all([this.mustExist(from, 'from'), this.mustExist(to, 'to')]);
    // The paths' nodes came with them: their fields need no further round trip.
    this.graph.remember(found.entities);
    return found.paths;
  }

  async neighborhood(id: string, depth?: number | null, types?: RelationType[] | null, limit?: number | null): Promise<Neighborhood> {
    const query = {
      depth: bounded('depth', depth, TRAVERSAL_LIMITS.depth),
      limit: bounded('limit', limit, TRAVERSAL_LIMITS.nodes),
      ...(types && { types }),
    };
    // The store answers null for an unknown centre: no separate existence check.
    const found = await this.store.neighborhood(id, query);
    if (!found) throw new NotFoundError(`No entity with id "${id}" (argument "id")`, 'id');
    // Every relationship's ends are among the nodes: their fields need no further round trip.
    this.graph.remember(found.nodes.map((n) => n.entity));
    return found;
  }

  /** The rows for a material and the groups it belongs to (group figures stay group figures). */
  private async rows(args: SupplyArgs): Promise<{ rows: SupplyRow[]; excluding: Set<string>; asOf: string }> {
    const asOf = checkAsOf(args.asOf) ?? todayIso();
    const excluding = new Set(args.excluding ?? SUPPLY_DEFAULTS.excluding);
    // The argument checks and the material's groups in one statement: every id asked with the same
    // look-ahead (Material.groups) is one batch, and the groups are then read from its cache.
    const check = (id: string, argument: string) => this.mustExist(id, argument, [GROUP_OF.hop]);
    await Promise.all([
      check(args.material, 'material'),
      ...[...excluding].map((id) => check(id, 'excluding')),
      ...(args.alliedWith ? [check(args.alliedWith, 'alliedWith')] : []),
    ]);
    const groups = await this.graph.related(args.material, GROUP_OF.hop, GROUP_OF.kind);
    const rows = await this.store.supplyRows([args.material, ...groups.map((g) => g.id)], args.stage);
    return { rows, excluding, asOf };
  }

  async alternatives(args: SupplyArgs): Promise<SupplyAlternative[]> {
    const { rows, excluding, asOf } = await this.rows(args);
    return this.qualify(args, rows, excluding, asOf);
  }

  private async qualify(args: SupplyArgs, rows: SupplyRow[], excluding: Set<string>, asOf: string): Promise<SupplyAlternative[]> {
    const alliedWith = args.alliedWith ?? SUPPLY_DEFAULTS.alliedWith;
    const countries = new Set<string>([alliedWith]);
    for (const row of rows) {
      if (row.siteCountryId) countries.add(row.siteCountryId);
      for (const o of row.operators) if (o.countryId) countries.add(o.countryId);
    }
    // The countries' and operators' entities (the answer's fields) are read beside the memberships: one wait, not two.
    const [lists] = await Promise.all([
      this.store.relationshipsOf([...countries], { types: ['MEMBER_OF'], direction: 'OUT' }),
      this.graph.entitiesById([...countries, ...rows.flatMap((row) => row.operators.map((o) => o.id))]),
    ]);
    const memberships = lists.flat() as Membership[];
    return supplyAlternatives(rows, memberships, { materialId: args.material, excluding, alliedWith, asOf });
  }

  async risk(args: SupplyArgs): Promise<SupplyRisk> {
    const { rows, excluding, asOf } = await this.rows(args);
    return supplyRisk(rows, { materialId: args.material, excluding, asOf });
  }

  async outlook(args: SupplyArgs & { from?: number | null; to?: number | null }): Promise<SupplyOutlook> {
    const years = outlookYears(args.from, args.to, checkAsOf(args.asOf) ?? todayIso());
    const start = `${years.from}-01-01`;
    const { rows, excluding } = await this.rows({ ...args, asOf: start });
    return supplyOutlook(await this.qualify(args, rows, excluding, start), rows, excluding, years);
  }
}
