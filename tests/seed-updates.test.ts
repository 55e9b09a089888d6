import { describe, expect, it } from 'vitest';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/** What a user types, and the entity a search for it must put first. */
const FIRST_HITS: [string, string][] = [
  ['allies', 'us-allied-supply-coordination'],
  ['American', 'united-states'],
  ['USA', 'united-states'],
  ['Chinese', 'china'],
  ['PRC', 'china'],
  ['Australian', 'australia'],
  ['Japanese', 'japan'],
  ['Canadian', 'canada'],
  ['MOFCOM', 'mofcom'],
  ['DEA', 'dea'],
  ['REE', 'rare-earth-elements'],
  ['Department of War', 'us-department-of-defense'],
  ['FORGE', 'forge'],
  ['Dy', 'dysprosium'],
];

describe.each(STORE_FIXTURES)('the curated updates on the $name store', (fixture) => {
  const ctx = useApi(fixture);

  it.each(FIRST_HITS)('search(text: %j) finds %s first', async (text, id) => {
    const { search } = await ctx.api.data(
      `query ($text: String!) { search(text: $text, first: 3) { nodes { id } } }`,
      { text },
    );
    expect(search.nodes[0]?.id).toBe(id);
  });

  it('No. 72 suspends the gallium, germanium and antimony ban until 27 Nov 2026, later than No. 70 ends', async () => {
    const { ban, no57 } = await ctx.api.data(`{
      ban: entity(id: "mofcom-announcement-46-2024-article-2") {
        ... on Measure { june: status(asOf: "2026-06-01") nov20: status(asOf: "2026-11-20") nov29: status(asOf: "2026-11-29") }
      }
      no57: entity(id: "mofcom-announcement-57") { ... on Measure { nov20: status(asOf: "2026-11-20") } }
    }`);
    expect(ban).toEqual({ june: 'SUSPENDED', nov20: 'SUSPENDED', nov29: 'IN_FORCE' });
    expect(no57).toEqual({ nov20: 'IN_FORCE' });
  });

  it('No. 70 also suspends Nos. 55 and 58 and leaves the April No. 18 controls in force; the US pause of the affiliates rule runs to 10 Nov 2026', async () => {
    const { no55, no58, no18, rule } = await ctx.api.data(`{
      no55: entity(id: "mofcom-announcement-55") { ... on Measure { status(asOf: "2026-06-01") } }
      no58: entity(id: "mofcom-announcement-58") { ... on Measure { status(asOf: "2026-06-01") } }
      no18: entity(id: "mofcom-announcement-18") { ... on Measure { status(asOf: "2026-06-01") } }
      rule: entity(id: "us-affiliates-rule") { ... on Measure { june: status(asOf: "2026-06-01") after: status(asOf: "2026-11-11") } }
    }`);
    expect([no55.status, no58.status, no18.status]).toEqual(['SUSPENDED', 'SUSPENDED', 'IN_FORCE']);
    expect(rule).toEqual({ june: 'SUSPENDED', after: 'IN_FORCE' });
  });
});

/** The sources of updates-sources.yaml (one per outlet and report of updates-2025-2026.md we use). */
const UPDATE_SOURCES = [
  'pillsbury-china-suspends-export-controls-2025-11',
  'clark-hill-no72-2025-11',
  'tomshardware-first-general-licences-2025-12',
  'trtworld-mofcom-general-licences-2025-12-04',
  'rare-earth-exchanges-2025-12-20',
  'cna-busan-summit-2025-11-02',
  'str-trade-report-2025-11',
  'creamer-media-us-australia-framework-2025-10-21',
  'man-monthly-us-australia-framework-2025-10-22',
  'eenews-europe-us-japan-framework-2025-10',
  'canada-g7-production-alliance-2025-10-31',
  'prnewswire-vulcan-reelement-2025-11-03',
  'fastmarkets-energy-fuels-dysprosium-2025-12',
  'smm-lynas-heavy-rare-earths-2025-12',
  'bhfs-project-vault-forge-2026-02-05',
  'thewest-iluka-eneabba-2026-02-18',
  'inn-mp-materials-10x-2026-02-26',
];

describe('sources of the updates', () => {
  it('are cited by locator only (we hold no text of them), each naming its row of updates-2025-2026.md', async () => {
    const seed = await loadSeed();
    const updateSources = new Set(
      seed.entities.filter((e) => e.kind === 'SOURCE' && UPDATE_SOURCES.includes(e.id)).map((e) => e.id),
    );
    expect([...updateSources].sort()).toEqual([...UPDATE_SOURCES].sort());
    const citations = seed.relationships
      .flatMap((r) => r.citations)
      .filter((c) => updateSources.has(c.sourceId));
    expect(citations.filter((c) => c.quote !== undefined)).toEqual([]);
    expect(citations.filter((c) => !c.locator?.startsWith('updates-2025-2026.md, '))).toEqual([]);
    expect(new Set(citations.map((c) => c.sourceId))).toEqual(updateSources);
  });
});
