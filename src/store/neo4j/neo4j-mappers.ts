import neo4j, { isInt, type Integer } from 'neo4j-driver';
import { actorKey, auditTargets, storedActor, type AuditEntry } from '../../domain/audit.js';
import type { GraphChange } from '../../domain/changes.js';
import { bounds } from '../../domain/dates.js';
import {
  ENTITY_ATTRIBUTE_NAMES,
  type AttributeSelection,
  type Entity,
  type Origin,
} from '../../domain/entity.js';
import { ENTITY_KINDS, type EntityKind, type RelationType } from '../../domain/model.js';
import type { StatsTallies } from '../../domain/stats.js';
import type { RelatedTree } from '../graph-store.js';
import { searchKeysOf, sortKeyOf, type Labelled } from '../../domain/text-keys.js';
import {
  RELATIONSHIP_PROPERTY_NAMES,
  type Citation,
  type PropertySelection,
  type Relationship,
  type RelationshipFact,
  type StatusMilestone,
} from '../../domain/relationship.js';

/*
 * Neo4j values <-> domain records. Only the fields the domain knows leave this file (derived
 * search keys and date bounds stay in the database); Integers become numbers; an absent or
 * null property is an absent field, exactly as the embedded store gives it.
 */

type Props = Record<string, unknown>;

/*
 * A relationship's `milestones` (a list of maps, which Neo4j cannot hold as a property) travel as
 * one JSON text property, `milestonesJson`; every other property is stored as itself.
 */
/** Stored as they are; `milestones` is a list of maps, which Neo4j cannot hold, so it goes as JSON text. `version` is set by API writes. */
const SCALAR_RELATIONSHIP_PROPERTIES = [
  ...RELATIONSHIP_PROPERTY_NAMES.filter((k) => k !== 'milestones'),
  'version',
];

/** Copies the relationship properties of `p` onto `rel`, decoding `milestonesJson`. */
function copyRelationshipProperties(rel: Props, p: Props): void {
  copyPresent(rel, p, SCALAR_RELATIONSHIP_PROPERTIES);
  if (typeof p.milestonesJson === 'string')
    rel.milestones = JSON.parse(p.milestonesJson) as StatusMilestone[];
}

/** A plain JavaScript value: Integer -> number, lists element-wise, maps key-wise. */
function plain(value: unknown): unknown {
  if (isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Props).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** A map from Neo4j as an object. */
function props(value: unknown): Props {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new TypeError('expected a map from Neo4j');
  return value as Props;
}

/**
 * The fields an entity is read as, in the order cypher-fragments.ts `entityValues` lists their
 * values: what `toEntity` keeps of a node (the derived search and sort keys stay in the database).
 */
export const ENTITY_FIELDS: readonly string[] = ['id', 'kind', 'name', 'origin', ...ENTITY_ATTRIBUTE_NAMES];

/** ENTITY_FIELDS without the attributes `attributes` leaves out (ENTITY_FIELDS itself for all of them). */
export function entityFields(attributes: AttributeSelection): readonly string[] {
  if (attributes === undefined) return ENTITY_FIELDS;
  const kept = new Set<string>(attributes);
  return ENTITY_FIELDS.filter((f, i) => i < 4 || kept.has(f));
}

/** The fields a relationship without citations is read as, in the order of cypher-fragments.ts `FACT`. */
export const FACT_FIELDS: readonly string[] = [
  'id',
  'type',
  'from',
  'to',
  'origin',
  ...SCALAR_RELATIONSHIP_PROPERTIES,
  'milestonesJson',
];

/** FACT_FIELDS without the properties `properties` leaves out (FACT_FIELDS itself for all of them): id, type, ends and origin always. */
export function factFields(properties: PropertySelection): readonly string[] {
  if (properties === undefined) return FACT_FIELDS;
  const kept = new Set<string>(properties);
  if (kept.has('milestones')) kept.add('milestonesJson');
  return FACT_FIELDS.filter((f, i) => i < 5 || kept.has(f));
}

/** A list of values in the order of `fields` as an object of the present (non-null) ones, of the first `count` fields. */
function fromValues(values: unknown[], fields: readonly string[], count = fields.length): Props {
  const out: Props = {};
  for (let i = 0; i < count; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) out[fields[i]!] = plain(value);
  }
  return out;
}

function copyPresent(target: Props, source: Props, keys: readonly string[]): void {
  for (const key of keys) {
    const value = source[key];
    if (value !== null && value !== undefined) target[key] = plain(value);
  }
}

