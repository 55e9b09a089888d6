import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isPartialDate, PLAUSIBLE_YEARS } from '../../domain/dates.js';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isPartialDate(value)) {
    throw new GraphQLError(
      `Date must be YYYY-MM-DD (or, for dates a source gives less precisely, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY), in the years ${PLAUSIBLE_YEARS.min}-${PLAUSIBLE_YEARS.max}`,
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return value;
}

/**
 * `Date`: a calendar day `YYYY-MM-DD`, or a date at the precision its source gives it
 * (`YYYY-MM`, `YYYY-Qn`, `YYYY-Hn`, `YYYY`). Arguments named `asOf` take a full day.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description:
    'A calendar day YYYY-MM-DD, or a date at the precision its source gives it (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY). `asOf` arguments take a full day.',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('Date must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parse(ast.value);
  },
});
