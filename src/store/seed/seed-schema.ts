import { Ajv, type FuncKeywordDefinition, type SchemaValidateFunction, type ValidateFunction } from 'ajv';
import { SLUG_PATTERN } from '../../domain/entity.js';
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
import { ATOMIC_NUMBERS, RELATIONSHIP_YEARS, SHARE_PERCENT, type NumberRange } from '../../domain/ranges.js';
import { quoteRefusal, textRefusal, type TextLayout } from '../../domain/text.js';

/*
 * The seed's JSON Schema. Its text, slug and range rules are the domain's (domain/text.ts,
 * domain/ranges.ts, entity.ts SLUG_PATTERN), the same definitions the API's input validation uses.
 */

/** A string keyword checked by a domain refusal function (given the keyword's value); the error message is its reason. */
function refusalKeyword(keyword: string, refusal: (value: string, schema: unknown) => string | null): FuncKeywordDefinition {
  const validate: SchemaValidateFunction = (schema: unknown, data: unknown) => {
    const reason = typeof data === 'string' ? refusal(data, schema) : null;
    validate.errors = reason === null ? [] : [{ keyword, message: reason, params: {} }];
    return reason === null;
  };
  return { keyword, type: 'string', errors: true, validate };
}

/** The seed schema's own keywords: `storedText: "line" | "lines"` and `quoteText: true`. */
export const SEED_KEYWORDS: FuncKeywordDefinition[] = [
  refusalKeyword('storedText', (value, layout) => textRefusal(value, layout as TextLayout)),
  refusalKeyword('quoteText', (value) => quoteRefusal(value)),
];

const line = { type: 'string', storedText: 'line' } as const;
const lines = { type: 'string', storedText: 'lines' } as const;
const date = { type: 'string', minLength: 4 } as const; // well-formedness is checked by domain/dates
const slug = { type: 'string', pattern: SLUG_PATTERN.source } as const;
const oneOf = (values: readonly string[]) => ({ type: 'string', enum: [...values] }) as const;
const inRange = (type: 'integer' | 'number', range: NumberRange) => ({ type, minimum: range.min, maximum: range.max }) as const;

/** JSON Schema of one seed entity, built from the domain's enums so the two never drift. */
export const ENTITY_SCHEMA = {
  type: 'object',
  required: ['id', 'kind', 'name'],
  additionalProperties: false,
  properties: {
    id: slug,
    kind: oneOf(ENTITY_KINDS),
    name: line,
    aliases: { type: 'array', items: line },
    description: lines,
    symbol: line,
    atomicNumber: inRange('integer', ATOMIC_NUMBERS),
    reeClass: oneOf(REE_CLASSES),
    iupacClass: line,
    iso2: { type: 'string', pattern: '^[A-Z]{2}$' },
    category: line,
    date,
    validFrom: date,
    validUntil: date,
    text: lines,
    measureType: oneOf(MEASURE_TYPES),
    number: line,
    status: oneOf(FACILITY_STATUSES),
    publisher: line,
    url: line,
    textPath: line,
    ref: line,
  },
} as const;

const CITATION_SCHEMA = {
  type: 'object',
  required: ['source'],
  additionalProperties: false,
  properties: { source: slug, quote: { type: 'string', quoteText: true }, locator: line },
} as const;

/** One step of a production line's status history: a recorded fact, or a stated plan (`planned: true`). */
const MILESTONE_SCHEMA = {
  type: 'object',
  required: ['status', 'date', 'citation'],
  additionalProperties: false,
  properties: { status: oneOf(FACILITY_STATUSES), date, planned: { type: 'boolean' }, citation: CITATION_SCHEMA },
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
    title: line,
    stage: oneOf(SUPPLY_STAGES),
    volume: { type: 'number', minimum: 0 },
    unit: line,
    year: inRange('integer', RELATIONSHIP_YEARS),
    share: inRange('number', SHARE_PERCENT),
    qualifier: line,
    basis: oneOf(BASES),
    status: oneOf(FACILITY_STATUSES),
    milestones: { type: 'array', minItems: 1, items: MILESTONE_SCHEMA },
    capacity: { type: 'number', minimum: 0 },
    validFrom: date,
    validUntil: date,
    confidence: oneOf(CONFIDENCES),
    disputed: { type: 'boolean' },
    note: lines,
    retractedAt: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T' },
    retractionNote: lines,
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

/** A validator of one seed file: {@link SEED_FILE_SCHEMA} with {@link SEED_KEYWORDS}, every error reported. */
export function seedFileValidator(): ValidateFunction {
  return new Ajv({ allErrors: true, keywords: SEED_KEYWORDS }).compile(SEED_FILE_SCHEMA);
}
