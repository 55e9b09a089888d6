import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_KEY, WRITE_ENV } from '../scripts/support/credentials.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';
import { documentIdFor } from '../src/domain/ingest/ids.js';
import { textAbout } from './support/ingest-texts.js';
import type { MemoryStore } from '../src/store/memory/memory-store.js';
import { memoryFixture } from './support/stores.js';

/*
 * Issue 17, the CLI: `npm run ingest` (scripts/ingest.ts, its own process) sends a folder of two
 * documents to a real server over HTTP with an editor key: a progress bar on stderr, a summary
 * table on stdout, titles from a sidecar or the first line, the date from the sidecar or the flag.
 * The server extracts with the real extractor (src/domain/ingest).
 */

const run = promisify(execFile);
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(process.execPath, ['--import', '@swc-node/register/esm-register', 'scripts/ingest.ts', ...args], {
    env: { ...process.env, ...env },
  }).catch((e: { stdout: string; stderr: string; code: number }) => e);

let store: MemoryStore;
let api: TestServer;
beforeAll(async () => {
  store = (await memoryFixture.create()) as MemoryStore;
  api = await startTestServer(store, WRITE_ENV);
});
afterAll(async () => {
  await api?.close();
  await store?.close();
});

describe('npm run ingest', () => {
  it('ingests a folder of two files: progress on stderr, a summary table on stdout', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'ingest-cli-'));
    const first = `Alpha Minerals news\n\n${textAbout('Alpha Minerals')}\n`;
    const second = `${textAbout('Beta Minerals')}\n`;
    await writeFile(path.join(folder, 'a-alpha.txt'), first);
    await writeFile(path.join(folder, 'b-beta.md'), second);
    await writeFile(
      path.join(folder, 'b-beta.json'),
      JSON.stringify({
        title: 'Beta from the sidecar',
        published: '2025-11-05',
        url: 'https://example.com/beta',
      }),
    );
    await writeFile(path.join(folder, 'notes.csv'), 'not a text file');
    const out = await cli(
      [folder, '--publisher', 'Test Wire', '--published', '2025-11-02', '--api', `${api.url}/graphql`],
      {
        EDITOR_KEY,
      },
    );
    expect((out as { code?: number }).code ?? 0).toBe(0);
    expect(out.stderr).toContain('] 1/2 a-alpha.txt');
    expect(out.stderr).toContain('[##############################] 2/2 b-beta.md');
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^file\s+document\s+proposals\s+new\s+error$/);
    expect(lines[1]).toMatch(new RegExp(`^a-alpha\\.txt\\s+${documentIdFor(first)}\\s+3\\s+3$`));
    expect(lines[2]).toMatch(new RegExp(`^b-beta\\.md\\s+${documentIdFor(second)}\\s+3\\s+3$`));
    expect(lines[3]).toBe('2 ingested, 0 refused, 6 new proposals');
    const [alpha, beta] = await store.getEntities([documentIdFor(first), documentIdFor(second)]);
    expect(alpha).toMatchObject({
      kind: 'SOURCE',
      name: 'Alpha Minerals news',
      date: '2025-11-02',
      publisher: 'Test Wire',
      text: first,
    });
    expect(beta).toMatchObject({
      name: 'Beta from the sidecar',
      date: '2025-11-05',
      url: 'https://example.com/beta',
    });

    const again = await cli([
      folder,
      '--publisher',
      'Test Wire',
      '--published',
      '2025-11-02',
      '--api',
      `${api.url}/graphql`,
      '--key',
      EDITOR_KEY,
    ]);
    expect(again.stdout.trim().split('\n').at(-1)).toBe('2 ingested, 0 refused, 0 new proposals');
  });

  it('reports a refused document in its row and exits 1; a wrong key is refused too', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'ingest-cli-'));
    await writeFile(path.join(folder, 'undated.txt'), 'A text without a publication day.\n');
    const sequence = await store.changeSequence();
    const out = await cli([
      folder,
      '--publisher',
      'Test Wire',
      '--api',
      `${api.url}/graphql`,
      '--key',
      EDITOR_KEY,
    ]);
    expect((out as { code?: number }).code).toBe(1);
    expect(out.stdout).toContain('BAD_USER_INPUT (published): published must be a calendar day YYYY-MM-DD');
    const wrongKey = await cli([
      folder,
      '--published',
      '2025-11-02',
      '--publisher',
      'W',
      '--api',
      `${api.url}/graphql`,
      '--key',
      'not-a-key',
    ]);
    expect(wrongKey.stdout).toContain('UNAUTHENTICATED');
    expect(await store.changeSequence()).toBe(sequence);
  });
});
