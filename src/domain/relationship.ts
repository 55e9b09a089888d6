import type { Basis, Confidence, FacilityStatus, RelationType, SupplyStage } from './model.js';
import type { PartialDate } from './dates.js';
import type { Origin } from './entity.js';

/** Support for a relationship: a source entity, where in it, and (when we hold its text) the exact words. */
export interface Citation {
  sourceId: string;
  quote?: string;
  locator?: string;
}

/**
 * One dated step of a production line's status history (a PRODUCES relationship's `milestones`).
 * `planned` marks a stated future milestone ("commissioning 2027"), not a recorded fact. A
 * recorded milestone repeating the status before it is a later confirmation of that status.
 */
export interface StatusMilestone {
  status: FacilityStatus;
  date: PartialDate;
  planned: boolean;
  citation: Citation;
}

/** Typed optional properties of a relationship. */
export interface RelationshipProperties {
  /** HOLDS_OFFICE: the office held; PARTY_TO / COMMITTED_TO: the role. */
  title?: string;
  stage?: SupplyStage;
  volume?: number;
  unit?: string;
  year?: number;
  /** Percent of the stated world total, 0..100. */
  share?: number;
  /** Hedge the source puts on a figure: "nearly", "about", "estimated", "quota". */
  qualifier?: string;
  basis?: Basis;
  /** PRODUCES at a facility: the latest recorded status (the status on a day comes from `milestones`) and stated capacity. */
  status?: FacilityStatus;
  /** PRODUCES at a facility: the line's dated status history, each step cited (see domain/production-status.ts). */
  milestones?: StatusMilestone[];
  capacity?: number;
  validFrom?: PartialDate;
  validUntil?: PartialDate;
  confidence?: Confidence;
  /** Set on claims that another source contradicts. */
  disputed?: boolean;
  note?: string;
  /** Set when an editor retracted the relationship as wrong (ISO instant) and why; retracted ones are hidden from reads by default. */
  retractedAt?: string;
  retractionNote?: string;
}

/** A directed, cited fact between two entities. */
export interface Relationship extends RelationshipProperties {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  citations: Citation[];
  origin: Origin;
  /** Counts the API's changes to it: absent means 1 (seed records, and records written before versions). */
  version?: number;
}

/** A relationship's version: 1 until the API first changes it, then one more per change. */
export function versionOf(rel: Pick<Relationship, 'version'>): number {
  return rel.version ?? 1;
}

/** Property names in a fixed order (used by stores, ids and exports). */
export const RELATIONSHIP_PROPERTY_NAMES = [
  'title',
  'stage',
  'volume',
  'unit',
  'year',
  'share',
  'qualifier',
  'basis',
  'status',
  'milestones',
  'capacity',
  'validFrom',
  'validUntil',
  'confidence',
  'disputed',
  'note',
  'retractedAt',
  'retractionNote',
] as const satisfies readonly (keyof RelationshipProperties)[];

/** A relationship's stored field a read can be asked to carry: one of its properties, or its version. */
export type FactPropertyName = (typeof RELATIONSHIP_PROPERTY_NAMES)[number] | 'version';

/** Every {@link FactPropertyName}, in the order of RELATIONSHIP_PROPERTY_NAMES, then the version. */
export const FACT_PROPERTY_NAMES: readonly FactPropertyName[] = [...RELATIONSHIP_PROPERTY_NAMES, 'version'];

/**
 * Which properties a read must carry: the relationships it returns hold their id, type, ends and
 * origin and these properties (when they have them), and may leave the others out. Every property
 * when absent. Reads that return many relationships (paths, neighbourhoods) take one, so that an
 * answer asking only ids and types does not carry every note and date.
 */
export type PropertySelection = readonly FactPropertyName[] | undefined;

/** The properties that tell apart several relationships of one type between one pair. */
const KEY_PROPERTIES = ['stage', 'year', 'title'] as const;

type KeyProperties = Pick<RelationshipProperties, (typeof KEY_PROPERTIES)[number]>;

const slugPart = (value: string | number) =>
  String(value)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
const typePart = (type: RelationType) => type.toLowerCase().replace(/_/g, '-');

/**
 * The seed's (and the first API's) id form: type, ends, then the key properties' values
 * without their names, e.g. `produces:china:rare-earth-elements:mining:2024`. Every seed
 * relationship keeps this id. It cannot tell `year: 2024` from `title: "2024"`, so the API
 * creates ids with {@link relationshipKeyId}; its parts never contain `=`, so the two forms never meet.
 */
export function relationshipId(
  type: RelationType,
  from: string,
  to: string,
  props: KeyProperties = {},
): string {
  const parts: string[] = [typePart(type), from, to];
  for (const key of KEY_PROPERTIES) {
    const value = props[key];
    if (value !== undefined) parts.push(slugPart(value));
  }
  return parts.join(':');
}

/**
 * The id form of relationships the API creates: each key property's part names it,
 * `type:from:to[:stage=X][:year=N][:title=T]`, values lower-cased with other characters runs as
 * `-` (so "TREASURY   secretary" and "Treasury Secretary" give one id), e.g.
 * `produces:china:rare-earth-elements:stage=mining:year=2024`.
 */
export function relationshipKeyId(
  type: RelationType,
  from: string,
  to: string,
  props: KeyProperties = {},
): string {
  const parts: string[] = [typePart(type), from, to];
  for (const key of KEY_PROPERTIES) {
    const value = props[key];
    if (value !== undefined) parts.push(`${key}=${slugPart(value)}`);
  }
  return parts.join(':');
}

/** Whether an editor retracted the relationship (kept for the record, hidden from reads by default). */
export function isRetracted(rel: Relationship): boolean {
  return rel.retractedAt !== undefined;
}

/**
 * A relationship without its citations: what supply rows, paths and neighbourhoods carry (the
 * rules and traversals never read citations; the API loads them by id, batched, when a query asks).
 */
export type RelationshipFact = Omit<Relationship, 'citations'>;
