import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AS_EDITOR } from '../scripts/support/credentials.js';
import { startedServer, type ServerProcess } from './support/server-process.js';

/*
 * A disk that refuses writes, with the real server process over HTTP on loopback: under a
 * file-size limit (`ulimit -f`, EFBIG after a short write) and on a full filesystem (a 64 KB
 * tmpfs, ENOSPC). Every write answered 200 is on disk and survives a restart; every refused one
 * is answered 503 STORAGE_UNAVAILABLE and leaves the journal and the graph as they were; reads go
 * on; once there is room again, writes are accepted without a restart.
 */

const run = promisify(execFile);

const UPSERT = `mutation($input: EntityInput!) { upsertEntity(input: $input, note: "durability test") { entity { id } } }`;
const READ = `query($id: ID!) { entity(id: $id) { id description } }`;
/** About 1.5 KB on the journal per write. */
const DESCRIPTION = 'A placeholder organisation written to fill the disk. '.repeat(24);

const upsert = (server: ServerProcess, id: string) =>
  server.post(
    UPSERT,
    { input: { id, kind: 'ORGANIZATION', name: id, category: 'company', description: DESCRIPTION } },
    AS_EDITOR.headers,
  );

/** The entity ids of the journal's lines, in order; fails unless every line is complete. */
async function journalIds(dataDir: string): Promise<string[]> {
  const text = await readFile(path.join(dataDir, 'journal.jsonl'), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { batch: { entities: { id: string }[] } }).batch.entities[0]!.id);
}

/** Writes until the disk refuses one; checks the refusal, the journal and reads; returns the acknowledged ids. */
async function writeUntilRefused(server: ServerProcess, dataDir: string): Promise<string[]> {
  const acknowledged: string[] = [];
  for (let i = 0; i < 60; i++) {
    const res = await upsert(server, `filler-${i}`);
    if (res.status !== 200) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
        'STORAGE_UNAVAILABLE',
      ]);
      expect(res.body.errors[0].message).toMatch(
        /^The write could not be saved to disk \((EFBIG|ENOSPC)\); nothing was changed/,
      );
      break;
    }
    expect(res.body).toEqual({ data: { upsertEntity: { entity: { id: `filler-${i}` } } } });
    acknowledged.push(`filler-${i}`);
  }
  expect(acknowledged.length).toBeGreaterThan(1);
  expect(acknowledged.length).toBeLessThan(60);
  // Still full: the next write is refused the same way, not with INTERNAL.
  const again = await upsert(server, 'refused-again');
  expect([again.status, again.body.errors?.[0]?.extensions?.code]).toEqual([503, 'STORAGE_UNAVAILABLE']);
  expect(await journalIds(dataDir)).toEqual(acknowledged);
  // Reads go on, and the graph holds exactly the acknowledged writes.
  const last = acknowledged.at(-1)!;
  expect((await server.post(READ, { id: last })).body).toEqual({
    data: { entity: { id: last, description: DESCRIPTION } },
  });
  expect((await server.post(READ, { id: `filler-${acknowledged.length}` })).body).toEqual({
    data: { entity: null },
  });
  expect((await server.post(READ, { id: 'refused-again' })).body).toEqual({ data: { entity: null } });
  return acknowledged;
}

/** After `heal`, a write succeeds without a restart, and everything acknowledged survives one. */
async function recoverAndRestart(
  server: ServerProcess,
  dataDir: string,
  acknowledged: string[],
  heal: () => Promise<unknown>,
): Promise<void> {
  await heal();
  expect((await upsert(server, 'after-space-returns')).status).toBe(200);
  expect(await journalIds(dataDir)).toEqual([...acknowledged, 'after-space-returns']);
  expect(await server.stop()).toBe(0);

  const restarted = await startedServer(dataDir);
  try {
    for (const id of [...acknowledged, 'after-space-returns']) {
      expect((await restarted.post(READ, { id })).body).toEqual({
        data: { entity: { id, description: DESCRIPTION } },
      });
    }
    expect(restarted.logs.filter((l) => (l.level as number) >= 40)).toEqual([]);
  } finally {
    await restarted.stop();
  }
}

/** Whether this machine lets the tests mount a tmpfs (root in a sandbox that allows it). */
async function canMountTmpfs(): Promise<boolean> {
  const probe = await mkdtemp(path.join(tmpdir(), 'tmpfs-probe-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    await run('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    await rmdir(probe);
  }
}
const tmpfs = await canMountTmpfs();

describe('a disk that refuses writes (real server process)', () => {
  it(
    'under a file-size limit: refuses with 503, keeps the journal whole, and takes writes again once the limit is raised',
    { timeout: 60_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'fsize-'));
      const server = await startedServer(dataDir, { fileSizeKb: 12 });
      try {
        const acknowledged = await writeUntilRefused(server, dataDir);
        await recoverAndRestart(server, dataDir, acknowledged, () =>
          run('prlimit', ['--pid', String(server.pid), '--fsize=unlimited']),
        );
      } finally {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!tmpfs)(
    'on a full filesystem (64 KB tmpfs, ENOSPC): refuses with 503, keeps the journal whole, and takes writes again once space is freed',
    { timeout: 60_000 },
    async () => {
      const mount = await mkdtemp(path.join(tmpdir(), 'tmpfs-'));
      await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
      const dataDir = path.join(mount, 'data');
      const filler = path.join(mount, 'filler');
      try {
        await mkdir(dataDir);
        await writeFile(filler, Buffer.alloc(50 * 1024));
        const server = await startedServer(dataDir);
        try {
          const acknowledged = await writeUntilRefused(server, dataDir);
          await recoverAndRestart(server, dataDir, acknowledged, () => rm(filler));
        } finally {
          await server.stop();
        }
      } finally {
        await run('umount', [mount]);
        await rmdir(mount);
      }
    },
  );
});
