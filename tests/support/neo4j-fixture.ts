import type { Entity } from '../../src/domain/entity.js';
import type { Direction, RelationType } from '../../src/domain/model.js';
import { relationshipId, type Relationship } from '../../src/domain/relationship.js';

/*
 * A small graph built to hit the Neo4j adapter's edge cases (partial dates, parallel edges, ties
 * in names, non-ASCII names, empty aliases, several citations, kinds without members), and the
 * filters the parity tests sweep.
 */

/** A citation of `sourceId` (by default with a locator). */
export const cite = (
  sourceId: string,
  extra: { quote?: string; locator?: string } = { locator: 'table 1' },
) => ({ sourceId, ...extra });

/** A SEED-owned entity. */
export function entity(id: string, kind: Entity['kind'], name: string, extra: Partial<Entity> = {}): Entity {
  return { id, kind, name, origin: 'SEED', ...extra };
}

/** A SEED-owned relationship under its domain id (citing source-a unless told otherwise). */
export function rel(
  type: RelationType,
  from: string,
  to: string,
  extra: Partial<Relationship> = {},
): Relationship {
  const { citations = [cite('source-a')], ...props } = extra;
  return { id: relationshipId(type, from, to, props), type, from, to, citations, origin: 'SEED', ...props };
}

export const FIXTURE_ENTITIES: Entity[] = [
  entity('source-a', 'SOURCE', 'Source A', {
    publisher: 'Reuters',
    date: '2025-10-30',
    url: 'https://example.org/a',
  }),
  entity('source-b', 'SOURCE', 'Source B', { ref: 'S4' }),
  entity('source-unused', 'SOURCE', 'Nobody Cites Me'),
  entity('china', 'COUNTRY', 'China', { aliases: ['PRC', "People's Republic of China"], iso2: 'CN' }),
  entity('united-states', 'COUNTRY', 'United States', { aliases: ['US', 'USA', 'America'], iso2: 'US' }),
  entity('australia', 'COUNTRY', 'Australia', { iso2: 'AU', aliases: [] }),
  entity('malaysia', 'COUNTRY', 'Malaysia', { iso2: 'MY' }),
  entity('world', 'COUNTRY', 'World'),
  entity('allied-coordination', 'ALLIANCE', 'Allied Supply Coordination'),
  entity('lynas', 'ORGANIZATION', 'Lynas', { aliases: ['Lynas Rare Earths'], category: 'company' }),
  entity('mp-materials', 'ORGANIZATION', 'MP Materials', { category: 'company' }),
  entity('lynas-malaysia', 'FACILITY', 'Lynas Malaysia', { status: 'OPERATING' }),
  entity('mountain-pass', 'FACILITY', 'Mountain Pass', { status: 'RAMPING' }),
  entity('dysprosium', 'MATERIAL', 'Dysprosium', {
    symbol: 'Dy',
    atomicNumber: 66,
    reeClass: 'HEAVY',
    iupacClass: 'lanthanide',
  }),
  entity('rare-earth-elements', 'MATERIAL', 'Rare earth elements', { aliases: ['REE', 'rare earths'] }),
  entity('magnets', 'APPLICATION', 'Permanent magnets'),
  entity('scott-bessent', 'PERSON', 'Scott Bessent', { aliases: ['Bessent'] }),
  entity('john-smith-2', 'PERSON', 'John Smith'),
  entity('john-smith-1', 'PERSON', 'John Smith'),
  entity('emile', 'PERSON', 'Émile Zoë', { aliases: ['ÉMILE'] }),
  entity('zeta', 'PERSON', 'Zeta'),
  entity('lower', 'PERSON', 'adam lower-case'),
  entity('export-control-61', 'MEASURE', 'Export control No. 61', {
    measureType: 'EXPORT_CONTROL',
    number: 'No. 61',
    date: '2025-10-09',
    validFrom: '2025-12',
    validUntil: '2026-Q4',
  }),
  entity('suspension-70', 'MEASURE', 'Suspension No. 70', {
    measureType: 'SUSPENSION',
    number: 'No. 70',
    date: '2025-11',
  }),
  entity('bessent-says', 'STATEMENT', 'Bessent on supply', {
    text: 'We are ready to use every tool.',
    date: '2025-10-12',
  }),
  entity('other-says', 'STATEMENT', 'A rebuttal', { text: 'They are not ready.' }),
];

