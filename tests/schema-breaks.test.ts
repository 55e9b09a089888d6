import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareSchemas } from '../scripts/schema-breaks.js';

const current = readFileSync('schema/schema.graphql', 'utf8');
const additive = current.replace(
  'type Query {',
  'type Query {\n  """A field added later."""\n  newThing(flag: Boolean): String\n',
);
const withoutSearch = current.replace(
  /\n {2}"""\n {2}Entities the text finds in their name or aliases[\s\S]*?\): EntityConnection!?\n/,
  '\n',
);

describe('breaking changes to schema/schema.graphql', () => {
  it('the fixtures are what they claim: one adds a field, the other drops Query.search', () => {
    expect(additive).toContain('newThing(flag: Boolean): String');
    expect(withoutSearch).not.toContain('search(');
    expect(withoutSearch.length).toBeLessThan(current.length);
  });

  it('passes an additive change', () => {
    expect(compareSchemas(current, additive, '')).toEqual({ breaking: [], dangerous: [], unrecorded: [] });
  });

  it('fails a removed field the changelog does not record', () => {
    expect(compareSchemas(current, withoutSearch, '# Schema changelog\n')).toEqual({
      breaking: ['Query.search was removed.'],
      dangerous: [],
      unrecorded: ['Query.search was removed.'],
    });
  });

  it('passes the same removal once the changelog records it', () => {
    expect(
      compareSchemas(
        current,
        withoutSearch,
        '## 2026-12-01: search moved to entities\n- Query.search was removed.\n',
      ).unrecorded,
    ).toEqual([]);
  });

  it('fails a changed field type', () => {
    const changed = current.replace('  hasText: Boolean!', '  hasText: String!');
    expect(compareSchemas(current, changed, '').unrecorded).toEqual([
      'Source.hasText changed type from Boolean! to String!.',
    ]);
  });
});

describe('npm run schema:breaks in a git repository', () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'schema-breaks-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, stdio: 'pipe' });
  const commit = (sdl: string, changelog: string) => {
    writeFileSync(path.join(repo, 'schema/schema.graphql'), sdl);
    writeFileSync(path.join(repo, 'schema/CHANGELOG.md'), changelog);
    git('add', '-A');
    git('commit', '-qm', 'change');
  };
  const check = () => {
    const run = spawnSync('npm', ['run', '-s', 'schema:breaks', '--', '--repo', repo], { encoding: 'utf8' });
    return { status: run.status, out: run.stdout + run.stderr };
  };

  it('says there is nothing to compare on the first commit, and passes', () => {
    mkdirSync(path.join(repo, 'schema'));
    git('init', '-q');
    commit(current, '# Schema changelog\n');
    expect(check()).toEqual({
      status: 0,
      out: expect.stringContaining('no schema/schema.graphql at HEAD~1'),
    });
  });

  it('fails a commit that removes a field, naming it', () => {
    commit(withoutSearch, '# Schema changelog\n');
    expect(check()).toEqual({
      status: 1,
      out: expect.stringContaining('BREAKING, not in the changelog: Query.search was removed.'),
    });
  });
});
