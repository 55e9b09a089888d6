import { bounds, holdsOn } from './dates.js';

/** Where an agreement or a measure stands on a given day. */
export const LIFECYCLE_STATUSES = ['ANNOUNCED', 'IN_FORCE', 'SUSPENDED', 'EXPIRED'] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

/** A dated thing: announced on `date`, in force from `validFrom` until `validUntil` (all optional). */
export interface Dated {
  date?: string;
  validFrom?: string;
  validUntil?: string;
}

/**
 * The status of an agreement or measure on the ISO day `asOf`:
 * - null before it was announced (`date`, or `validFrom` when there is no `date`);
 * - EXPIRED after the last day of `validUntil`;
 * - ANNOUNCED before the first day of `validFrom`;
 * - SUSPENDED while one of `suspensions` (the windows of SUSPENDS relationships into it) holds;
 * - IN_FORCE otherwise. A suspension that has lapsed no longer counts: without a recorded
 *   renewal, a measure suspended until 2026-11-10 is IN_FORCE again on 2026-11-11.
 */
export function lifecycleStatus(
  asOf: string,
  item: Dated,
  suspensions: readonly Dated[] = [],
): LifecycleStatus | null {
  const announced = item.date ?? item.validFrom;
  if (announced !== undefined && asOf < (bounds(announced)?.first ?? announced)) return null;
  if (item.validUntil !== undefined && asOf > (bounds(item.validUntil)?.last ?? item.validUntil))
    return 'EXPIRED';
  if (item.validFrom !== undefined && asOf < (bounds(item.validFrom)?.first ?? item.validFrom))
    return 'ANNOUNCED';
  if (suspensions.some((s) => holdsOn(asOf, s.validFrom, s.validUntil))) return 'SUSPENDED';
  return 'IN_FORCE';
}

/** One term of an agreement (a COMMITMENT that is PART_OF it), with its own validity window. */
export interface AgreementTerm extends Dated {
  id: string;
}

/**
 * Where an agreement stands on a day, derived from its terms, and why. `endedOn` and `reason`
 * are set when the status is EXPIRED; `lastTerms` are the dated terms that ended last and
 * `openTerms` the terms that carry no end date (they never keep an agreement alive nor end it).
 */
export interface AgreementStanding {
  status: LifecycleStatus | null;
  endedOn: string | null;
  reason: string | null;
  lastTerms: string[];
  openTerms: string[];
}

/**
 * The status of an agreement on the ISO day `asOf`, from its own dates and its terms':
 * - an end date of the agreement itself (`validUntil`) decides as in {@link lifecycleStatus};
 * - otherwise, once every term that has an end date (`validUntil`) has ended, the agreement is
 *   EXPIRED, ended on the latest of those end dates (as the source gives it), with the reason
 *   "ended <date>, no renewal recorded": a renewal would be a term with a later end date;
 * - otherwise (no dated term, or one still running) it is what {@link lifecycleStatus} says.
 * Terms without an end date are listed in `openTerms`, so a client can say what stays open.
 */
export function agreementStanding(
  asOf: string,
  agreement: Dated,
  terms: readonly AgreementTerm[],
): AgreementStanding {
  const own = lifecycleStatus(asOf, agreement);
  const openTerms = terms.filter((t) => t.validUntil === undefined).map((t) => t.id);
  const standing = (status: LifecycleStatus | null): AgreementStanding => ({
    status,
    endedOn: null,
    reason: null,
    lastTerms: [],
    openTerms,
  });
  if (own === null || agreement.validUntil !== undefined) return standing(own);
  const dated = terms.flatMap((t) =>
    t.validUntil === undefined ? [] : [{ id: t.id, until: t.validUntil, last: lastDay(t.validUntil) }],
  );
  if (dated.length === 0) return standing(own);
  const latest = dated.reduce((max, t) => (t.last > max ? t.last : max), '');
  if (asOf <= latest) return standing(own);
  const ending = dated.filter((t) => t.last === latest);
  const endedOn = ending[0]!.until;
  return {
    status: 'EXPIRED',
    endedOn,
    reason: `ended ${endedOn}, no renewal recorded`,
    lastTerms: ending.map((t) => t.id).sort(),
    openTerms,
  };
}

function lastDay(value: string): string {
  return bounds(value)?.last ?? value;
}
