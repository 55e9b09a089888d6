/**
 * CI check: schema/schema.graphql against the previous commit's (or `--base REV`). Additive
 * changes pass; a breaking change fails unless schema/CHANGELOG.md records it. Exit 0 when
 * there is no previous version to compare (first commit, or the file is new there), saying so.
 *
 *   npm run schema:breaks [-- --base origin/main] [-- --repo DIR]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareSchemas } from './schema-breaks.js';

const SCHEMA = 'schema/schema.graphql';
const CHANGELOG = 'schema/CHANGELOG.md';

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function previousSchema(base: string): string | null {
  try {
    return execFileSync('git', ['show', `${base}:${SCHEMA}`], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch {
    return null;
  }
}

const base = argument('--base', 'HEAD~1');
const repo = argument('--repo', '.');
const previous = previousSchema(base);
if (previous === null) {
  const shallow =
    execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: repo, encoding: 'utf8' }).trim() ===
    'true';
  console.log(
    `schema breaks: no ${SCHEMA} at ${base} (${shallow ? 'shallow clone: fetch more history to compare' : 'no such commit, or the file is new there'}); nothing to compare`,
  );
  process.exit(0);
}
const result = compareSchemas(
  previous,
  readFileSync(path.join(repo, SCHEMA), 'utf8'),
  readFileSync(path.join(repo, CHANGELOG), 'utf8'),
);
for (const d of result.dangerous) console.log(`dangerous (allowed): ${d}`);
for (const d of result.breaking)
  console.log(
    `${result.unrecorded.includes(d) ? 'BREAKING, not in the changelog' : 'breaking, recorded'}: ${d}`,
  );
if (result.unrecorded.length > 0) {
  console.error(
    `schema breaks: ${result.unrecorded.length} breaking change(s) against ${base} not recorded in ${CHANGELOG}. Keep the old field (deprecate it instead), or, if the break is intended, add each line above verbatim to ${CHANGELOG}.`,
  );
  process.exit(1);
}
console.log(
  `schema breaks: none unrecorded against ${base} (${result.breaking.length} breaking recorded, ${result.dangerous.length} dangerous)`,
);
