import { BadInputError } from '../../domain/errors.js';
import {
  ENTITY_KINDS,
  isEntityKind,
  isRelationType,
  kindLabel,
  RELATION_TYPE_NAMES,
  type Direction,
  type EntityKind,
  type RelationType,
} from '../../domain/model.js';
import { ENTITY_FIELDS, FACT_FIELDS } from './neo4j-mappers.js';

/*
 * The pieces the *.queries.ts files build their statements from, each defined once. Values always
 * travel as parameters. Labels and relationship types cannot be parameters, so they are
 * interpolated, and only after checking them against the domain's allow-list (`label`,
 * `typeAlternation`).
 *
 * Storage model:
 * - (:Entity:<Kind> {id, kind, name, origin, ...attributes, sortKey, searchKeys, searchKey, keysVersion}):
 *   the last four are derived by the domain (text-keys.ts) at write and seed time, and backfilled
 *   on start for entities an older version wrote (schema-setup.ts).
 * - (a)-[:<TYPE> {id, origin, ...properties, validFromFirst, validUntilLast}]->(b): the last two are
 *   the first/last ISO day of validFrom/validUntil (domain `bounds`), so `asOf` is a string
 *   comparison in Cypher with the same meaning as the domain's `holdsOn`. A production line's
 *   `milestones` are one JSON text property, `milestonesJson` (see neo4j-mappers.ts).
 * - (:Citation {relId, ord, sourceId, quote, locator, fromId, toId, relType}): one per citation,
 *   unconnected (traversals over allow-listed types never meet it), indexed on relId (a
 *   relationship's citations: one index seek) and on sourceId ("what cites source X": one
 *   index seek, then a node seek on fromId and one expand to the relationship).
 */

/** Predicate: the relationship bound to `rel` is not retracted. Retracted relationships are kept but left out of reads (see the GraphStore port). */
export function notRetracted(rel: string): string {
  return `${rel}.retractedAt IS NULL`;
}

/** `notRetracted` on `r`, the name most statements give their relationship. */
export const LIVE = notRetracted('r');

const LABEL_PATTERN = /^[A-Z][a-z]+$/;
const TYPE_PATTERN = /^[A-Z][A-Z_]*$/;

/** The Neo4j label of a kind, checked against the allow-list before it is interpolated. */
export function label(kind: EntityKind): string {
  const name = kindLabel(kind);
  if (!isEntityKind(kind) || !LABEL_PATTERN.test(name))
    throw new BadInputError(`Unknown entity kind "${String(kind)}"`, 'kind');
  return name;
}

/** The label matching entities of `kind`, or every entity when absent. */
export function kindOrEntity(kind: EntityKind | undefined): string {
  return kind === undefined ? 'Entity' : label(kind);
}

/** Every kind label, for removing a node's old kind when it changes. */
export const ALL_KIND_LABELS = ENTITY_KINDS.map(label);

/** `A|B|C` from relationship types checked against the allow-list; every allowed type when none are given. */
export function typeAlternation(types?: readonly RelationType[]): string {
  const chosen = types && types.length > 0 ? [...new Set(types)] : RELATION_TYPE_NAMES;
  for (const type of chosen) {
    if (!isRelationType(type) || !TYPE_PATTERN.test(type))
      throw new BadInputError(`Unknown relationship type "${String(type)}"`, 'types');
  }
  return chosen.join('|');
}

/** One checked relationship type. */
export function relType(type: RelationType): string {
  return typeAlternation([type]);
}

/** The arrow halves around a relationship pattern for each direction, seen from the left node. */
export const ARROWS: Readonly<Record<Direction, readonly [string, string]>> = {
  OUT: ['-', '->'],
  IN: ['<-', '-'],
  BOTH: ['-', '-'],
};

const PROPERTY_PATTERN = /^[a-zA-Z][a-zA-Z0-9]*$/;

