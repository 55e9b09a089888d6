import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
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
import { AS_EDITOR } from '../scripts/support/credentials.js';
import { startServerProcess } from './support/server-process.js';

/** Opens the embedded store the way the server does: the seed, then the journal over it. */
async function openStore(dir: string) {
  const store = new MemoryStore(new Journal(path.join(dir, 'journal.jsonl')));
  const seed = await loadSeed();
  await store.loadSeed(seed.entities, seed.relationships);
  await store.open();
  return { store };
}

const citation = [
  { sourceId: 'source-article', quote: 'Washington has also sought to coordinate with allies' },
];

describe('embedded store persistence', () => {
  it('keeps acknowledged writes across a restart, and they win over the seed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'journal-'));
    const first = await openStore(dir);
    const rel = {
      id: relationshipId('MEMBER_OF', 'south-korea', 'us-allied-supply-coordination'),
      type: 'MEMBER_OF' as const,
      from: 'south-korea',
      to: 'us-allied-supply-coordination',
      citations: citation,
      origin: 'API' as const,
    };
    await first.store.applyWrite(
      put({
        entities: [
          {
            id: 'china',
            kind: 'COUNTRY',
            name: 'China',
            description: 'edited through the API',
            origin: 'API',
          },
        ],
        relationships: [rel],
      }),
    );
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
    const write = store.applyWrite(
      put({
        entities: [{ id: 'new-country', kind: 'COUNTRY', name: 'New Country', origin: 'API' }],
        relationships: [
          {
            id: 'member-of:new-country:nowhere',
            type: 'MEMBER_OF',
            from: 'new-country',
            to: 'nowhere',
            citations: citation,
            origin: 'API',
          },
        ],
      }),
    );
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

    const run = promisify(execFile)(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', 'src/server/main.ts'],
      {
        env: { ...process.env, DATA_DIR: dir, PORT: '0', NODE_ENV: 'test', NEO4J_URI: '' },
      },
    );
    const failure = await run.then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toBe(
      `cannot start: data file ${file} is unreadable: line 1 fails its checksum. It was left as it is; restore it from a backup or move it aside to start from the seed.`,
    );
    expect(await readFile(file, 'utf8')).toBe('{"sha256":"00","batch":{"entities":[],"relationships":[]}}\n');
  });

  it(
    'drops a torn last line (a write never acknowledged) with one warning, starts, and writes after the last complete record',
    { timeout: 60_000 },
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'journal-'));
      const file = path.join(dir, 'journal.jsonl');
      const { store } = await openStore(dir);
      await store.applyWrite(
        put({
          entities: [
            {
              id: 'china',
              kind: 'COUNTRY',
              name: 'China',
              description: 'acknowledged before the crash',
              origin: 'API',
            },
          ],
          relationships: [],
        }),
      );
      await store.close();
      const acknowledged = await readFile(file, 'utf8');
      await appendFile(file, acknowledged.slice(0, 150));

      const outcome = await startServerProcess(dir);
      if ('exited' in outcome) throw new Error(`server exited ${outcome.exited}: ${outcome.stderr}`);
      const server = outcome.ready;
      try {
        expect(server.logs.filter((l) => (l.level as number) >= 40).map((l) => [l.level, l.msg])).toEqual([
          [
            40,
            `dropped an unfinished write at the end of ${file} (150 bytes after the last complete record; it was never acknowledged)`,
          ],
        ]);
        expect(await readFile(file, 'utf8')).toBe(acknowledged);
        expect((await server.post('{ entity(id: "china") { description } }')).body).toEqual({
          data: { entity: { description: 'acknowledged before the crash' } },
        });
        const write = await server.post(
          'mutation { upsertEntity(input: {id: "china", kind: COUNTRY, name: "China", description: "after the restart"}, note: "test") { entity { id } } }',
          {},
          AS_EDITOR.headers,
        );
        expect(write.status).toBe(200);
        const lines = (await readFile(file, 'utf8')).split('\n');
        expect(
          lines.map((l) =>
            l === ''
              ? null
              : (JSON.parse(l) as { batch: { entities: { description: string }[] } }).batch.entities[0]!
                  .description,
          ),
        ).toEqual(['acknowledged before the crash', 'after the restart', null]);
      } finally {
        await server.stop();
      }
    },
  );

  it.each([
    ['with complete lines after it', ''],
    ['even with a torn last line', '{"sha256":"ab'],
  ])(
    'refuses to start on a bad line before the last one (%s), with one line, leaving the file as it was',
    { timeout: 60_000 },
    async (_, tail) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'journal-'));
      const file = path.join(dir, 'journal.jsonl');
      const { store } = await openStore(dir);
      await store.applyWrite(
        put({
          entities: [{ id: 'china', kind: 'COUNTRY', name: 'China', origin: 'API' }],
          relationships: [],
        }),
      );
      await store.close();
      const good = await readFile(file, 'utf8');
      const content = `${good}{"sha256": "half a line from an old bug\n${good}${tail}`;
      await writeFile(file, content);

      const outcome = await startServerProcess(dir);
      if ('ready' in outcome) await outcome.ready.stop();
      expect(outcome).toMatchObject({ exited: 1 });
      const { stderr } = outcome as { stderr: string };
      expect(stderr).toBe(
        `cannot start: data file ${file} is unreadable: line 2 is not JSON. It was left as it is; restore it from a backup or move it aside to start from the seed.\n`,
      );
      expect(await readFile(file, 'utf8')).toBe(content);
    },
  );
});
