import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../src/store/memory/journal.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { AS_EDITOR, WRITE_ENV } from '../scripts/support/credentials.js';
import { startTestServer } from '../scripts/support/test-server.js';

/** The embedded store as the server opens it: the seed, then the journal replayed over it; and the HTTP API over it. */
async function openApi(dir: string) {
  const store = new MemoryStore(new Journal(path.join(dir, 'journal.jsonl')));
  const seed = await loadSeed();
  await store.loadSeed(seed.entities, seed.relationships);
  await store.open();
  const api = await startTestServer(store, WRITE_ENV);
  return {
    api,
    async close() {
      await api.close();
      await store.close();
    },
  };
}

const AUDIT = `query($targetId: ID, $actor: String, $after: String) {
  auditLog(targetId: $targetId, actor: $actor, first: 100, after: $after) {
    totalCount
    nodes { id at actor action note changes { target targetId before after } }
  }
}`;

const QUOTE = 'Washington has also sought to coordinate with allies including Australia, Japan, and Canada';

describe('the audit trail of the embedded store', () => {
  it('survives a restart: replayed from the journal, entry for entry, and new writes go on top', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'audit-journal-'));
    const first = await openApi(dir);
    await first.api.data(
      `mutation { upsertEntity(input: { id: "audit-test-org", kind: ORGANIZATION, name: "Audit Test Org" }, note: "a new supplier") { entity { id } } }`,
      {},
      AS_EDITOR,
    );
    await first.api.data(
      `mutation($q: String!) { addRelationship(input: { type: LOCATED_IN, from: "audit-test-org", to: "australia", citations: [{ sourceId: "source-article", quote: $q }] }, note: "where it is") { relationship { id } } }`,
      { q: QUOTE },
      AS_EDITOR,
    );
    await first.api.data(
      `mutation { retractRelationship(id: "located-in:audit-test-org:australia", note: "it is in Japan") { relationship { id } } }`,
      {},
      AS_EDITOR,
    );
    const before = (await first.api.data(AUDIT)).auditLog;
    await first.close();

    expect(before.totalCount).toBe(3);
    expect(before.nodes.map((n: { action: string; note: string }) => [n.action, n.note])).toEqual([
      ['RETRACT_RELATIONSHIP', 'it is in Japan'],
      ['ADD_RELATIONSHIP', 'where it is'],
      ['UPSERT_ENTITY', 'a new supplier'],
    ]);

    const second = await openApi(dir);
    try {
      expect((await second.api.data(AUDIT)).auditLog).toEqual(before);
      const byTarget = (await second.api.data(AUDIT, { targetId: 'located-in:audit-test-org:australia' }))
        .auditLog;
      expect(byTarget.nodes.map((n: { action: string }) => n.action)).toEqual([
        'RETRACT_RELATIONSHIP',
        'ADD_RELATIONSHIP',
      ]);
      expect((await second.api.data(AUDIT, { actor: 'api-key:alice' })).auditLog.totalCount).toBe(3);
      const { relationship } = await second.api.data(
        `{ relationship(id: "located-in:audit-test-org:australia") { retracted retractionNote } }`,
      );
      expect(relationship).toEqual({ retracted: true, retractionNote: 'it is in Japan' });

      await second.api.data(
        `mutation { upsertEntity(input: { id: "audit-test-org", kind: ORGANIZATION, name: "Audit Test Org Ltd" }, note: "legal name") { entity { id } } }`,
        {},
        AS_EDITOR,
      );
      const after = (await second.api.data(AUDIT)).auditLog;
      expect(after.totalCount).toBe(4);
      expect(after.nodes[0]).toMatchObject({
        action: 'UPSERT_ENTITY',
        note: 'legal name',
        changes: [
          {
            targetId: 'audit-test-org',
            before: { name: 'Audit Test Org' },
            after: { name: 'Audit Test Org Ltd' },
          },
        ],
      });
      expect(after.nodes.slice(1)).toEqual(before.nodes);
    } finally {
      await second.close();
    }

    const third = await openApi(dir);
    try {
      expect((await third.api.data(AUDIT)).auditLog.totalCount).toBe(4);
    } finally {
      await third.close();
    }
  });
});
