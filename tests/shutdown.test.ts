import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/support/local-neo4j.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Resolves with the first log line (pino JSON) of `child` whose msg matches. */
function logLine(child: ChildProcess, msg: RegExp): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if (typeof parsed.msg === 'string' && msg.test(parsed.msg)) {
        lines.close();
        resolve(parsed);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before logging ${msg}`)));
  });
}

describe('graceful shutdown of the real server process', () => {
  let dataDir: string;
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('on SIGTERM, refuses new connections, finishes the request in flight, and exits 0', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'shutdown-'));
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', 'src/server/main.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'development',
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'info',
          NEO4J_URI: '',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await logLine(child, /GraphQL API ready/);

    // A request whose headers the server has read (it answered 100 Continue) and whose body is still to come.
    const body = JSON.stringify({ query: '{ entity(id: "china") { name } }' });
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.once('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.once('error', reject);
    });
    await new Promise<void>((resolve) => req.once('continue', resolve));

    const stopping = logLine(child, /shutting down/);
    child.kill('SIGTERM');
    await stopping;
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();

    req.end(body);
    const answered = await response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text)).toEqual({ data: { entity: { name: 'China' } } });
    expect(await exited).toBe(0);
  });
});
