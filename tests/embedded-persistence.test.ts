import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { put } from './support/writes.js';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../src/domain/errors.js';
import { relationshipId } from '../src/domain/relationship.js';
import { Journal, JournalCorruptError } from '../src/store/memory/journal.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';

/** Opens the embedded store the way the server does: the seed, then the journal over it. */
async function openStore(dir: string) {
  const store = new MemoryStore(new Journal(path.join(dir, 'journal.jsonl')));
  const seed = await loadSeed();
  await store.loadSeed(seed.entities, seed.relationships);
  await store.open();
  return { store };
}

const citation = [{ sourceId: 'source-article', quote: 'Washington has also sought to coordinate with allies' }];

describe('embedded store persistence', () => {
  it('keeps acknowledged writes across a restart, and they win over the seed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'journal-'));
    const first = await openStore(dir);
    const rel = { id: relationshipId('MEMBER_OF', 'south-korea', 'us-allied-supply-coordination'), type: 'MEMBER_OF' as const, from: 'south-korea', to: 'us-allied-supply-coordination', citations: citation, origin: 'API' as const };
    await first.store.applyWrite(put({
      entities: [{ id: 'china', kind: 'COUNTRY', name: 'China', description: 'edited through the API', origin: 'API' }],
      relationships: [rel],
    }));
    await first.store.close();

    const second = await openStore(dir);
    const [china] = await second.store.getEntities(['china']);
    expect(china).toMatchObject({ description: 'edited through the API', origin: 'API' });
    expect(await second.store.getRelationships([rel.id])).toEqual([{ ...rel, origin: 'API' }]);
    const reload = await loadSeed();
    expect((await second.store.loadSeed(reload.entities, reload.relationships)).skipped).toBe(1);
    const seed = await loadSeed();
    expect((await second.store.stats()).relationships).toBe(seed.relationships.length + 1);
    await second.store.close();
  });

  it('writes nothing, in memory or on disk, when a batch names a missing entity', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'journal-'));
    const { store } = await openStore(dir);
    const before = await store.exportAll();
    const write = store.applyWrite(put({
      entities: [{ id: 'new-country', kind: 'COUNTRY', name: 'New Country', origin: 'API' }],
      relationships: [{ id: 'member-of:new-country:nowhere', type: 'MEMBER_OF', from: 'new-country', to: 'nowhere', citations: citation, origin: 'API' }],
    }));
    await expect(write).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.exportAll()).toEqual(before);
    await expect(readFile(path.join(dir, 'journal.jsonl'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    await store.close();
  });

  it('refuses to start on a corrupt data file and leaves the file as it was', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'journal-'));
    const file = path.join(dir, 'journal.jsonl');
    await writeFile(file, '{"sha256":"00","batch":{"entities":[],"relationships":[]}}\n');
    await expect(new MemoryStore(new Journal(file)).open()).rejects.toBeInstanceOf(JournalCorruptError);

    const run = promisify(execFile)(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/server/main.ts'], {
      env: { ...process.env, DATA_DIR: dir, PORT: '0', NODE_ENV: 'test', NEO4J_URI: '' },
    });
    const failure = await run.then(() => null, (e: { code: number; stderr: string }) => e);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toBe(`cannot start: data file ${file} is unreadable: line 1 fails its checksum. It was left as it is; restore it from a backup or move it aside to start from the seed.`);
    expect(await readFile(file, 'utf8')).toBe('{"sha256":"00","batch":{"entities":[],"relationships":[]}}\n');
  });
});
