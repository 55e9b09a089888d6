import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { WRITE_ENV } from '../../scripts/support/credentials.js';
import { freePort } from '../../scripts/support/local-neo4j.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = [process.execPath, '--import', '@swc-node/register/esm-register', 'src/server/main.ts'];

/** A real server process (`npm start`'s command) on the embedded store. */
export interface ServerProcess {
  pid: number;
  url: string;
  /** Every pino log line printed so far, parsed. */
  logs: Record<string, unknown>[];
  /** POSTs one operation to /graphql. */
  post(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: any }>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** How a start-up ended: ready to serve, or exited (with its code and stderr). */
export type StartOutcome =
  { ready: ServerProcess } | { exited: number | null; stderr: string; logs: Record<string, unknown>[] };

/** How to start the server process beyond its data folder. */
export interface ServerProcessOptions {
  /** Run under `ulimit -S -f` (KB). */
  fileSizeKb?: number;
  /** Extra environment (over the defaults below). */
  env?: Record<string, string>;
  /** Extra Node options, e.g. `--max-old-space-size=64`. */
  nodeOptions?: string[];
}

/**
 * Starts the server with `DATA_DIR=dataDir` and writes allowed (WRITE_ENV). `fileSizeKb` runs it
 * under `ulimit -S -f` (a soft limit, which a test may raise later; Node ignores SIGXFSZ, so writes past the limit fail with EFBIG).
 */
export async function startServerProcess(
  dataDir: string,
  opts: ServerProcessOptions = {},
): Promise<StartOutcome> {
  const port = await freePort();
  const [node, ...rest] = SERVER;
  const server = [node!, ...(opts.nodeOptions ?? []), ...rest];
  const [command, ...args] =
    opts.fileSizeKb === undefined
      ? server
      : ['bash', '-c', `ulimit -S -f ${opts.fileSizeKb}; exec "$0" "$@"`, ...server];
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...WRITE_ENV,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '0',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NEO4J_URI: '',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = new Promise<boolean>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      if (typeof entry.msg === 'string' && entry.msg.startsWith('GraphQL API ready')) resolve(true);
    });
    void exited.then(() => resolve(false));
  });
  if (!(await ready)) return { exited: await exited, stderr, logs };
  const url = `http://127.0.0.1:${port}`;
  return {
    ready: {
      pid: child.pid!,
      url,
      logs,
      async post(query, variables, headers = {}) {
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
        });
        return { status: res.status, headers: res.headers, body: await res.json() };
      },
      stop() {
        child.kill('SIGTERM');
        return exited;
      },
    },
  };
}

/** The server of a start-up that must succeed. */
export async function startedServer(
  dataDir: string,
  opts: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const outcome = await startServerProcess(dataDir, opts);
  if ('exited' in outcome) throw new Error(`server exited ${outcome.exited}: ${outcome.stderr}`);
  return outcome.ready;
}
