import {
  BASES,
  CONFIDENCES,
  ENTITY_KINDS,
  FACILITY_STATUSES,
  MEASURE_TYPES,
  RELATION_TYPE_NAMES,
  REE_CLASSES,
  SUPPLY_STAGES,
} from '../../domain/model.js';

const text = { type: 'string', minLength: 1 } as const;
const date = { type: 'string', minLength: 4 } as const; // well-formedness is checked by domain/dates
const slug = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } as const;
const oneOf = (values: readonly string[]) => ({ type: 'string', enum: [...values] }) as const;

/** JSON Schema of one seed entity, built from the domain's enums so the two never drift. */
export const ENTITY_SCHEMA = {
  type: 'object',
  required: ['id', 'kind', 'name'],
  additionalProperties: false,
  properties: {
    id: slug,
    kind: oneOf(ENTITY_KINDS),
    name: text,
    aliases: { type: 'array', items: text },
    description: text,
    symbol: text,
    atomicNumber: { type: 'integer', minimum: 1 },
    reeClass: oneOf(REE_CLASSES),
    iupacClass: text,
    iso2: { type: 'string', pattern: '^[A-Z]{2}$' },
    category: text,
    date,
    validFrom: date,
    validUntil: date,
    text,
    measureType: oneOf(MEASURE_TYPES),
    number: text,
    status: oneOf(FACILITY_STATUSES),
    publisher: text,
    url: text,
    textPath: text,
    ref: text,
  },
} as const;

const CITATION_SCHEMA = {
  type: 'object',
  required: ['source'],
  additionalProperties: false,
  properties: { source: slug, quote: text, locator: text },
} as const;

/** JSON Schema of one seed relationship (its id is derived, never written). */
export const RELATIONSHIP_SCHEMA = {
  type: 'object',
  required: ['type', 'from', 'to', 'citations'],
  additionalProperties: false,
  properties: {
    type: oneOf(RELATION_TYPE_NAMES),
    from: slug,
    to: slug,
    title: text,
    stage: oneOf(SUPPLY_STAGES),
    volume: { type: 'number', minimum: 0 },
    unit: text,
    year: { type: 'integer', minimum: 1900, maximum: 2100 },
    share: { type: 'number', minimum: 0, maximum: 100 },
    qualifier: text,
    basis: oneOf(BASES),
    status: oneOf(FACILITY_STATUSES),
    capacity: { type: 'number', minimum: 0 },
    validFrom: date,
    validUntil: date,
    confidence: oneOf(CONFIDENCES),
    disputed: { type: 'boolean' },
    note: text,
    retractedAt: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T' },
    retractionNote: text,
    citations: { type: 'array', minItems: 1, items: CITATION_SCHEMA },
  },
} as const;

/** JSON Schema of one seed file. */
export const SEED_FILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    entities: { type: 'array', items: ENTITY_SCHEMA },
    relationships: { type: 'array', items: RELATIONSHIP_SCHEMA },
  },
} as const;
