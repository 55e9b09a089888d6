import { cp, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, loadSeed, SeedError } from '../src/store/seed/seed-loader.js';

/** A copy of the real seed folder with one extra file, to see what the validator says of it. */
async function seedWith(extra: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'seed-'));
  await cp(DEFAULT_SEED_DIR, dir, { recursive: true });
  await writeFile(path.join(dir, 'zz-extra.yaml'), extra);
  return dir;
}

async function problems(extra: string): Promise<string[]> {
  try {
    await loadSeed(await seedWith(extra));
  } catch (e) {
    if (e instanceof SeedError) return e.problems;
    throw e;
  }
  return [];
}

const ARTICLE_QUOTE = 'Treasury Secretary Scott Bessent said';

describe('seed validation', () => {
  it('accepts the committed seed', async () => {
    const seed = await loadSeed();
    expect(seed.entities.length).toBeGreaterThan(60);
    expect((await readdir(DEFAULT_SEED_DIR)).filter((f) => f.endsWith('.yaml')).length).toBeGreaterThan(1);
  });

  it('accepts an extra file that is right (so the failures below are the checks, not the harness)', async () => {
    expect(
      await problems(
        `entities:\n  - { id: test-person, kind: PERSON, name: Test }\nrelationships:\n  - { type: HOLDS_OFFICE, from: test-person, to: us-treasury, title: Clerk, citations: [{ source: source-article, quote: "${ARTICLE_QUOTE}" }] }\n`,
      ),
    ).toEqual([]);
  });

  it('fails on a duplicate id', async () => {
    expect(await problems(`entities:\n  - { id: china, kind: COUNTRY, name: China again }\n`)).toEqual([
      expect.stringMatching(/duplicate entity id "china"/),
    ]);
  });

  it('fails on a dangling reference', async () => {
    const found = await problems(
      `relationships:\n  - { type: LEADS, from: xi-jinping, to: atlantis, citations: [{ source: source-article, quote: "${ARTICLE_QUOTE}" }] }\n`,
    );
    expect(found).toEqual([expect.stringMatching(/"to" names no entity: atlantis/)]);
  });

  it('fails on a relationship type outside the allow-list, or between kinds it does not join', async () => {
    const unknown = await problems(
      `relationships:\n  - { type: LOVES, from: xi-jinping, to: china, citations: [{ source: source-article, quote: "${ARTICLE_QUOTE}" }] }\n`,
    );
    expect(unknown.join('\n')).toMatch(
      /zz-extra.yaml\/relationships\/0\/type: must be equal to one of the allowed values/,
    );
    const wrongEnds = await problems(
      `relationships:\n  - { type: LEADS, from: china, to: xi-jinping, citations: [{ source: source-article, quote: "${ARTICLE_QUOTE}" }] }\n`,
    );
    expect(wrongEnds).toEqual([expect.stringMatching(/LEADS does not join COUNTRY to PERSON/)]);
  });

  it('fails on a relationship without a citation', async () => {
    expect(
      (
        await problems(
          `relationships:\n  - { type: LEADS, from: xi-jinping, to: china, title: x, citations: [] }\n`,
        )
      ).join('\n'),
    ).toMatch(/citations: must NOT have fewer than 1 items/);
    expect(
      (await problems(`relationships:\n  - { type: LEADS, from: xi-jinping, to: china, title: x }\n`)).join(
        '\n',
      ),
    ).toMatch(/must have required property 'citations'/);
  });

  it('fails on a quote not found in the source text, and on an invented quote of a source we hold no text of', async () => {
    const found = await problems(
      `relationships:\n  - { type: LEADS, from: xi-jinping, to: china, title: x, citations: [{ source: source-article, quote: "Xi said nothing at all" }] }\n`,
    );
    expect(found).toEqual([
      expect.stringMatching(/quote not found in source-article: "Xi said nothing at all"/),
    ]);
    const noText = await problems(
      `entities:\n  - { id: test-ref, kind: SOURCE, name: A reference }\nrelationships:\n  - { type: LEADS, from: xi-jinping, to: china, title: x, citations: [{ source: test-ref, quote: "anything it might have said" }] }\n`,
    );
    expect(noText).toEqual([expect.stringMatching(/quotes test-ref, whose text the seed does not hold/)]);
  });

  it('reads curly and straight quotes alike and folds white space', async () => {
    expect(
      await problems(
        `relationships:\n  - { type: LEADS, from: xi-jinping, to: china, title: x, citations: [{ source: source-article, quote: "If they don't   follow through, we could threaten the tariffs again." }] }\n`,
      ),
    ).toEqual([]);
  });

  it('fails on a malformed date and on a window that ends before it starts', async () => {
    const bad = await problems(
      `entities:\n  - { id: test-event, kind: EVENT, name: E, date: "2025-02-30" }\n  - { id: test-event-2, kind: EVENT, name: F, date: "2025-13" }\nrelationships:\n  - { type: LEADS, from: xi-jinping, to: china, title: x, validFrom: "2026", validUntil: "2025-12-31", citations: [{ source: source-article, quote: "${ARTICLE_QUOTE}" }] }\n`,
    );
    expect(bad).toEqual([
      expect.stringMatching(/test-event: malformed date "2025-02-30"/),
      expect.stringMatching(/test-event-2: malformed date "2025-13"/),
      expect.stringMatching(/validUntil 2025-12-31 is before validFrom 2026/),
    ]);
  });
});