/** A node's properties as a domain entity. */
export function toEntity(value: unknown): Entity {
  // From `entityValues`: already in the entity's field order, absent fields left out.
  if (Array.isArray(value)) return fromValues(value, ENTITY_FIELDS) as unknown as Entity;
  const p = props(value);
  const entity = { id: p.id, kind: p.kind, name: p.name, origin: p.origin } as Props;
  copyPresent(entity, p, ENTITY_ATTRIBUTE_NAMES);
  return entity as unknown as Entity;
}

/** Reads entities listed as the values of `fields` (cypher-fragments.ts `entityValues(node, fields)`). */
export function entityReader(fields: readonly string[]): (value: unknown) => Entity {
  return fields === ENTITY_FIELDS
    ? toEntity
    : (value) => fromValues(value as unknown[], fields) as unknown as Entity;
}

/** A `{entity, ends}` tree map (relatedTreesQuery) as a related-entities tree. */
export function toRelatedTree(value: unknown): RelatedTree {
  const p = value as { entity: unknown; ends: unknown[][] };
  return { entity: toEntity(p.entity), ends: p.ends.map((list) => list.map(toRelatedTree)) };
}

/** A citation map (`sourceId`, `quote`, `locator`) as a domain citation. */
function toCitation(value: unknown): Citation {
  const p = props(value);
  const citation = { sourceId: p.sourceId } as Props;
  copyPresent(citation, p, ['quote', 'locator']);
  return citation as unknown as Citation;
}

/** A relationship map (properties plus `type`, `from`, `to`, `citations`) as a domain relationship. */
export function toRelationship(value: unknown): Relationship {
  const p = props(value);
  const citations = Array.isArray(p.citations) ? p.citations.map(toCitation) : [];
  const rel = { id: p.id, type: p.type, from: p.from, to: p.to, citations, origin: p.origin } as Props;
  copyRelationshipProperties(rel, p);
  return rel as unknown as Relationship;
}

/** A relationship without citations, as cypher-fragments.ts `FACT` lists its values, or as a map (the extraction snapshot's). */
export function toFact(value: unknown): RelationshipFact {
  if (!Array.isArray(value)) {
    const p = props(value);
    const rel = { id: p.id, type: p.type, from: p.from, to: p.to, origin: p.origin } as Props;
    copyRelationshipProperties(rel, p);
    return rel as unknown as RelationshipFact;
  }
  return factOf(value, FACT_FIELDS);
}

/** A relationship listed as the values of `fields` (FACT_FIELDS or `factFields`), its `milestonesJson` (the last field when present) read as `milestones`. */
function factOf(values: unknown[], fields: readonly string[]): RelationshipFact {
  const last = fields.length - 1;
  const json = fields[last] === 'milestonesJson';
  const rel = fromValues(values, fields, json ? last : fields.length);
  if (json && typeof values[last] === 'string')
    rel.milestones = JSON.parse(values[last]) as StatusMilestone[];
  return rel as unknown as RelationshipFact;
}

/** Reads relationships listed as the values of `fields` (cypher-fragments.ts `factValues(fields)`). */
export function factReader(fields: readonly string[]): (value: unknown) => RelationshipFact {
  return fields === FACT_FIELDS ? toFact : (value) => factOf(value as unknown[], fields);
}

/** A Neo4j count or other integer as a number. */
export function toNumber(value: unknown): number {
  return isInt(value) ? value.toNumber() : Number(value);
}

/** An integer parameter (SKIP, LIMIT): JavaScript numbers travel as floats, which Cypher refuses there. */
export function intParam(value: number): Integer {
  return neo4j.int(Math.max(0, Math.trunc(value)));
}

