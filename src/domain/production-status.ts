import { bounds, type PartialDate } from './dates.js';
import type { FacilityStatus } from './model.js';
import type { StatusMilestone } from './relationship.js';

export type { StatusMilestone } from './relationship.js';

/** A production line's status on a day, and the plans stated beyond it. */
export interface StatusOnDay {
  status: FacilityStatus;
  /** When this status began: the first of the run of recorded milestones with this status (null when the line has no history). */
  since: PartialDate | null;
  /** The latest recorded milestone confirming this status on or before the day (null when the line has no history). */
  recordedOn: PartialDate | null;
  /** Planned milestones dated after `recordedOn`, in date order: stated plans, never taken as having happened. */
  planned: StatusMilestone[];
}

/** Statuses at which a line puts out material: its capacity counts in an outlook from the first of them. */
export const OUTPUT_STATUSES: readonly FacilityStatus[] = ['COMMISSIONING', 'RAMPING', 'OPERATING'];

const firstDay = (date: PartialDate): string => bounds(date)?.first ?? date;

/** Milestones in date order (by first day; recorded before planned on the same day, then as given). */
export function orderMilestones(milestones: readonly StatusMilestone[]): StatusMilestone[] {
  return milestones
    .map((m, i) => ({ m, i }))
    .sort((a, b) =>
      firstDay(a.m.date) < firstDay(b.m.date)
        ? -1
        : firstDay(a.m.date) > firstDay(b.m.date)
          ? 1
          : Number(a.m.planned) - Number(b.m.planned) || a.i - b.i,
    )
    .map(({ m }) => m);
}

/**
 * The status of a production line on the ISO day `asOf`, from its history:
 * - null before its first recorded milestone (the graph holds no evidence the line existed yet);
 * - otherwise the status of the last recorded milestone whose first day is on or before `asOf`,
 *   with `since` (start of that status's run) and `recordedOn` (its latest confirmation);
 * - planned milestones never change the status, even once their date has passed: past the last
 *   recorded change the answer is the last recorded status, with the plans listed beside it.
 * A line without a history (`milestones` empty) but with a `status` answers that status with
 * unknown dates, on every day; a line with neither has no status (null).
 */
export function statusOn(
  milestones: readonly StatusMilestone[] | undefined,
  asOf: string,
  undated?: FacilityStatus,
): StatusOnDay | null {
  if (!milestones || milestones.length === 0)
    return undated === undefined ? null : { status: undated, since: null, recordedOn: null, planned: [] };
  const ordered = orderMilestones(milestones);
  const recorded = ordered.filter((m) => !m.planned && firstDay(m.date) <= asOf);
  const current = recorded.at(-1);
  if (current === undefined) return null;
  let start = recorded.length - 1;
  while (start > 0 && recorded[start - 1]!.status === current.status) start--;
  const after = firstDay(current.date);
  return {
    status: current.status,
    since: recorded[start]!.date,
    recordedOn: current.date,
    planned: ordered.filter((m) => m.planned && firstDay(m.date) > after),
  };
}

/**
 * The years a line's capacity counts in an outlook, from its history: from the year of its first
 * milestone, recorded or planned, at an {@link OUTPUT_STATUSES} status (an outlook is about stated
 * plans), until the year before a later CLOSED milestone. Null when no milestone starts output.
 */
export function outputYears(
  milestones: readonly StatusMilestone[],
): { from: number; until: number | null } | null {
  const ordered = orderMilestones(milestones);
  const start = ordered.findIndex((m) => OUTPUT_STATUSES.includes(m.status));
  if (start < 0) return null;
  const closed = ordered.slice(start).find((m) => m.status === 'CLOSED');
  const year = (m: StatusMilestone) => Number(firstDay(m.date).slice(0, 4));
  return { from: year(ordered[start]!), until: closed ? year(closed) - 1 : null };
}
