import type { EntityKind, RelationType } from '../../domain/model.js';
import type { RelatedHop } from '../../store/graph-store.js';
import {
  Agreement,
  Alliance,
  Commitment,
  Country,
  EntityInterface,
  Event,
  Facility,
  Material,
  Organization,
  Statement,
} from './entity.type.js';

/** A typed shortcut answered with the entities one hop away (`kind` kept, all kinds when absent); `one`: the first or null. */
export interface EntityShortcut {
  hop: RelatedHop;
  kind?: EntityKind;
  returns: typeof EntityInterface;
  one?: true;
  description: string;
}

/** A typed shortcut answered with the relationships themselves (their title, stage, window...), one type and direction. */
export interface RelationshipShortcut {
  relationships: { type: RelationType; direction: 'OUT' | 'IN' };
  description: string;
}

export type Shortcut = EntityShortcut | RelationshipShortcut;

/** A single hop, written short. */
function hop(type: RelationType, direction: 'OUT' | 'IN'): RelatedHop {
  return { type, direction, next: [] };
}

/**
 * The typed shortcut fields of each entity type, in schema order: shortcut.resolver.ts builds
 * the fields from it, and the look-ahead (lookahead.ts) reads its hops to fetch a nested
 * selection of them in one round trip. Keys are GraphQL type and field names.
 */
export const SHORTCUTS = {
  Person: {
    offices: {
      relationships: { type: 'HOLDS_OFFICE', direction: 'OUT' },
      description: 'HOLDS_OFFICE relationships: the title and where.',
    },
    leads: {
      hop: hop('LEADS', 'OUT'),
      returns: EntityInterface,
      description: 'Countries and organisations this person leads.',
    },
    statements: {
      hop: hop('SAID', 'OUT'),
      kind: 'STATEMENT',
      returns: Statement,
      description: 'What this person said.',
    },
  },
  Country: {
    alliances: {
      hop: hop('MEMBER_OF', 'OUT'),
      kind: 'ALLIANCE',
      returns: Alliance,
      description: 'Alliances and partnerships this country belongs to.',
    },
    commitments: {
      hop: hop('COMMITTED_TO', 'OUT'),
      kind: 'COMMITMENT',
      returns: Commitment,
      description: 'Commitments this country made.',
    },
  },
  Organization: {
    partOf: {
      hop: hop('PART_OF', 'OUT'),
      returns: EntityInterface,
      description: 'What this organisation is part of.',
    },
    facilities: {
      hop: hop('OPERATES', 'OUT'),
      kind: 'FACILITY',
      returns: Facility,
      description: 'Facilities this organisation operates.',
    },
  },
  Alliance: {
    members: {
      hop: hop('MEMBER_OF', 'IN'),
      returns: EntityInterface,
      description: 'Members of this alliance.',
    },
  },
  Material: {
    uses: {
      hop: hop('USED_IN', 'OUT'),
      returns: EntityInterface,
      description: 'Applications this material is used in.',
    },
    members: {
      hop: hop('PART_OF', 'IN'),
      kind: 'MATERIAL',
      returns: Material,
      description: 'For a group (rare earth elements): its members.',
    },
    groups: {
      hop: hop('PART_OF', 'OUT'),
      kind: 'MATERIAL',
      returns: Material,
      description: 'The groups this material belongs to.',
    },
    producers: {
      relationships: { type: 'PRODUCES', direction: 'IN' },
      description: 'PRODUCES relationships into this material (who supplies it, at which stage, how much).',
    },
  },
  Facility: {
    operators: {
      hop: hop('OPERATES', 'IN'),
      kind: 'ORGANIZATION',
      returns: Organization,
      description: 'Who operates this facility.',
    },
    country: {
      hop: hop('LOCATED_IN', 'OUT'),
      kind: 'COUNTRY',
      returns: Country,
      one: true,
      description: 'The country the site is in.',
    },
  },
  Event: {
    participants: {
      hop: hop('PARTICIPATED_IN', 'IN'),
      returns: EntityInterface,
      description: 'Who took part.',
    },
    places: {
      hop: hop('HELD_IN', 'OUT'),
      kind: 'COUNTRY',
      returns: Country,
      description: 'Where it took place.',
    },
  },
  Agreement: {
    parties: { hop: hop('PARTY_TO', 'IN'), returns: EntityInterface, description: 'The parties (PARTY_TO).' },
    commitments: {
      hop: hop('PART_OF', 'IN'),
      kind: 'COMMITMENT',
      returns: Commitment,
      description: 'The commitments that are part of it.',
    },
    origins: {
      hop: hop('RESULTED_IN', 'IN'),
      kind: 'EVENT',
      returns: Event,
      description: 'The events it came out of.',
    },
  },
  Commitment: {
    committedBy: {
      hop: hop('COMMITTED_TO', 'IN'),
      returns: EntityInterface,
      description: 'Who committed to it.',
    },
    agreement: {
      hop: hop('PART_OF', 'OUT'),
      kind: 'AGREEMENT',
      returns: Agreement,
      one: true,
      description: 'The agreement it is part of.',
    },
    concerns: { hop: hop('CONCERNS', 'OUT'), returns: EntityInterface, description: 'What it is about.' },
  },
  Measure: {
    issuedBy: { hop: hop('ISSUED', 'IN'), returns: EntityInterface, description: 'Who issued it.' },
    appliesTo: {
      hop: hop('APPLIES_TO', 'OUT'),
      returns: EntityInterface,
      description: 'Materials, countries or applications it controls or targets.',
    },
    suspensions: {
      relationships: { type: 'SUSPENDS', direction: 'IN' },
      description: 'SUSPENDS relationships into this measure, with their windows.',
    },
  },
  Statement: {
    speakers: { hop: hop('SAID', 'IN'), returns: EntityInterface, description: 'Who said it (SAID).' },
    venues: {
      hop: hop('MADE_AT', 'OUT'),
      returns: EntityInterface,
      description: 'Where it was said: an interview, a broadcaster (MADE_AT).',
    },
    concerns: {
      hop: hop('CONCERNS', 'OUT'),
      returns: EntityInterface,
      description: 'What it is about (CONCERNS).',
    },
  },
} satisfies Record<string, Record<string, Shortcut>>;

/** The look-ahead's view of {@link SHORTCUTS}: per type, the fields answered with related entities. */
export const RELATED_FIELDS: Record<string, Record<string, EntityShortcut>> = Object.fromEntries(
  Object.entries(SHORTCUTS).map(([type, fields]) => [
    type,
    Object.fromEntries(
      Object.entries(fields as Record<string, Shortcut>).filter(
        (e): e is [string, EntityShortcut] => 'hop' in e[1],
      ),
    ),
  ]),
);