function defined(record: object, keys: readonly string[]): Props {
  const out: Props = {};
  for (const key of keys) {
    const value = (record as Props)[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

/**
 * The write row of an entity: its fields, owner, and the derived keys the domain computes
 * (text-keys.ts): `sortKey` (list order), `searchKeys` (search rank) and `searchKey` (folded
 * labels and stems, newline-joined, for the TEXT index), stamped with `keysVersion`.
 */
export function entityRow(entity: Entity, origin: Origin): { id: string; kind: EntityKind; props: Props } {
  return {
    id: entity.id,
    kind: entity.kind,
    props: {
      ...defined(entity, ENTITY_ATTRIBUTE_NAMES),
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      origin,
      ...derivedKeys(entity),
    },
  };
}

/** Bumped whenever the derivation of the keys below changes: schema-setup recomputes older ones on start. */
export const KEYS_VERSION = 1;

/** The derived, stored keys of an entity (see {@link entityRow}). */
export function derivedKeys(entity: Labelled): Props {
  const searchKeys = searchKeysOf(entity);
  const searchKey = searchKeys
    .filter((k) => /^[nas]:/.test(k))
    .map((k) => k.slice(2))
    .join('\n');
  return { sortKey: sortKeyOf(entity.name), searchKeys, searchKey, keysVersion: KEYS_VERSION };
}

/** The write row of a relationship: typed properties (milestones as JSON text), version (when the API set one), owner, and the first/last days of its window for `asOf`. */
export function relationshipRow(
  rel: Relationship,
  origin: Origin,
): { id: string; type: RelationType; from: string; to: string; props: Props } {
  const validFromFirst = rel.validFrom === undefined ? undefined : bounds(rel.validFrom)?.first;
  const validUntilLast = rel.validUntil === undefined ? undefined : bounds(rel.validUntil)?.last;
  return {
    id: rel.id,
    type: rel.type,
    from: rel.from,
    to: rel.to,
    props: {
      ...defined(rel, SCALAR_RELATIONSHIP_PROPERTIES),
      ...(rel.milestones !== undefined && { milestonesJson: JSON.stringify(rel.milestones) }),
      id: rel.id,
      origin,
      ...(validFromFirst !== undefined && { validFromFirst }),
      ...(validUntilLast !== undefined && { validUntilLast }),
    },
  };
}

/** The citation nodes of a relationship, in order. */
export function citationRows(rel: Relationship): Props[] {
  return rel.citations.map((c, ord) => ({
    ...defined(c, ['quote', 'locator']),
    relId: rel.id,
    ord,
    sourceId: c.sourceId,
    fromId: rel.from,
    toId: rel.to,
    relType: rel.type,
  }));
}

/**
 * The write parameters of an audit entry: its stamp as properties (the actor as `actor`, its
 * key, plus `actorMethod`, `actorId` and `actorIssuer`), its changes as JSON text, the ids it
 * touched (for filtering), its number in the change sequence (an integer). Entries written
 * before methods were recorded have a bare id as
 * `actor` and no `actorMethod`.
 */
export function auditRow(entry: AuditEntry): { id: string; props: Props } {
  const { changes, actor, sequence, ...stamp } = entry;
  const actorProps = {
    actor: actorKey(actor),
    actorMethod: actor.method,
    actorId: actor.id,
    ...(actor.issuer !== undefined && { actorIssuer: actor.issuer }),
  };
  return {
    id: entry.id,
    props: {
      ...stamp,
      ...actorProps,
      changes: JSON.stringify(changes),
      targetIds: auditTargets(entry),
      ...(sequence !== undefined && { sequence: intParam(sequence) }),
    },
  };
}

/** An audit entry node's properties as a domain entry. */
export function toAuditEntry(value: unknown): AuditEntry {
  const p = props(value);
  return {
    id: p.id,
    at: p.at,
    actor:
      typeof p.actorMethod === 'string'
        ? storedActor({
            method: p.actorMethod,
            id: p.actorId,
            ...(typeof p.actorIssuer === 'string' && { issuer: p.actorIssuer }),
          })
        : storedActor(p.actor),
    action: p.action,
    note: p.note,
    changes: JSON.parse(p.changes as string) as AuditEntry['changes'],
    ...(p.sequence != null && { sequence: toNumber(p.sequence) }),
  } as AuditEntry;
}

/** The row of GRAPH_STATS as the tallies the domain shapes into `stats` (counts as numbers, absent `validFrom` and names as null). */
export function toStatsTallies(row: Props): StatsTallies {
  const maps = (value: unknown) => (plain(value) as Props[] | null) ?? [];
  const kinds = (plain(row.kinds) as number[] | null) ?? [];
  return {
    entities: ENTITY_KINDS.map((kind, i) => ({ kind, count: kinds[i] ?? 0 })),
    relationships: maps(row.relationships).map((r) => ({
      type: r.type as RelationType,
      validFrom: (r.validFrom as string | null) ?? null,
      count: r.count as number,
    })),
    citations: maps(row.citations).map((c) => ({
      sourceId: c.sourceId as string,
      name: (c.name as string | null) ?? null,
      count: c.count as number,
    })),
    writes: maps(row.writes).map((w) => ({ month: w.month as string, count: w.count as number })),
  };
}

/** A :Change node's properties as a domain change: an audited write when it is an audit entry, else a seed load. */
export function toGraphChange(value: unknown, audited: boolean): GraphChange {
  const p = props(value);
  const sequence = toNumber(p.sequence);
  return audited
    ? { kind: 'WRITE', sequence, entry: { ...toAuditEntry(p), sequence } }
    : { kind: 'SEED', sequence, at: p.at as string };
}
