import { isIsoDay } from '../../domain/dates.js';
import { BadInputError } from '../../domain/errors.js';
import {
  ENTITY_KINDS,
  isEntityKind,
  isRelationType,
  RELATION_TYPE_NAMES,
  type EntityKind,
  type RelationType,
} from '../../domain/model.js';
import { TRAVERSAL_LIMITS } from '../../domain/traversal.js';

/**
 * What an export holds. Entities: every entity, or those within `around.depth` hops of
 * `around.id` (as the `neighborhood` query finds them, over `types`); of `kinds` when given.
 * Relationships: the live (never retracted) ones among those entities, of `types`, holding on
 * `asOf` (a relationship whose ends are not both exported is left out).
 */
export interface ExportFilter {
  asOf?: string;
  /** In ENTITY_KINDS order, each once. */
  kinds?: EntityKind[];
  /** In RELATION_TYPES order, each once. */
  types?: RelationType[];
  around?: { id: string; depth: number };
}

/** The query-string parameters an export reads; any other is refused (a misspelt filter must not export everything). */
export const EXPORT_PARAMETERS = ['asOf', 'kinds', 'types', 'around', 'depth'] as const;

type Query = Record<string, unknown>;

/** One value of a parameter given at most once; BadInputError naming it otherwise. */
function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadInputError(`Parameter "${name}" must be given once`, name);
  return value;
}

/** A comma list of names checked by `known`, as the allow-list's members in its order. */
function names<T extends string>(
  query: Query,
  name: string,
  known: (v: string) => boolean,
  order: readonly T[],
): T[] | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  const asked = value.split(',').map((v) => v.trim().toUpperCase());
  const unknown = asked.filter((v) => !known(v));
  if (unknown.length > 0)
    throw new BadInputError(
      `Parameter "${name}" has unknown ${unknown.length === 1 ? 'value' : 'values'} ${unknown
        .map((v) => `"${v}"`)
        .join(', ')}; known: ${order.join(', ')}`,
      name,
    );
  return order.filter((v) => asked.includes(v));
}

/**
 * The filter a query string asks for (Express's parsed `req.query`); BadInputError naming the
 * parameter when a value is malformed, a parameter is repeated or unknown, or `depth` comes
 * without `around`. Names in `kinds` and `types` are case-insensitive.
 */
export function parseExportFilter(query: Query): ExportFilter {
  const unknown = Object.keys(query).filter((k) => !(EXPORT_PARAMETERS as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw new BadInputError(
      `Unknown parameter "${unknown[0]}"; an export reads ${EXPORT_PARAMETERS.join(', ')}`,
      unknown[0],
    );
  const asOf = single(query, 'asOf');
  if (asOf !== undefined && !isIsoDay(asOf))
    throw new BadInputError('Parameter "asOf" must be a full day, YYYY-MM-DD', 'asOf');
  const kinds = names(query, 'kinds', isEntityKind, ENTITY_KINDS);
  const types = names(query, 'types', isRelationType, RELATION_TYPE_NAMES);
  const around = single(query, 'around');
  const depthText = single(query, 'depth');
  if (around === '') throw new BadInputError('Parameter "around" must name an entity id', 'around');
  if (depthText !== undefined && around === undefined)
    throw new BadInputError('Parameter "depth" needs "around"', 'depth');
  const { max } = TRAVERSAL_LIMITS.depth;
  const depth = depthText === undefined ? 1 : Number(depthText);
  if (!/^\d+$/.test(depthText ?? '1') || depth < 1 || depth > max)
    throw new BadInputError(`Parameter "depth" must be an integer from 1 to ${max}`, 'depth');
  return {
    ...(asOf !== undefined && { asOf }),
    ...(kinds && { kinds }),
    ...(types && { types }),
    ...(around !== undefined && { around: { id: around, depth } }),
  };
}
