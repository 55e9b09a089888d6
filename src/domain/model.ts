/**
 * The graph's vocabulary: entity kinds, relationship types (the allow-list every store and
 * every Cypher statement draws labels and types from) and the enums carried on relationships.
 * Plain data, no I/O.
 */

/** Every kind an entity can have. In Neo4j each kind is also the node's label (see {@link kindLabel}). */
export const ENTITY_KINDS = [
  'PERSON',
  'COUNTRY',
  'ORGANIZATION',
  'ALLIANCE',
  'MATERIAL',
  'APPLICATION',
  'FACILITY',
  'EVENT',
  'AGREEMENT',
  'COMMITMENT',
  'MEASURE',
  'STATEMENT',
  'SOURCE',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Direction of a relationship as seen from one entity. */
export const DIRECTIONS = ['OUT', 'IN', 'BOTH'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Supply-chain stages (PROCESSING where a source does not split the stages). */
export const SUPPLY_STAGES = ['MINING', 'PROCESSING', 'SEPARATION', 'METAL', 'MAGNETS'] as const;
export type SupplyStage = (typeof SUPPLY_STAGES)[number];

/** Status of a facility's output (a production line's milestones move through them; see domain/production-status.ts). */
export const FACILITY_STATUSES = [
  'OPERATING',
  'RAMPING',
  'UNDER_CONSTRUCTION',
  'PLANNED',
  'COMMISSIONING',
  'CLOSED',
] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

/** How sure the source is: C (confirmed from the page), C2 (secondary or vendor page), D (derived). */
export const CONFIDENCES = ['CONFIRMED', 'SECONDARY', 'DERIVED'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Whether a production figure is for one element or for rare earths as a group. */
export const BASES = ['ELEMENT', 'GROUP'] as const;
export type Basis = (typeof BASES)[number];

/** Light/heavy class of a rare earth element, USGS convention (La-Gd light; Tb-Lu and Y heavy; Sc neither). */
export const REE_CLASSES = ['LIGHT', 'HEAVY', 'NEITHER'] as const;
export type ReeClass = (typeof REE_CLASSES)[number];

/** Kinds of measure a government issues. */
export const MEASURE_TYPES = [
  'EXPORT_CONTROL',
  'SUSPENSION',
  'TARIFF',
  'TARIFF_THREAT',
  'INVESTMENT',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

type Kinds = readonly EntityKind[];
const ANY: Kinds = ENTITY_KINDS;
const ACTORS: Kinds = ['PERSON', 'COUNTRY', 'ORGANIZATION'];
const SUPPLIERS: Kinds = ['COUNTRY', 'ORGANIZATION', 'FACILITY'];

/**
 * The relationship-type allow-list, with the kinds each end may have and a one-line meaning.
 * Direction is as written: `from -TYPE-> to`.
 */
export const RELATION_TYPES = {
  HOLDS_OFFICE: {
    from: ['PERSON'],
    to: ['ORGANIZATION', 'COUNTRY'],
    doc: 'A person holds an office (title) in an organisation or country.',
  },
  LEADS: {
    from: ['PERSON'],
    to: ['COUNTRY', 'ORGANIZATION'],
    doc: 'A person leads a country or organisation.',
  },
  PART_OF: {
    from: ['ORGANIZATION', 'COMMITMENT', 'MATERIAL', 'EVENT', 'MEASURE'],
    to: ['ORGANIZATION', 'COUNTRY', 'AGREEMENT', 'MATERIAL', 'EVENT'],
    doc: 'Membership of a whole: an agency in a government, a commitment in an agreement, an element in a group.',
  },
  MEMBER_OF: {
    from: ['COUNTRY', 'ORGANIZATION'],
    to: ['ALLIANCE'],
    doc: 'A country or organisation belongs to an alliance or partnership.',
  },
  PARTICIPATED_IN: { from: ACTORS, to: ['EVENT'], doc: 'An actor took part in an event.' },
  HELD_IN: { from: ['EVENT'], to: ['COUNTRY'], doc: 'Where an event took place.' },
  RESULTED_IN: {
    from: ['EVENT'],
    to: ['AGREEMENT', 'MEASURE'],
    doc: 'An event led to an agreement or measure.',
  },
  PARTY_TO: { from: ['COUNTRY', 'ORGANIZATION'], to: ['AGREEMENT'], doc: 'A party to an agreement.' },
  COMMITTED_TO: {
    from: ['COUNTRY', 'ORGANIZATION', 'PERSON'],
    to: ['COMMITMENT'],
    doc: 'Who made a commitment.',
  },
  CONCERNS: {
    from: ['COMMITMENT', 'MEASURE', 'STATEMENT', 'AGREEMENT', 'EVENT', 'ALLIANCE'],
    to: ANY,
    doc: 'What a commitment, measure, statement or agreement is about.',
  },
  SAID: { from: ['PERSON', 'ORGANIZATION'], to: ['STATEMENT'], doc: 'Who made a statement.' },
  MADE_AT: {
    from: ['STATEMENT'],
    to: ['EVENT', 'ORGANIZATION'],
    doc: 'Venue of a statement (an interview, a broadcaster).',
  },
  ISSUED: {
    from: ['COUNTRY', 'ORGANIZATION', 'PERSON'],
    to: ['MEASURE', 'SOURCE'],
    doc: 'Who issued a measure or published a document.',
  },
  APPLIES_TO: {
    from: ['MEASURE'],
    to: ['MATERIAL', 'COUNTRY', 'APPLICATION'],
    doc: 'What a measure controls or targets.',
  },
  SUSPENDS: { from: ['MEASURE'], to: ['MEASURE'], doc: 'A measure suspends another for its validity.' },
  IMPLEMENTS: {
    from: ['MEASURE'],
    to: ['COMMITMENT', 'AGREEMENT'],
    doc: 'A measure carries out a commitment.',
  },
  OPERATES: { from: ['ORGANIZATION'], to: ['FACILITY'], doc: 'An organisation operates a facility.' },
  LOCATED_IN: {
    from: ['FACILITY', 'ORGANIZATION'],
    to: ['COUNTRY'],
    doc: 'Where a facility is, or where an organisation is based.',
  },
  PRODUCES: {
    from: SUPPLIERS,
    to: ['MATERIAL'],
    doc: 'Output at a supply-chain stage: volume, unit, year, share, capacity, status.',
  },
  HOLDS_RESERVES: { from: ['COUNTRY'], to: ['MATERIAL'], doc: 'Reserves of a material: volume, unit, year.' },
  USED_IN: { from: ['MATERIAL'], to: ['APPLICATION'], doc: 'A material is used in an application.' },
  SOURCE_OF: {
    from: ['COUNTRY'],
    to: ['MATERIAL'],
    doc: 'A country is a source of a (controlled) material, e.g. fentanyl.',
  },
  INVESTED_IN: {
    from: ['ORGANIZATION', 'COUNTRY'],
    to: ['ORGANIZATION', 'FACILITY'],
    doc: 'An investment, amount in volume/unit.',
  },
  DEPENDS_ON: {
    from: ['COUNTRY', 'ORGANIZATION', 'APPLICATION'],
    to: ['COUNTRY', 'MATERIAL'],
    doc: 'A dependency, e.g. on a supplier country.',
  },
  CLAIMS: { from: ['SOURCE'], to: ['STATEMENT'], doc: 'A source states a claim.' },
  CONTRADICTS: {
    from: ['STATEMENT'],
    to: ['STATEMENT'],
    doc: 'Two claims that disagree (both flagged disputed).',
  },
} as const satisfies Record<string, { from: Kinds; to: Kinds; doc: string }>;

export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

/** Type guard for the relationship-type allow-list. */
export function isRelationType(value: string): value is RelationType {
  return Object.prototype.hasOwnProperty.call(RELATION_TYPES, value);
}

/** Type guard for entity kinds. */
export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}

/** The Neo4j label of a kind: PascalCase of the enum value (ORGANIZATION -> Organization). */
export function kindLabel(kind: EntityKind): string {
  return kind.charAt(0) + kind.slice(1).toLowerCase();
}

/** Whether `type` may join an entity of kind `from` to one of kind `to`. */
export function allowsEnds(type: RelationType, from: EntityKind, to: EntityKind): boolean {
  const rule = RELATION_TYPES[type];
  return (rule.from as Kinds).includes(from) && (rule.to as Kinds).includes(to);
}
