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
export function lifecycleStatus(asOf: string, item: Dated, suspensions: readonly Dated[] = []): LifecycleStatus | null {
  const announced = item.date ?? item.validFrom;
  if (announced !== undefined && asOf < (bounds(announced)?.first ?? announced)) return null;
  if (item.validUntil !== undefined && asOf > (bounds(item.validUntil)?.last ?? item.validUntil)) return 'EXPIRED';
  if (item.validFrom !== undefined && asOf < (bounds(item.validFrom)?.first ?? item.validFrom)) return 'ANNOUNCED';
  if (suspensions.some((s) => holdsOn(asOf, s.validFrom, s.validUntil))) return 'SUSPENDED';
  return 'IN_FORCE';
}
