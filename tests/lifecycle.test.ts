import { describe, expect, it } from 'vitest';
import { agreementStanding, type AgreementTerm } from '../src/domain/lifecycle.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';

describe('agreement standing, derived from its terms', () => {
  const understanding = { date: '2025-10-30' };
  const terms: AgreementTerm[] = [
    { id: 'keep-suspension', validFrom: '2025-11-10', validUntil: '2026-11-10' },
    { id: 'pause-rule', validFrom: '2025-11-10', validUntil: '2026-11' },
    { id: 'cut-tariff', validFrom: '2025-11-10' },
  ];

  it('is in force while a dated term runs, to the last day of the latest one', () => {
    expect(agreementStanding('2026-06-01', understanding, terms)).toEqual({
      status: 'IN_FORCE',
      endedOn: null,
      reason: null,
      lastTerms: [],
      openTerms: ['cut-tariff'],
    });
    // "2026-11" runs to 30 November: the month-precise term keeps it alive after the 10th.
    expect(agreementStanding('2026-11-30', understanding, terms).status).toBe('IN_FORCE');
  });

  it('is EXPIRED once every dated term has ended, with the end date and "no renewal recorded"', () => {
    const exact = terms.filter((t) => t.id !== 'pause-rule');
    expect(agreementStanding('2026-11-10', understanding, exact).status).toBe('IN_FORCE');
    expect(agreementStanding('2026-11-11', understanding, exact)).toEqual({
      status: 'EXPIRED',
      endedOn: '2026-11-10',
      reason: 'ended 2026-11-10, no renewal recorded',
      lastTerms: ['keep-suspension'],
      openTerms: ['cut-tariff'],
    });
    expect(agreementStanding('2026-12-01', understanding, terms)).toMatchObject({
      status: 'EXPIRED',
      endedOn: '2026-11',
      lastTerms: ['pause-rule'],
    });
  });

  it('counts a renewal (a term with a later end date) as keeping the agreement alive', () => {
    const renewed = [
      ...terms,
      { id: 'renewed-suspension', validFrom: '2026-11-11', validUntil: '2027-11-10' },
    ];
    expect(agreementStanding('2026-11-29', understanding, renewed).status).toBe('IN_FORCE');
  });

  it("falls back to the agreement's own dates when no term is dated, or when it has its own end", () => {
    const undated = [{ id: 'cut-tariff' }];
    expect(agreementStanding('2030-01-01', understanding, undated)).toMatchObject({
      status: 'IN_FORCE',
      endedOn: null,
      openTerms: ['cut-tariff'],
    });
    expect(agreementStanding('2025-10-01', understanding, terms).status).toBeNull();
    expect(
      agreementStanding('2026-06-01', { ...understanding, validUntil: '2026-01-31' }, terms),
    ).toMatchObject({ status: 'EXPIRED', endedOn: null });
  });
});

describe('the seeded US-China understanding', () => {
  it('reads EXPIRED on 2026-11-29: ended 2026-11-10, no renewal recorded', async () => {
    const seed = await loadSeed();
    const store = new MemoryStore();
    await store.loadSeed(seed.entities, seed.relationships);
    const [agreement] = await store.getEntities(['us-china-understanding-2025']);
    const [parts = []] = await store.relatedEntities(['us-china-understanding-2025'], {
      types: ['PART_OF'],
      direction: 'IN',
    });
    const commitments = parts.filter((e) => e.kind === 'COMMITMENT');
    expect(agreementStanding('2026-06-01', agreement!, commitments).status).toBe('IN_FORCE');
    expect(agreementStanding('2026-11-29', agreement!, commitments)).toEqual({
      status: 'EXPIRED',
      endedOn: '2026-11-10',
      reason: 'ended 2026-11-10, no renewal recorded',
      lastTerms: [
        'china-maintain-suspension',
        'us-extend-section-301-exclusions',
        'us-pause-affiliates-rule',
      ],
      openTerms: [
        'china-coordinate-with-us-law-enforcement',
        'china-expand-anti-narcotics-cooperation',
        'china-issue-general-licences',
        'china-monitor-chemical-exports',
        'us-cut-tariffs-10-percent',
      ],
    });
  });
});
