import * as fs from 'node:fs/promises';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../src/domain/errors.js';
import { Journal, type JournalFs } from '../src/store/memory/journal.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { AS_EDITOR, WRITE_ENV } from '../scripts/support/credentials.js';
import { startTestServer } from '../scripts/support/test-server.js';
import { put } from './support/writes.js';

/*
 * Disk faults the OS cannot be made to give on demand, injected in the journal's file layer: the
 * real node:fs/promises on a real file, wrapped so writes come back short, fail with ENOSPC after
 * writing part of the line, or the roll-back itself fails. (tests/journal-durability.test.ts gets
 * EFBIG and ENOSPC from the OS itself.)
 */

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** The real file layer, with faults switched on and off by the test. */
function faultyFs(faults: { maxChunk?: number; full?: boolean; truncateFails?: boolean }): JournalFs {
  return {
    readFile: (file) => fs.readFile(file),
    mkdir: (dir, options) => fs.mkdir(dir, options),
    truncate: (file, length) => fs.truncate(file, length),
    async open(file, flags) {
      const handle = await fs.open(file, flags);
      let halfWritten = false;
      return {
        async write(buffer, offset, length) {
          if (faults.full && halfWritten) throw errno('ENOSPC');
          if (faults.full) halfWritten = true;
          const chunk = faults.full ? Math.ceil(length / 2) : Math.min(length, faults.maxChunk ?? length);
          return handle.write(buffer, offset, chunk);
        },
        datasync: () => handle.datasync(),
        truncate: (len) => (faults.truncateFails ? Promise.reject(errno('EIO')) : handle.truncate(len)),
        close: () => handle.close(),
      };
    },
  };
}

async function openStore(file: string, fsLayer?: JournalFs, warnings: string[] = []) {
  const store = new MemoryStore(
    new Journal(file, { ...(fsLayer && { fs: fsLayer }), warn: (m) => warnings.push(m) }),
  );
  const seed = await loadSeed();
  await store.loadSeed(seed.entities, seed.relationships);
  await store.open();
  return store;
}

const org = (id: string) => ({
  id,
  kind: 'ORGANIZATION' as const,
  name: id,
  category: 'company',
  description: 'x'.repeat(1500),
  origin: 'API' as const,
});
const snapshot = async (store: MemoryStore) => ({
  graph: await store.exportAll(),
  audit: await store.auditLog({ seek: { limit: 100, backward: false } }),
});

describe('journal under injected disk faults', () => {
  it('writes every byte when the file layer writes a little at a time', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'journal-')), 'journal.jsonl');
    const store = await openStore(file, faultyFs({ maxChunk: 100 }));
    await store.applyWrite(put({ entities: [org('chunked')], relationships: [] }));
    await store.close();
    expect((await readFile(file, 'utf8')).split('\n').map((l) => l.length > 0)).toEqual([true, false]);
    const reopened = await openStore(file);
    expect((await reopened.getEntities(['chunked']))[0]).toMatchObject({
      id: 'chunked',
      description: 'x'.repeat(1500),
    });
  });

  it('on ENOSPC part-way, refuses with STORAGE_UNAVAILABLE, leaves file and memory as they were, and writes again once healed', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'journal-')), 'journal.jsonl');
    const faults = { full: false };
    const warnings: string[] = [];
    const store = await openStore(file, faultyFs(faults), warnings);
    await store.applyWrite(put({ entities: [org('before')], relationships: [] }));
    const [bytes, state] = [await readFile(file), await snapshot(store)];

    faults.full = true;
    const refused = store.applyWrite(put({ entities: [org('refused')], relationships: [] }));
    await expect(refused).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(refused).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(await readFile(file)).toEqual(bytes);
    expect(await snapshot(store)).toEqual(state);
    expect(warnings).toEqual([
      `journal write refused (ENOSPC): ${file} kept at its last complete record (${bytes.length} bytes)`,
    ]);

    faults.full = false;
    await store.applyWrite(put({ entities: [org('after')], relationships: [] }));
    await store.close();
    const reopened = await openStore(file);
    expect((await reopened.getEntities(['before', 'refused', 'after'])).map((e) => e?.id ?? null)).toEqual([
      'before',
      null,
      'after',
    ]);
  });

  it('when the roll-back fails too, cuts the torn line before the next write', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'journal-')), 'journal.jsonl');
    const faults = { full: false, truncateFails: false };
    const store = await openStore(file, faultyFs(faults));
    await store.applyWrite(put({ entities: [org('before')], relationships: [] }));
    const bytes = await readFile(file);

    Object.assign(faults, { full: true, truncateFails: true });
    await expect(
      store.applyWrite(put({ entities: [org('refused')], relationships: [] })),
    ).rejects.toBeInstanceOf(StorageUnavailableError);
    expect((await readFile(file)).length).toBeGreaterThan(bytes.length);
    faults.full = false;
    await expect(
      store.applyWrite(put({ entities: [org('still-refused')], relationships: [] })),
    ).rejects.toBeInstanceOf(StorageUnavailableError);

    faults.truncateFails = false;
    await store.applyWrite(put({ entities: [org('after')], relationships: [] }));
    await store.close();
    const reopened = await openStore(file);
    expect(
      (await reopened.getEntities(['before', 'refused', 'still-refused', 'after'])).map((e) => e?.id ?? null),
    ).toEqual(['before', null, null, 'after']);
  });

  it('answers a refused write over HTTP with 503 STORAGE_UNAVAILABLE and Retry-After, and keeps serving reads', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'journal-')), 'journal.jsonl');
    const api = await startTestServer(await openStore(file, faultyFs({ full: true })), WRITE_ENV);
    try {
      const res = await api.gql(
        `mutation { upsertEntity(input: {id: "refused", kind: ORGANIZATION, name: "Refused", category: "company"}, note: "disk full") { entity { id } } }`,
        {},
        AS_EDITOR,
      );
      expect([res.status, res.headers.get('retry-after'), res.body.data]).toEqual([503, '5', null]);
      expect(res.body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        [
          'STORAGE_UNAVAILABLE',
          'The write could not be saved to disk (ENOSPC); nothing was changed. Reads still work; retry later.',
        ],
      ]);
      expect(await api.data(`{ a: entity(id: "china") { name } b: entity(id: "refused") { name } }`)).toEqual(
        { a: { name: 'China' }, b: null },
      );
    } finally {
      await api.close();
    }
  });
});
