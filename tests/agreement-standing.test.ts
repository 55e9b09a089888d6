import { describe, expect, it } from 'vitest';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/**
 * Issue 13 item 5: the understanding's terms ran to 10 Nov 2026 (China's suspension, the US
 * pauses) and no renewal is recorded, so on 2026-11-29 it has ended; on 2026-06-01 it held.
 */
describe.each(STORE_FIXTURES)('an agreement outlives none of its terms ($name store)', (fixture) => {
  const ctx = useApi(fixture);
  const query = (asOf: string) => `{
    entity(id: "us-china-understanding-2025") {
      ... on Agreement {
        status(asOf: "${asOf}")
        standing(asOf: "${asOf}") { status endedOn reason lastTerms { id } openTerms { id } }
        commitments { id ... on Commitment { validUntil } }
      }
    }
  }`;

  it('reads EXPIRED on 2026-11-29, ended 2026-11-10 with no renewal recorded, naming the terms that ran out', async () => {
    const { entity } = await ctx.api.data(query('2026-11-29'));
    expect(entity.status).toBe('EXPIRED');
    expect(entity.standing.status).toBe('EXPIRED');
    expect(entity.standing.endedOn).toBe('2026-11-10');
    expect(entity.standing.reason).toBe('ended 2026-11-10, no renewal recorded');
    const endingTerms = entity.commitments
      .filter((c: { validUntil: string | null }) => c.validUntil === '2026-11-10')
      .map((c: { id: string }) => c.id)
      .sort();
    expect(endingTerms).toContain('china-maintain-suspension');
    expect(entity.standing.lastTerms.map((t: { id: string }) => t.id)).toEqual(endingTerms);
    expect(entity.standing.openTerms.map((t: { id: string }) => t.id)).toContain('us-cut-tariffs-10-percent');
  });

  it('reads IN_FORCE on 2026-06-01 while its terms ran, with no end date or reason', async () => {
    const { entity } = await ctx.api.data(query('2026-06-01'));
    expect(entity.status).toBe('IN_FORCE');
    expect(entity.standing).toMatchObject({ status: 'IN_FORCE', endedOn: null, reason: null, lastTerms: [] });
  });
});