export const FIXTURE_RELATIONSHIPS: Relationship[] = [
  rel('PRODUCES', 'china', 'rare-earth-elements', {
    stage: 'MINING',
    year: 2024,
    volume: 270000,
    unit: 't',
    share: 69.2,
    citations: [cite('source-b')],
  }),
  rel('PRODUCES', 'china', 'rare-earth-elements', {
    stage: 'PROCESSING',
    share: 90,
    qualifier: 'nearly',
    confidence: 'CONFIRMED',
  }),
  rel('PRODUCES', 'united-states', 'rare-earth-elements', {
    stage: 'MINING',
    year: 2024,
    volume: 45000,
    unit: 't',
  }),
  rel('PRODUCES', 'world', 'rare-earth-elements', { stage: 'MINING', year: 2024, volume: 390000, unit: 't' }),
  rel('PRODUCES', 'lynas-malaysia', 'dysprosium', {
    stage: 'SEPARATION',
    capacity: 1500.5,
    unit: 't',
    status: 'RAMPING',
    validFrom: '2025-H1',
  }),
  rel('PRODUCES', 'mountain-pass', 'dysprosium', {
    stage: 'SEPARATION',
    status: 'PLANNED',
    validFrom: '2027',
  }),
  rel('PRODUCES', 'mp-materials', 'rare-earth-elements', { stage: 'MINING', year: 2024, basis: 'GROUP' }),
  rel('OPERATES', 'lynas', 'lynas-malaysia'),
  rel('OPERATES', 'mp-materials', 'mountain-pass'),
  rel('LOCATED_IN', 'lynas', 'australia'),
  rel('LOCATED_IN', 'lynas-malaysia', 'malaysia'),
  rel('LOCATED_IN', 'mountain-pass', 'united-states'),
  rel('LOCATED_IN', 'mp-materials', 'united-states'),
  rel('MEMBER_OF', 'australia', 'allied-coordination', { validFrom: '2025-10' }),
  rel('MEMBER_OF', 'united-states', 'allied-coordination', { validFrom: '2025-10-20', validUntil: '2026' }),
  rel('ISSUED', 'china', 'export-control-61', {
    citations: [
      cite('source-a', { quote: 'China announced' }),
      cite('source-b', { quote: 'controls', locator: 'p. 2' }),
    ],
  }),
  rel('APPLIES_TO', 'export-control-61', 'dysprosium'),
  rel('SUSPENDS', 'suspension-70', 'export-control-61', {
    validFrom: '2025-11-10',
    validUntil: '2026-11-10',
  }),
  rel('HOLDS_OFFICE', 'scott-bessent', 'united-states', {
    title: 'Treasury Secretary',
    validFrom: '2025-01-28',
  }),
  rel('PART_OF', 'dysprosium', 'rare-earth-elements'),
  rel('USED_IN', 'dysprosium', 'magnets', { validFrom: '2025-13', note: 'malformed date: holds always' }),
  rel('SAID', 'scott-bessent', 'bessent-says', { citations: [cite('source-a', { quote: 'ready to use' })] }),
  rel('CONTRADICTS', 'other-says', 'bessent-says', { disputed: true, confidence: 'DERIVED' }),
  rel('CLAIMS', 'source-a', 'bessent-says'),
  rel('DEPENDS_ON', 'united-states', 'china', { validUntil: '2025-12-31' }),
];

/** asOf days around the fixture's partial dates (undefined: no asOf). */
export const AS_OF = [
  undefined,
  '2024-12-31',
  '2025-01-28',
  '2025-10-19',
  '2025-10-20',
  '2025-11-30',
  '2025-12-01',
  '2026-06-30',
  '2026-12-31',
  '2027-01-01',
];
/** Type filters: none, empty, one, several. */
export const TYPE_FILTERS: (RelationType[] | undefined)[] = [
  undefined,
  [],
  ['PRODUCES'],
  ['LOCATED_IN', 'OPERATES'],
  ['MEMBER_OF', 'SUSPENDS', 'HOLDS_OFFICE'],
];
export const DIRECTIONS: Direction[] = ['OUT', 'IN', 'BOTH'];
/** Ids that name nothing. */
export const MISSING = ['no-such-entity', ''];
