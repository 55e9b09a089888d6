import { registerEnumType } from 'type-graphql';
import { LIFECYCLE_STATUSES } from '../../domain/lifecycle.js';

/** `LifecycleStatus`: the `status` of agreements and measures. */
export const LifecycleStatusEnum = Object.fromEntries(LIFECYCLE_STATUSES.map((s) => [s, s])) as Record<string, string>;
registerEnumType(LifecycleStatusEnum, {
  name: 'LifecycleStatus',
  description: 'Where an agreement or measure stands on a day: ANNOUNCED (not yet in force), IN_FORCE, SUSPENDED, EXPIRED.',
  valuesConfig: {
    ANNOUNCED: { description: 'Announced, not yet in force (before validFrom).' },
    IN_FORCE: { description: 'In force that day.' },
    SUSPENDED: { description: 'In force, but a SUSPENDS relationship holds that day.' },
    EXPIRED: { description: 'Lapsed (after validUntil).' },
  },
});
