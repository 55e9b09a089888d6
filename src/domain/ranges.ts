/*
 * Numeric ranges of fields, one definition shared by the API's input validation and the seed schema.
 */

/** An inclusive range of numbers. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
}

/** Atomic numbers of the known elements (hydrogen to oganesson). */
export const ATOMIC_NUMBERS: NumberRange = { min: 1, max: 118 };

/** The `year` a relationship's figure is for. */
export const RELATIONSHIP_YEARS: NumberRange = { min: 1900, max: 2100 };

/** A `share`: percent of the stated world total. */
export const SHARE_PERCENT: NumberRange = { min: 0, max: 100 };
