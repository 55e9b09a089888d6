import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFixture } from '../support/stores.js';
import { AS_EDITOR, EDITOR_KEY, WRITE_ENV } from '../../scripts/support/credentials.js';
import { startTestServer, type TestServer } from '../../scripts/support/test-server.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { LAPTOP, launchChromium, openPage, shot, type BrowserSession } from './browser.js';

/*
 * The explorer's review page in Chromium, on a real server over the embedded store (the seed)
 * with the real extractor: an editor ingests the founding article through the page's form,
 * reads its proposals highlighted in the text, and accepts, edits, rejects and undoes with the
 * keyboard; every outcome is checked through the GraphQL API.
 */

let store: GraphStore;
let api: TestServer;
let session: BrowserSession;

beforeAll(async () => {
  store = await memoryFixture.create();
  api = await startTestServer(store, WRITE_ENV);
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
  await api?.close();
  await store?.close();
});

interface Proposal {
  id: string;
  type: string;
  status: string;
  quote: string;
  offset: number;
  dependsOn: string[];
  entity: { id: string; name: string } | null;
  relationship: { type: string; from: string; to: string } | null;
  review: { actor: string; reason: string | null; writtenIds: string[] } | null;
}

const PROPOSALS = `query($document: ID, $after: String) {
  proposals(document: $document, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id type status quote offset dependsOn entity { id name } relationship { type from to }
      review { actor reason writtenIds } }
  }
}`;
async function proposalsOf(document: string): Promise<Proposal[]> {
  const all: Proposal[] = [];
  let after: string | null = null;
  do {
    const { proposals }: { proposals: any } = await api.data(PROPOSALS, { document, after }, AS_EDITOR);
    all.push(...proposals.nodes);
    after = proposals.pageInfo.hasNextPage ? proposals.pageInfo.endCursor : null;
  } while (after);
  return all;
}
const RELATIONSHIPS = `query($id: ID!, $retracted: Boolean) { entity(id: $id) { relationships(includeRetracted: $retracted) {
  nodes { type retractedAt from { id } to { id } citations { quote source { id } } } } } }`;
const relationshipsOf = async (id: string, retracted = false) =>
  (await api.data(RELATIONSHIPS, { id, retracted })).entity.relationships.nodes;

