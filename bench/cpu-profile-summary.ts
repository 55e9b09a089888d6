import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/*
 * node --import @swc-node/register/esm-register bench/cpu-profile-summary.ts <folder or .cpuprofile> [top] [from[:to]]
 *
 * What a V8 CPU profile (`node --cpu-prof`, e.g. bench/run.ts --cpu-prof) spent its samples on:
 * self time by package (node_modules/<name>, node: internals, this project's src/ and bench/,
 * GC, idle) and the top functions by self time. Idle and program time are shown apart, so the
 * shares of the busy time can be compared between runs. With from (and to), only the samples
 * from that many seconds before the profile's end (to that many) count: one contestant's load
 * window, without start-up and module loading.
 */

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function owner(url: string, fn: string): string {
  if (fn === '(garbage collector)' || fn === '(idle)' || fn === '(program)') return fn;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:') || url === '') return 'node (internals, native)';
  const local = /\/(src\/[^/]+\/[^/]+|bench)\//.exec(url);
  return local ? local[1]! : url;
}

async function summarise(file: string, top: number, window: [number, number]): Promise<void> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const [from, to] = window[0] > 0 ? [total - window[0] * 1e6, total - window[1] * 1e6] : [0, total];
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const who = owner(url, functionName);
    byOwner.set(who, (byOwner.get(who) ?? 0) + us);
    if (who !== '(idle)') busy += us;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
  process.stdout.write(`\n${file}: busy ${ms(busy)} ms (idle ${ms(byOwner.get('(idle)') ?? 0)} ms)\n`);
  for (const [who, us] of [...byOwner]
    .filter(([w]) => w !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    process.stdout.write(`  ${ms(us)} ms ${pct(us)}  ${who}\n`);
  process.stdout.write('  top functions (self):\n');
  for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(`  ${ms(us)} ms ${pct(us)}  ${fn}\n`);
}

async function main(): Promise<void> {
  const target = process.argv[2] ?? 'bench/profiles';
  const top = Number(process.argv[3] ?? 25);
  const [from, to] = (process.argv[4] ?? '0').split(':').map(Number);
  const window: [number, number] = [from ?? 0, to ?? 0];
  const files = target.endsWith('.cpuprofile')
    ? [target]
    : (await readdir(target, { recursive: true }))
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => path.join(target, f));
  for (const f of files.sort()) await summarise(f, top, window);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
