// Soak: the real server (embedded store, a fresh journal) under a mixed adversarial load for a
// fixed time, on loopback only. Reports the server's RSS peak, /health/live latency percentiles
// and the answers by kind and code; exits 1 when a target is missed or the server died.
//
//   npm run soak                          # 60 s, 8 clients, rate limit off (worst case: many addresses)
//   npm run soak -- --seconds 30 --clients 4 --rate-limit   # with the default rate limit
// The seed graph is small: MAX_RESPONSE_BYTES is lowered to 200 KB (--max-response-bytes) so that
// the "wide" kind (about 225 KB) is stopped while it is built, as a larger graph's answers would be.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const TARGETS = { rssMb: 1024, healthP99Ms: 500 };

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '8' },
    'rate-limit': { type: 'boolean', default: false },
    'max-response-bytes': { type: 'string', default: '200000' },
  },
});
const seconds = Math.min(600, Math.max(5, Number(args.seconds)));
const clients = Math.min(32, Math.max(1, Number(args.clients)));

/** Three nested pages under each of 15 aliases: the 5 KB query. */
function nestedAliases(): string {
  let inner = 'relationships(first: $n) { nodes { id type note } }';
  for (let i = 0; i < 2; i++)
    inner = `relationships(first: $n) { nodes { id to { id name description ${inner} } } }`;
  return `query Heavy($n: Int) { ${Array.from({ length: 15 }, (_, i) => `a${i}: entity(id: "china") { ${inner} }`).join(' ')} }`;
}
const WIDE = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: entities(first: 100) { nodes { id name description aliases } }`).join(' ')} }`;
const DEEP_VARIABLES = `{"query":"query ($ex: [ID!]!) { supplyRisk(material: \\"dysprosium\\", stage: SEPARATION, excluding: $ex) { hhi } }","variables":{"ex":${'['.repeat(9000)}"china"${']'.repeat(9000)}}}`;

/** The mix, each picked in turn: the hostile kinds, and a normal query whose answer is checked. */
const KINDS: { kind: string; body: string; expect?: string }[] = [
  { kind: 'nested n=100', body: JSON.stringify({ query: nestedAliases(), variables: { n: 100 } }) },
  { kind: 'nested n=4', body: JSON.stringify({ query: nestedAliases(), variables: { n: 4 } }) },
  { kind: 'wide 15x100', body: JSON.stringify({ query: WIDE }) },
  {
    kind: 'neighborhood depth 3',
    body: JSON.stringify({
      query:
        '{ neighborhood(id: "china", depth: 3, limit: 500) { nodes { entity { id name description } } relationships { id type note from { id } to { id } } } }',
    }),
  },
  { kind: 'deep variables', body: DEEP_VARIABLES },
  {
    kind: 'normal',
    body: JSON.stringify({ query: '{ entity(id: "china") { name kind } }' }),
    expect: '{"data":{"entity":{"name":"China","kind":"COUNTRY"}}}',
  },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : 0;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** One client: sends the mix in turn until `until`, counting answers by kind, status and code. */
async function client(
  url: string,
  offset: number,
  until: number,
  counts: Map<string, number>,
): Promise<void> {
  for (let i = offset; Date.now() < until; i++) {
    const { kind, body, expect } = KINDS[i % KINDS.length]!;
    let outcome: string;
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(60_000),
      });
      const text = await res.text();
      const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? 'OK';
      outcome = `${res.status} ${code}${expect !== undefined && code === 'OK' && text.trim() !== expect ? ' WRONG ANSWER' : ''}`;
    } catch (e) {
      outcome = `failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    const key = `${kind}: ${outcome}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

/** Probes /health/live every 50 ms until `until`, returning the latencies (ms; a failed probe counts as 60 s). */
async function probeHealth(url: string, until: number): Promise<number[]> {
  const latencies: number[] = [];
  while (Date.now() < until) {
    const started = performance.now();
    const ok = await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(60_000) }).then(
      (r) => r.ok,
      () => false,
    );
    latencies.push(ok ? performance.now() - started : 60_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return latencies;
}

async function waitLive(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${url}/health/live`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not start within 30 s');
}

async function main(): Promise<void> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'soak-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    MAX_RESPONSE_BYTES: args['max-response-bytes'],
    ...(!args['rate-limit'] && { RATE_LIMIT_PER_MINUTE: '0' }),
  };
  delete env.NEO4J_URI;
  const server = spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'src/server/main.ts'],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let exit: string | undefined;
  server.once('exit', (code, signal) => (exit = `exited (${signal ?? code})`));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitLive(url);
    const until = Date.now() + seconds * 1000;
    let peak = await rssMb(server.pid!);
    const sampler = setInterval(() => void rssMb(server.pid!).then((mb) => (peak = Math.max(peak, mb))), 200);
    const counts = new Map<string, number>();
    const [health] = await Promise.all([
      probeHealth(url, until),
      ...Array.from({ length: clients }, (_, i) => client(url, i, until, counts)),
    ]);
    clearInterval(sampler);
    report(
      peak,
      health.sort((a, b) => a - b),
      counts,
      exit,
    );
  } finally {
    server.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}

function report(
  peakMb: number,
  health: number[],
  counts: Map<string, number>,
  exit: string | undefined,
): void {
  const [p50, p95, p99, max] = [50, 95, 99, 100].map((p) => Math.round(percentile(health, p) * 10) / 10) as [
    number,
    number,
    number,
    number,
  ];
  const lines = [
    `soak: ${seconds} s, ${clients} clients, rate limit ${args['rate-limit'] ? 'default' : 'off'}, MAX_RESPONSE_BYTES ${args['max-response-bytes']}, embedded store, loopback`,
    `server: ${exit ?? 'alive'}; RSS peak ${Math.round(peakMb)} MB (target < ${TARGETS.rssMb})`,
    `/health/live (${health.length} probes): p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms (target p99 < ${TARGETS.healthP99Ms})`,
    'answers by kind, status and code:',
    ...[...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `  ${key}: ${n}`),
  ];
  const met =
    exit === undefined &&
    peakMb < TARGETS.rssMb &&
    p99 < TARGETS.healthP99Ms &&
    ![...counts.keys()].some((k) => k.includes('WRONG') || k.includes('failed'));
  process.stdout.write(`${lines.join('\n')}\ntargets: ${met ? 'met' : 'MISSED'}\n`);
  process.exitCode = met ? 0 : 1;
}

await main();
