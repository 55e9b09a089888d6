import type { EntityKind, FacilityStatus, MeasureType, ReeClass } from './model.js';
import type { PartialDate } from './dates.js';

/** Who owns a record: the curated seed, or an edit made through the API (which the seed never overwrites). */
export type Origin = 'SEED' | 'API';

/**
 * Optional attributes, by the kinds that use them. Flat on purpose: they map one-to-one to
 * node properties in Neo4j and to typed fields in GraphQL.
 */
export interface EntityAttributes {
  /** Other names a user may type (search matches them). */
  aliases?: string[];
  description?: string;
  /** MATERIAL: chemical symbol, atomic number, USGS light/heavy class, IUPAC class as stated. */
  symbol?: string;
  atomicNumber?: number;
  reeClass?: ReeClass;
  iupacClass?: string;
  /** COUNTRY: ISO 3166-1 alpha-2 code. */
  iso2?: string;
  /** ORGANIZATION: government body, agency, company, media, think tank. */
  category?: string;
  /** EVENT, STATEMENT, AGREEMENT, MEASURE, SOURCE: the date it happened, was said, announced or published. */
  date?: PartialDate;
  /** AGREEMENT, MEASURE: when it takes effect and when it lapses (open-ended when absent). */
  validFrom?: PartialDate;
  validUntil?: PartialDate;
  /** STATEMENT: the words said, verbatim. COMMITMENT: what was promised. */
  text?: string;
  /** MEASURE: the kind of measure and its official number (e.g. "No. 70", "EO 14357"). */
  measureType?: MeasureType;
  number?: string;
  /** FACILITY: status of operation. */
  status?: FacilityStatus;
  /** SOURCE: publisher, address, and the seed-relative path of its full text when we hold it. */
  publisher?: string;
  url?: string;
  textPath?: string;
  /** SOURCE: reference code in rare-earth-facts.md (S4, S19, ...). */
  ref?: string;
}

/** A node of the graph. Ids are lower-case slugs, one id space across kinds. */
export interface Entity extends EntityAttributes {
  id: string;
  kind: EntityKind;
  name: string;
  origin: Origin;
}

/** The attribute names, in a fixed order (used by stores and exports). */
export const ENTITY_ATTRIBUTE_NAMES = [
  'aliases',
  'description',
  'symbol',
  'atomicNumber',
  'reeClass',
  'iupacClass',
  'iso2',
  'category',
  'date',
  'validFrom',
  'validUntil',
  'text',
  'measureType',
  'number',
  'status',
  'publisher',
  'url',
  'textPath',
  'ref',
] as const satisfies readonly (keyof EntityAttributes)[];

/** One attribute's name. */
export type EntityAttributeName = (typeof ENTITY_ATTRIBUTE_NAMES)[number];

/**
 * Which attributes a read must carry: the entities it returns hold their id, kind, name, origin
 * and these attributes (when they have them), and may leave the others out. Every attribute when
 * absent. Reads that return many entities (paths, neighbourhoods, supply) take one, so that an
 * answer asking only names does not carry every description.
 */
export type AttributeSelection = readonly EntityAttributeName[] | undefined;

/** Slug rule for ids: lower-case letters and digits in hyphen-separated words. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
