import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/** Every `code span` in ARCHITECTURE.md that looks like a repository path (a folder or a source file). */
async function namedPaths(): Promise<string[]> {
  const text = await readFile('ARCHITECTURE.md', 'utf8');
  const spans = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!.replace(/\/$/, ''));
  return [...new Set(spans.filter((s) => /^(src|tests|scripts|seed|schema|bench)(\/[\w.-]+)*$/.test(s)))];
}

describe('ARCHITECTURE.md stays true', () => {
  it('names only folders and files that exist', async () => {
    const paths = await namedPaths();
    // The page names the four layers, the two adapters and the schema's feature folders at least.
    expect(paths.length).toBeGreaterThanOrEqual(30);
    expect(paths.filter((p) => !existsSync(p))).toEqual([]);
  });
});
