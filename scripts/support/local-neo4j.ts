/**
 * A real Neo4j Community server, run from its Maven Central jars by `scripts/neo4j-local.sh` (no
 * Docker). Used by the vitest global set-up (one shared instance), by fault tests and the chaos
 * run that stop and restart their own instance, and by the benchmark.
 *
 * @packageDocumentation
 */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../neo4j-local.sh', import.meta.url));

/** Where and how to run one instance. */
export interface LocalNeo4jOptions {
  /** Instance directory (conf, data, logs, run); its data survives stop and start. */
  home: string;
  /** Bolt port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** Serve Bolt over TLS only, with a self-signed certificate (the URI is then `bolt+ssc://`). */
  tls?: boolean;
}

/** A running instance (auth disabled). */
export interface LocalNeo4j {
  /** Bolt URI for neo4j-driver, e.g. `bolt://127.0.0.1:7687`. */
  uri: string;
  /** The Bolt port, to start the same home again on the same URI after {@link LocalNeo4j.stop}. */
  port: number;
  /** Absolute instance directory. */
  home: string;
  /** Stops the server (SIGTERM, then SIGKILL after 60 s) and waits for it to exit. Idempotent. */
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL: no clean shutdown, as in a crash) and waits for it to exit. */
  kill(): Promise<void>;
}

/** SIGKILLs the server whose pid `home/run/pid` holds, then waits until it is gone. */
async function killServer(home: string): Promise<void> {
  const pid = Number(
    (await readFile(path.join(home, 'run', 'pid'), 'utf8').catch(() => '')).replace(/\D/g, ''),
  );
  if (!pid) return;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(pid, 'SIGKILL');
  while (alive()) await new Promise((r) => setTimeout(r, 50));
  await rm(path.join(home, 'run', 'pid'), { force: true });
}

/** Runs the script; rejects with its stderr (which holds the server log's tail on a failed start). */
function runScript(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [SCRIPT, ...args], { maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(
          new Error(
            `neo4j-local.sh ${args[0]} failed (${error.code ?? error.signal ?? '?'}):\n${stderr || error.message}`,
          ),
        );
      } else {
        resolve(stdout);
      }
    });
  });
}

/** A TCP port that is free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * Starts (or restarts, keeping its data) the Neo4j instance in `opts.home` and resolves once Bolt
 * accepts a session; fetches the jars first when they are missing (needs Maven). Rejects with the
 * server log's tail if it does not come up within 120 s, or if the port is taken by another process.
 * A home that is already running on the same port and TLS mode is reused as it is.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const home = path.resolve(opts.home);
  const pick = !opts.port;
  for (let attempt = 1; ; attempt++) {
    const port = pick ? await freePort() : (opts.port as number);
    const args = ['start', '--home', home, '--port', String(port), ...(opts.tls ? ['--tls'] : [])];
    try {
      const uri = (await runScript(args)).trim().split('\n').pop() ?? '';
      if (!/^bolt(\+ssc)?:\/\//.test(uri))
        throw new Error(`neo4j-local.sh start printed no Bolt URI: "${uri}"`);
      return {
        uri,
        port,
        home,
        stop: () => runScript(['stop', '--home', home]).then(() => undefined),
        kill: () => killServer(home),
      };
    } catch (e) {
      // A port picked here can be taken by someone else before the server binds it: pick again.
      if (pick && attempt < 3 && e instanceof Error && e.message.includes('already in use')) continue;
      throw e;
    }
  }
}