/** The longest field list {@link valueList} reads property by property. */
const DIRECT_READS_MAX = 8;

/**
 * A node's or relationship's fields as one list of values in the order of `fields` (null for an
 * absent property), each read from the item's property map unless `expressions` names another
 * expression for it; the mappers zip them with the same list (neo4j-mappers.ts `fromValues`).
 * - Not a map: the driver builds each map it decodes key by key with Object.defineProperty, about
 *   twice as slow as the same data as lists (measured: 400 entities, 2.4-3.3 ms as masked maps,
 *   1.1-1.4 ms as lists zipped in JavaScript), and a large answer (supply, a neighbourhood) is
 *   hundreds of items.
 * - Not `[keys, values]` either: the keys would travel, and be decoded as strings, once per item.
 * - A long list (every field, most of them absent on most items) through the item's property map
 *   (one read of its properties), not `item.field` for each field: Neo4j looks for an absent
 *   property through all of the item's properties (bench/results/server-overhead.md, round six).
 * - A short list (at most DIRECT_READS_MAX fields: a projection to what the operation asks, whose
 *   first fields every item has) as `item.field` reads: the property map would also read the
 *   derived search keys (a list and a long string per entity) and every other property, to keep
 *   a few (the benchmark's neighbourhood at 10k, 12 centres: 15,838 db hits instead of 20,175;
 *   server-overhead.md, round ten).
 * The field names come from the domain's lists, checked before they are interpolated. Null for a
 * null item.
 */
function valueList(
  item: string,
  fields: readonly string[],
  expressions: Record<string, string> = {},
): string {
  const direct = fields.length <= DIRECT_READS_MAX;
  const values = fields.map((field) => {
    if (expressions[field] !== undefined) return expressions[field];
    if (!PROPERTY_PATTERN.test(field)) throw new Error(`Unexpected property name "${field}"`);
    return direct ? `${item}.\`${field}\`` : `itemProps.\`${field}\``;
  });
  if (direct) return `CASE WHEN ${item} IS NULL THEN null ELSE [${values.join(', ')}] END`;
  // A map projection needs a variable; properties() in its place trips a planner error in the
  // listing statement (a ClassCastException on a cached property), so it serves only expressions.
  const all = /^[a-z][a-zA-Z0-9]*$/.test(item) ? `${item} {.*}` : `properties(${item})`;
  return `CASE WHEN ${item} IS NULL THEN null ELSE [itemProps IN [${all}] | [${values.join(', ')}]][0] END`;
}

/**
 * An entity node as the domain reads it: the values of `fields` (ENTITY_FIELDS, or `entityFields`
 * of a selection; {@link valueList}). The keys derived for the database (sortKey, the search
 * keys) stay there.
 */
export function entityValues(node: string, fields: readonly string[] = ENTITY_FIELDS): string {
  return valueList(node, fields);
}

/**
 * A relationship `r` without its citations as the values of `fields` (FACT_FIELDS, or `factFields`
 * of a selection; {@link valueList}): its properties, type and ends.
 */
export function factValues(fields: readonly string[] = FACT_FIELDS): string {
  return valueList('r', fields, { type: 'type(r)', from: 'startNode(r).id', to: 'endNode(r).id' });
}

/** {@link factValues} of every field. */
export const FACT = factValues();

/** A relationship `r` as a map: its properties, type, ends and ordered citations (one index seek). */
export const REL = `r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id, citations: COLLECT {
    MATCH (c:Citation {relId: r.id})
    WITH c
    ORDER BY c.ord
    RETURN c {.sourceId, .quote, .locator}
  }}`;

/** `asOf` on `r`: the domain's `holdsOn` over the precomputed first/last days (open ends hold). */
export const HOLDS_AS_OF = `($asOf IS NULL OR ((r.validFromFirst IS NULL OR r.validFromFirst <= $asOf) AND (r.validUntilLast IS NULL OR $asOf <= r.validUntilLast)))`;
