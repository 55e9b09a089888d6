import { describe, expect, it } from 'vitest';
import { holdsOn } from '../src/domain/dates.js';
import { isRetracted, type Relationship } from '../src/domain/relationship.js';
import { HOLDS_AS_OF, notRetracted } from '../src/store/neo4j/cypher-fragments.js';
import { entity, rel } from './support/neo4j-fixture.js';
import { NEO4J_URI, useNeo4jHarness } from './support/neo4j-harness.js';
import { runCypher } from './support/neo4j-reset.js';

/*
 * Issue 13 item 9: "not retracted" and "holds as of" are written once in src/domain; the Neo4j
 * adapter restates them as Cypher fragments. This pins each fragment to the domain rule by value,
 * on a real Neo4j, over every combination of partial and full window ends and retraction.
 */

const ENDS = [undefined, '2024', '2025-05', '2025-05-20', '2026'] as const;
const AS_OF = [
  '2023-12-31',
  '2024-01-01',
  '2025-04-30',
  '2025-05-01',
  '2025-05-19',
  '2025-05-20',
  '2025-05-21',
  '2025-05-31',
  '2025-06-01',
  '2026-12-31',
  '2027-01-01',
];

const RELATIONSHIPS: Relationship[] = ENDS.flatMap((validFrom, i) =>
  ENDS.flatMap((validUntil, j) =>
    [false, true].map((retracted) => ({
      ...rel('MEMBER_OF', `p${i}${j}${retracted ? 'r' : ''}`, 'club', {
        ...(validFrom !== undefined && { validFrom }),
        ...(validUntil !== undefined && { validUntil }),
      }),
      ...(retracted && { retractedAt: '2025-11-01T00:00:00.000Z', retractedReason: 'wrong' }),
    })),
  ),
);
const ENTITIES = [
  entity('source-a', 'SOURCE', 'Source A'),
  entity('club', 'ALLIANCE', 'Club'),
  ...RELATIONSHIPS.map((r) => entity(r.from, 'COUNTRY', r.from)),
];

describe('the Cypher fragments answer as the domain rules (real Neo4j)', () => {
  const harness = useNeo4jHarness();

  it('notRetracted and HOLDS_AS_OF keep exactly the relationships isRetracted and holdsOn keep', async () => {
    await harness.loadBoth(ENTITIES, RELATIONSHIPS);
    expect(RELATIONSHIPS.filter(isRetracted)).toHaveLength(25);
    const cypherIds = async (asOf: string | null) =>
      (
        await runCypher(
          NEO4J_URI,
          `MATCH ()-[r:MEMBER_OF]->() WHERE ${notRetracted('r')} AND ${HOLDS_AS_OF.replaceAll(
            '$asOf',
            asOf === null ? 'null' : `'${asOf}'`,
          )} RETURN r.id AS id ORDER BY id`,
        )
      ).map((row) => row.id);
    const live = RELATIONSHIPS.filter((r) => !isRetracted(r));
    const domainIds = (asOf: string | null) =>
      live
        .filter((r) => asOf === null || holdsOn(asOf, r.validFrom, r.validUntil))
        .map((r) => r.id)
        .sort();

    expect(await cypherIds(null)).toEqual(domainIds(null));
    expect(domainIds(null)).toHaveLength(25);
    for (const asOf of AS_OF)
      expect({ asOf, ids: await cypherIds(asOf) }).toEqual({ asOf, ids: domainIds(asOf) });
    // By hand: on 2025-05-19, from "2025-05-20" has not begun, until "2025-05" still holds (its last day is the 31st).
    expect(holdsOn('2025-05-19', '2025-05-20')).toBe(false);
    expect(holdsOn('2025-05-31', undefined, '2025-05')).toBe(true);
    expect(holdsOn('2025-06-01', undefined, '2025-05')).toBe(false);
  });
});