describe('the review page in Chromium', () => {
  it('ingests the founding article, highlights every quote, and accepts, edits, rejects and undoes by keyboard', async () => {
    const { page, context, problems } = await openPage(session, api.url, LAPTOP);
    try {
      const text = await readFile('seed/sources/source-article.txt', 'utf8');
      await page.goto(`${api.url}/explorer`);
      await page.getByRole('link', { name: 'Review', exact: true }).click();
      await page.getByLabel('Editor key').fill(EDITOR_KEY);
      await page.getByRole('button', { name: 'Use key' }).click();
      await expect.poll(() => page.getByText('A key is held for this tab.').count()).toBe(1);
      expect(
        await page.evaluate(() => (globalThis as any).sessionStorage.getItem('explorer.editorKey')),
      ).toBe(EDITOR_KEY);
      expect(page.url()).not.toContain(EDITOR_KEY);
      await expect
        .poll(() => page.locator('.review-docs').textContent())
        .toContain('No document has proposals yet');

      // Ingest through the page's form.
      await page.getByLabel('Title').fill('US warns China on rare earth commitments');
      await page.getByLabel('Publisher').fill('News wire');
      await page.getByLabel('Published').fill('2025-11-02');
      await page.getByLabel('URL (optional)').fill('https://example.com/us-warns-china');
      await page.getByLabel('Text', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Ingest' }).click();
      await page.waitForURL(/#\/review\/doc-[0-9a-f]{12}$/);
      const docId = decodeURIComponent(page.url().split('#/review/')[1]!);
      expect(page.url()).not.toContain(EDITOR_KEY);

      const proposals = await proposalsOf(docId);
      expect(proposals.length).toBeGreaterThan(100);
      const items = page.locator('li.proposal');
      await expect.poll(() => items.count()).toBe(proposals.length);
      await expect
        .poll(() => page.locator('h2').last().textContent())
        .toBe('US warns China on rare earth commitments');

      // Every proposal's highlight, its marks joined, is its quote; its marks are described by its list item.
      const shown = await items.evaluateAll((lis) => {
        const out: Record<string, { text: string; describedBy: boolean }> = {};
        const all = [...lis[0]!.ownerDocument.querySelectorAll('#review-text mark')];
        for (const li of lis) {
          const id = li.getAttribute('data-id')!;
          const marks = all.filter((m) => m.getAttribute('data-ids')!.split(' ').includes(id));
          out[id] = {
            text: marks.map((m) => m.textContent).join(''),
            describedBy: marks.every((m) => m.getAttribute('aria-describedby')!.split(' ').includes(li.id)),
          };
        }
        return out;
      });
      expect(shown).toEqual(
        Object.fromEntries(proposals.map((p) => [p.id, { text: p.quote, describedBy: true }])),
      );
      // The text is rendered whole, as text: marks and text nodes only.
      expect(await page.locator('#review-text').textContent()).toBe(text.normalize('NFC'));
      expect(await page.locator('#review-text > :not(mark)').count()).toBe(0);
      // Overlapping quotes: some run of text is covered by more than one proposal.
      expect(
        await page.locator('#review-text mark.depth-2, #review-text mark.depth-3').count(),
      ).toBeGreaterThan(0);
      await shot(page, 'laptop-7-review');

      const byId = new Map(proposals.map((p) => [p.id, p]));
      const relationship = proposals.find(
        (p) =>
          p.relationship?.type === 'PARTICIPATED_IN' &&
          p.relationship.from === 'scott-bessent' &&
          p.relationship.to === 'scott-bessent-interview-on-cnn',
      )!;
      expect(relationship.dependsOn).toHaveLength(1);
      const interview = byId.get(relationship.dependsOn[0]!)!;
      expect(interview.entity).toEqual({
        id: 'scott-bessent-interview-on-cnn',
        name: 'Scott Bessent interview on CNN',
      });

      const item = (id: string) => page.locator(`li.proposal[data-id="${id}"]`);
      /** Moves the selection to proposal `id` with j / k, as a reviewer would. */
      const goTo = async (id: string) => {
        const ids = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')));
        const from = await items.evaluateAll((lis) =>
          lis.findIndex((li) => li.classList.contains('selected')),
        );
        const to = ids.indexOf(id);
        for (let n = 0; n < Math.abs(to - from); n++) await page.keyboard.press(to > from ? 'j' : 'k');
        await expect.poll(() => item(id).getAttribute('aria-current')).toBe('true');
        await expect
          .poll(() =>
            page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('data-id')),
          )
          .toBe(id);
      };
      await items.first().locator('.adds').click();

      // The relationship before the entity it needs: refused, its message and code shown, still pending.
      await goTo(relationship.id);
      await page.keyboard.press('a');
      await expect
        .poll(() => item(relationship.id).locator('.item-errors .code').textContent())
        .toBe(' (CONFLICT)');
      expect((await proposalsOf(docId)).find((p) => p.id === relationship.id)!.status).toBe('PENDING');

      // Accept the entity, then the relationship depending on it.
      await goTo(interview.id);
      await page.keyboard.press('a');
      await expect.poll(() => item(interview.id).getAttribute('data-status')).toBe('ACCEPTED');
      await goTo(relationship.id);
      await page.keyboard.press('a');
      await expect.poll(() => item(relationship.id).getAttribute('data-status')).toBe('ACCEPTED');
      expect(
        (await relationshipsOf('scott-bessent-interview-on-cnn')).filter(
          (r: { type: string }) => r.type === 'PARTICIPATED_IN',
        ),
      ).toContainEqual({
        type: 'PARTICIPATED_IN',
        retractedAt: null,
        from: { id: 'scott-bessent' },
        to: { id: 'scott-bessent-interview-on-cnn' },
        citations: [{ quote: relationship.quote, source: { id: docId } }],
      });

      // Edit, then accept: an entity under a name the editor gives.
      const fox = proposals.find((p) => p.entity?.id === 'scott-bessent-interview-on-fox-news')!;
      await goTo(fox.id);
      await page.keyboard.press('e');
      const edit = item(fox.id).locator('form.review-edit');
      await expect.poll(() => edit.isVisible()).toBe(true);
      await edit.getByLabel('Name').fill('Bessent on Fox News, 26 October');
      await edit.getByRole('button', { name: 'Accept edited' }).click();
      await expect.poll(() => item(fox.id).getAttribute('data-status')).toBe('ACCEPTED');
      expect(
        (await api.data('{ entity(id: "scott-bessent-interview-on-fox-news") { name } }')).entity,
      ).toEqual({
        name: 'Bessent on Fox News, 26 October',
      });

      // Reject with a reason.
      const venue = proposals.find(
        (p) => p.relationship?.type === 'HELD_IN' && p.relationship.to === 'south-korea',
      )!;
      await goTo(venue.id);
      const rejectForm = item(venue.id).locator('form.review-reject');
      expect(await rejectForm.isVisible()).toBe(false);
      await page.keyboard.press('r');
      await expect.poll(() => rejectForm.isVisible()).toBe(true);
      await expect
        .poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('name')))
        .toBe('reason');
      await page.keyboard.type('The talks were in Busan; check the venue against a second source');
      await page.keyboard.press('Enter');
      await expect.poll(() => item(venue.id).getAttribute('data-status')).toBe('REJECTED');
      await expect
        .poll(() => item(venue.id).locator('.review-done').textContent())
        .toBe('rejected by api-key:alice — The talks were in Busan; check the venue against a second source');
      const rejected = (await proposalsOf(docId)).find((p) => p.id === venue.id)!;
      expect([rejected.status, rejected.review?.reason, rejected.review?.actor]).toEqual([
        'REJECTED',
        'The talks were in Busan; check the venue against a second source',
        'api-key:alice',
      ]);

      // A shortcut that does not apply says why; an accepted entity cannot be undone (the API's code shown).
      await page.keyboard.press('a');
      await expect
        .poll(() => item(venue.id).locator('.item-errors').textContent())
        .toBe('Only pending proposals can be accepted.');
      await goTo(interview.id);
      await page.keyboard.press('u');
      await expect
        .poll(() => item(interview.id).locator('.item-errors .code').textContent())
        .toBe(' (BAD_USER_INPUT)');
      expect(await item(interview.id).getAttribute('data-status')).toBe('ACCEPTED');

      // Undo the relationship's accept: pending again, the relationship retracted.
      await goTo(relationship.id);
      await page.keyboard.press('u');
      await expect.poll(() => item(relationship.id).getAttribute('data-status')).toBe('PENDING');
      expect((await proposalsOf(docId)).find((p) => p.id === relationship.id)).toMatchObject({
        status: 'PENDING',
      });
      expect(
        (await relationshipsOf('scott-bessent-interview-on-cnn')).filter(
          (r: { type: string; from: { id: string } }) =>
            r.type === 'PARTICIPATED_IN' && r.from.id === 'scott-bessent',
        ),
      ).toEqual([]);
      const retracted = (await relationshipsOf('scott-bessent-interview-on-cnn', true)).filter(
        (r: { type: string; from: { id: string } }) =>
          r.type === 'PARTICIPATED_IN' && r.from.id === 'scott-bessent',
      );
      expect(retracted).toHaveLength(1);
      expect(retracted[0].retractedAt).not.toBeNull();

      // ? shows the shortcuts.
      await page.keyboard.press('?');
      await expect.poll(() => page.locator('#review-help').getAttribute('open')).toBe('');
      expect(await page.locator('#review-help dt').allTextContents()).toEqual([
        'j / ↓',
        'k / ↑',
        'a',
        'e',
        'r',
        'u',
        'Esc',
        '?',
      ]);
      await shot(page, 'laptop-8-review-after');

      // Back on the index, the document is listed with its counts.
      await page.getByRole('link', { name: '← All documents' }).click();
      await expect
        .poll(() => page.locator('.review-docs li').allTextContents())
        .toEqual([
          `US warns China on rare earth commitments ${proposals.length - 3} pending · 2 accepted · 1 rejected`,
        ]);

      expect(problems).toEqual({ errors: [], foreign: [] });
    } catch (e) {
      await shot(page, 'laptop-review-failed');
      throw e;
    } finally {
      await context.close();
    }
  }, 180_000);
  it('renders a document’s text as text: markup in it is shown, never run', async () => {
    const text =
      'Lynas Rare Earths said on Monday <img src=x onerror="document.title=1"> that it <b>would</b> expand the Kalgoorlie plant.';
    const { ingestDocument } = await api.data(
      `mutation($input: IngestDocumentInput!) { ingestDocument(input: $input, note: "markup test") { document { id } } }`,
      { input: { text, title: 'Markup in a document', publisher: 'Test Wire', published: '2025-11-03' } },
      AS_EDITOR,
    );
    const { page, context, problems } = await openPage(session, api.url, LAPTOP);
    try {
      await page.goto(`${api.url}/explorer`);
      await page.evaluate(
        (key) => (globalThis as any).sessionStorage.setItem('explorer.editorKey', key),
        EDITOR_KEY,
      );
      await page.goto(`${api.url}/explorer#/review/${ingestDocument.document.id}`);
      await expect.poll(() => page.locator('#review-text').textContent()).toBe(text);
      expect(await page.locator('#review-text img, #review-text b').count()).toBe(0);
      expect(await page.title()).toBe('Rare-earths graph explorer');
      expect(problems).toEqual({ errors: [], foreign: [] });
    } finally {
      await context.close();
    }
  });
});
