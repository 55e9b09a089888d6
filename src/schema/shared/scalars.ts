import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isIsoDay, isPartialDate, PLAUSIBLE_YEARS } from '../../domain/dates.js';

const YEARS = `in the years ${PLAUSIBLE_YEARS.min}-${PLAUSIBLE_YEARS.max}`;
/** Where the README documents the partial-date format (PartialDate's `@specifiedBy`). */
export const PARTIAL_DATE_SPEC = 'README.md#dates';

function checked(name: string, rule: string, test: (value: string) => boolean) {
  return (value: unknown): string => {
    if (typeof value !== 'string' || !test(value)) {
      throw new GraphQLError(`${name} must be ${rule}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  };
}

// graphql-js reports a GraphQLError from parseLiteral as is, without a location; a plain Error it wraps
// as `Expected value of type "X", found ...; <message>` located at the literal.
function literal(parse: (value: unknown) => string, name: string) {
  return (ast: ValueNode): string => {
    if (ast.kind !== Kind.STRING) throw new TypeError(`${name} must be a string`);
    try {
      return parse(ast.value);
    } catch (error) {
      throw new TypeError((error as Error).message);
    }
  };
}

const dayRule = `a calendar day YYYY-MM-DD (RFC 3339 full-date) ${YEARS}`;
const parseDay = checked('Date', dayRule, isIsoDay);

/** `Date`: a full calendar day `YYYY-MM-DD` (RFC 3339 full-date), which a JS `Date` can hold. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: `A calendar day YYYY-MM-DD (RFC 3339 full-date), ${YEARS}.`,
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
  serialize: parseDay,
  parseValue: parseDay,
  parseLiteral: literal(parseDay, 'Date'),
});

const partialRule = `YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY ${YEARS}`;
const parsePartial = checked('PartialDate', partialRule, isPartialDate);

/**
 * `PartialDate`: a date at the precision its source gives it: a day `YYYY-MM-DD`, a month `YYYY-MM`,
 * a quarter `YYYY-Qn`, a half `YYYY-Hn` or a year `YYYY` (see the README's "Dates" section).
 */
export const PartialDateScalar = new GraphQLScalarType<string, string>({
  name: 'PartialDate',
  description:
    'A date at the precision its source gives it: a day YYYY-MM-DD, a month YYYY-MM, a quarter YYYY-Qn (n 1-4), a half YYYY-Hn (n 1-2) or a year YYYY. ' +
    'It stands for the interval of days it names (2025-Q4 is 2025-10-01..2025-12-31). Not a JS Date: keep it a string.',
  specifiedByURL: PARTIAL_DATE_SPEC,
  serialize: parsePartial,
  parseValue: parsePartial,
  parseLiteral: literal(parsePartial, 'PartialDate'),
});

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const parseDateTime = checked(
  'DateTime',
  'an RFC 3339 date-time such as 2025-10-09T14:30:00.000Z',
  (v) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)),
);

/** `DateTime`: an instant, RFC 3339 date-time (the API writes UTC with `Z`). */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant as an RFC 3339 date-time, e.g. 2025-10-09T14:30:00.000Z (the API writes UTC).',
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
  serialize: parseDateTime,
  parseValue: parseDateTime,
  parseLiteral: literal(parseDateTime, 'DateTime'),
});
