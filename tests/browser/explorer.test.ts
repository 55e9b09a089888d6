import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFixture } from '../support/stores.js';
import { startTestServer, type TestServer } from '../../scripts/support/test-server.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { LAPTOP, PHONE, launchChromium, openPage, shot, type BrowserSession } from './browser.js';

let store: GraphStore;
let api: TestServer;
let session: BrowserSession;

beforeAll(async () => {
  store = await memoryFixture.create();
  api = await startTestServer(store);
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
  await api?.close();
  await store?.close();
});

/** Where on the page Cytoscape drew, in `drawing`, a node's centre or the middle of the line from one node to another. */
async function onScreen(
  drawing: Locator,
  what: { node: string } | { from: string; to: string },
): Promise<[number, number]> {
  const at = await drawing.evaluate((el: any, w: any) => {
    const cy = el.cytoscape;
    return 'node' in w
      ? cy.getElementById(w.node).renderedPosition()
      : cy
          .edges()
          .filter((e: any) => e.source().id() === w.from && e.target().id() === w.to)
          .renderedMidpoint();
  }, what);
  const frame = (await drawing.boundingBox())!;
  return [frame.x + at.x, frame.y + at.y];
}

describe.each([
  ['laptop', LAPTOP],
  ['phone', PHONE],
] as const)('the explorer in Chromium (%s)', (label, viewport) => {
  it('searches Bessent, opens him, shows his office with its citation, finds the path to Xi Jinping, and shows dysprosium’s allied suppliers', async () => {
    const { page, context, problems } = await openPage(session, api.url, viewport);
    try {
      await page.goto(`${api.url}/explorer`);
      await page.getByRole('searchbox').fill('Bessent');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: 'Scott Bessent', exact: true }).click();

      const office = page.locator('.rel-group[data-type="HOLDS_OFFICE"] li').first();
      await expect.poll(() => office.locator('.office').textContent()).toBe('Treasury Secretary — ');
      await expect
        .poll(() => office.getByRole('link').first().textContent())
        .toBe('U.S. Department of the Treasury');
      await office.getByText('1 citation').click();
      await expect
        .poll(() => office.locator('blockquote').textContent())
        .toBe('“Treasury Secretary Scott Bessent said the Trump administration is ready to use”');
      await expect
        .poll(() => office.locator('.citation').textContent())
        .toContain('US warns China on rare earth commitments (news article, 2 Nov 2025)');
      await expect.poll(() => page.locator('#graph').getAttribute('data-nodes')).toBe('14');
      await office.scrollIntoViewIfNeeded();
      await shot(page, `${label}-1-bessent`);

      // Tap the Treasury where Cytoscape drew it: its neighbours join the drawing.
      const expected = new Set<string>();
      for (const id of ['scott-bessent', 'us-treasury']) {
        const { neighborhood } = await api.data(
          `{ neighborhood(id: "${id}", depth: 1, limit: 40) { nodes { entity { id } } } }`,
        );
        for (const n of neighborhood.nodes) expected.add(n.entity.id);
      }
      const graph = page.locator('#graph');
      await graph.scrollIntoViewIfNeeded();
      await page.mouse.click(...(await onScreen(graph, { node: 'us-treasury' })));
      await expect.poll(() => graph.getAttribute('data-nodes')).toBe(String(expected.size));
      await shot(page, `${label}-1b-bessent-graph-expanded`);

      await page.getByRole('link', { name: 'Find a path from here' }).click();
      await page.getByLabel('To').fill('Xi Jinping');
      await page.getByRole('button', { name: 'Find path' }).click();
      const firstPath = page.locator('.path').first();
      await expect.poll(() => firstPath.locator('h3').textContent()).toBe('Path 1: 3 hops');
      const hops = firstPath.locator('.hop');
      await expect.poll(() => hops.count()).toBe(3);
      await expect.poll(() => hops.nth(2).textContent()).toContain('Xi Jinping');
      // The hop lists both parallel relationships Xi Jinping has with China, each with its own citation.
      const rels = hops.nth(2).locator('.hop-rel');
      await expect.poll(() => rels.count()).toBe(2);
      await expect
        .poll(() => rels.allTextContents())
        .toEqual([
          expect.stringMatching(/holds office \(President\).*1 citation/is),
          expect.stringMatching(/leads \(Chinese President\).*1 citation/is),
        ]);
      const xiOffice = rels.filter({ hasText: /holds office/i });
      await xiOffice.getByText('1 citation').click();
      await expect
        .poll(() => xiOffice.locator('blockquote').textContent())
        .toBe('“Chinese President Xi Jinping”');
      await shot(page, `${label}-2-path-to-xi`);

      // The same hop, tapped in the drawing: its citation appears under it.
      const drawing = page.locator('#path-graph');
      await drawing.scrollIntoViewIfNeeded();
      await page.mouse.click(...(await onScreen(drawing, { from: 'xi-jinping', to: 'china' })));
      await expect
        .poll(() => page.locator('.edge-panel blockquote').textContent())
        .toBe('“Chinese President Xi Jinping”');
      await shot(page, `${label}-2b-path-hop-tapped`);

      await page.getByRole('searchbox').fill('dysprosium');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: 'Dysprosium', exact: true }).click();
      await page.getByRole('link', { name: 'Supply view' }).click();
      await page.getByLabel('As of').fill('2026-11-29');
      await page.getByRole('button', { name: 'Show' }).click();
      const suppliers = page.locator('table.alternatives tbody tr td:first-child a');
      await expect
        .poll(() => suppliers.allTextContents())
        .toEqual([
          'Lynas Malaysia',
          'Shin-Etsu Magnetic Materials Vietnam (Hai Phong)',
          'White Mesa Mill',
          'Iluka Eneabba rare earths refinery',
          'Heavy rare earths circuit at Lynas Malaysia',
          'White Mesa Mill',
        ]);
      await expect.poll(() => page.locator('.stat').first().textContent()).toBe('HHI before8,281');
      // Without China only unattributed supply remains: "no data" and the reason, never 0.
      await expect
        .poll(() => page.locator('.stat').nth(1).textContent())
        .toBe('HHI without Chinano data (unattributed)');
      await expect
        .poll(() => page.locator('.risk .no-data-reason').allTextContents())
        .toEqual([
          'Without china, 9% of dysprosium at stage SEPARATION remains, but no source names the countries it comes from.',
        ]);
      // Each answer says what it was for, the stage included (no hidden default).
      await expect
        .poll(() => page.locator('.answered-for').allTextContents())
        .toEqual([
          'Answered for: Dysprosium · separation · as of 2026-11-29 · without China · allied with United States',
          'Answered for: Dysprosium · separation · group basis · as of 2026-11-29 · without China',
        ]);
      await shot(page, `${label}-3-dysprosium-supply`);
      await page.locator('.risk').scrollIntoViewIfNeeded();
      await shot(page, `${label}-4-dysprosium-concentration`);

      expect(problems).toEqual({ errors: [], foreign: [] });
    } catch (e) {
      await shot(page, `${label}-failed`);
      throw e;
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('the path drawing in Chromium', () => {
  it('takes a tap on the line drawn under it after a citation opened above it moved the drawing without a scroll', async () => {
    // A phone as tall as the page: nothing scrolls, so nothing tells Cytoscape the drawing moved.
    const { page, context, problems } = await openPage(session, api.url, { width: 390, height: 3000 });
    try {
      await page.goto(`${api.url}/explorer#/path?from=scott-bessent&to=xi-jinping`);
      const hops = page.locator('.path').first().locator('.hop');
      await expect.poll(() => hops.count()).toBe(3);
      const drawing = page.locator('#path-graph');
      const before = await onScreen(drawing, { from: 'xi-jinping', to: 'china' });
      await page.mouse.move(...before); // Cytoscape notes where its drawing is
      const xiOffice = hops
        .nth(2)
        .locator('.hop-rel')
        .filter({ hasText: /holds office/i });
      await xiOffice.getByText('1 citation').click();
      await expect
        .poll(() => xiOffice.locator('blockquote').textContent())
        .toBe('“Chinese President Xi Jinping”');
      const after = await onScreen(drawing, { from: 'xi-jinping', to: 'china' });
      expect(after[1]).toBeGreaterThan(before[1] + 20); // the drawing moved down
      expect(await page.evaluate(() => (globalThis as any).scrollY)).toBe(0);
      await page.mouse.click(...after);
      await expect
        .poll(() => page.locator('.edge-panel .edge-detail').textContent())
        .toMatch(
          /^personXi Jinping —holds office \(President\)→ countryChina.*“Chinese President Xi Jinping”/,
        );
      expect(problems).toEqual({ errors: [], foreign: [] });
    } finally {
      await context.close();
    }
  });
});

describe('the explorer home page in Chromium', () => {
  it("draws the graph in figures: one SVG bar per entity kind, each labelled with the API's count, longest for the largest", async () => {
    const { page, context, problems } = await openPage(session, api.url, LAPTOP);
    try {
      const { stats } = await api.data('{ stats { entityCount entitiesByKind { kind count } } }');
      await page.goto(`${api.url}/explorer`);
      const bars = page.locator('svg.stats-chart.kinds .kind-bar');
      await expect.poll(() => bars.count()).toBe(stats.entitiesByKind.length);
      const shown = await bars.evaluateAll((gs) =>
        gs.map((g) => ({
          kind: g.getAttribute('data-kind'),
          label: g.querySelector('text.label')!.textContent,
          count: g.querySelector('text.count')!.textContent,
          width: Number(g.querySelector('rect')!.getAttribute('width')),
        })),
      );
      expect(shown.map(({ kind, label, count }) => ({ kind, label, count }))).toStrictEqual(
        stats.entitiesByKind.map((k: { kind: string; count: number }) => ({
          kind: k.kind,
          label: k.kind.toLowerCase().replaceAll('_', ' '),
          count: k.count.toLocaleString('en'),
        })),
      );
      // Bars are proportional to the counts: the largest kind has the widest bar, a kind with none has none.
      const widest = Math.max(...shown.map((b) => b.width));
      const most = Math.max(...stats.entitiesByKind.map((k: { count: number }) => k.count));
      expect(widest).toBeGreaterThan(100);
      stats.entitiesByKind.forEach((k: { count: number }, i: number) =>
        expect(shown[i]!.width).toBeCloseTo((k.count / most) * widest, 0),
      );
      await expect
        .poll(() => page.locator('.stats-totals').textContent())
        .toContain(`${stats.entityCount.toLocaleString('en')} entities`);
      await expect.poll(() => page.locator('svg.stats-chart.periods .period-bar').count()).toBeGreaterThan(5);
      await page.locator('.figures').scrollIntoViewIfNeeded();
      await shot(page, 'laptop-0-home-figures');
      expect(problems).toEqual({ errors: [], foreign: [] });
    } finally {
      await context.close();
    }
  });
});

describe('the explorer’s downloads in Chromium', () => {
  it('offers the entity’s neighbourhood in each export format, with the day chosen, and each link serves its format', async () => {
    const { page, context, problems } = await openPage(session, api.url, LAPTOP);
    try {
      await page.goto(`${api.url}/explorer#/entity/scott-bessent?asOf=2025-11-01`);
      const links = page.locator('.downloads a');
      await expect.poll(() => links.count()).toBe(4);
      const hrefs = () => links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const files = ['graph.graphml', 'nodes.csv', 'edges.csv', 'graph.jsonld'];
      expect(await hrefs()).toEqual(
        files.map((f) => `/export/${f}?around=scott-bessent&depth=1&asOf=2025-11-01`),
      );
      expect(await links.allTextContents()).toEqual(['GraphML', 'Nodes (CSV)', 'Edges (CSV)', 'JSON-LD']);
      await page.getByLabel('Relationships as of').fill('2026-12-01');
      await expect
        .poll(hrefs)
        .toEqual(files.map((f) => `/export/${f}?around=scott-bessent&depth=1&asOf=2026-12-01`));
      await page.locator('.downloads').scrollIntoViewIfNeeded();
      await shot(page, 'laptop-6-downloads');

      // Fetched from the page (same origin, as a click would), each link answers with its format.
      const answers = await page.evaluate(
        async (addresses) => {
          const out = [];
          for (const address of addresses) {
            const res = await fetch(address);
            out.push({
              status: res.status,
              type: res.headers.get('content-type'),
              start: (await res.text()).slice(0, 30),
            });
          }
          return out;
        },
        await hrefs(),
      );
      expect(answers).toEqual([
        {
          status: 200,
          type: 'application/graphml+xml; charset=utf-8',
          start: '<?xml version="1.0" encoding="',
        },
        {
          status: 200,
          type: 'text/csv; charset=utf-8; header=present',
          start: 'id,name,kind,aliases,descripti',
        },
        {
          status: 200,
          type: 'text/csv; charset=utf-8; header=present',
          start: 'id,source,target,type,title,st',
        },
        {
          status: 200,
          type: 'application/ld+json; charset=utf-8',
          start: `{"@context":"${api.url}/export/`.slice(0, 30),
        },
      ]);
      // A click downloads the file under the name the server gives.
      const [download] = await Promise.all([page.waitForEvent('download'), links.nth(1).click()]);
      expect(download.suggestedFilename()).toBe('scott-bessent-nodes.csv');
      expect(problems).toEqual({ errors: [], foreign: [] });
    } catch (e) {
      await shot(page, 'laptop-downloads-failed');
      throw e;
    } finally {
      await context.close();
    }
  });
});

describe('the playground in Chromium', () => {
  it('serves GraphiQL from our own assets with the README examples as tabs, and runs one', async () => {
    const { page, context, problems } = await openPage(session, api.url, LAPTOP);
    try {
      await page.goto(`${api.url}/playground`);
      const tabs = page.locator('.graphiql-tab');
      const readmeExamples = (await readFile('README.md', 'utf8')).split('```graphql\n').length - 1;
      await expect.poll(() => tabs.count()).toBe(readmeExamples);
      await expect.poll(() => tabs.first().textContent()).toContain('WhoIsScottBessentAndOnWhoseWord');
      await page.locator('.graphiql-tab').first().click();
      await page.locator('.graphiql-execute-button').click();
      await expect
        .poll(() => page.locator('.graphiql-response').textContent())
        .toContain('Treasury Secretary');
      await shot(page, 'laptop-5-playground');
      expect(problems).toEqual({ errors: [], foreign: [] });
    } finally {
      await context.close();
    }
  });
});
