import 'reflect-metadata';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bounds, isPartialDate, PLAUSIBLE_YEARS } from '../src/domain/dates.js';
import { BadInputError } from '../src/domain/errors.js';
import {
  hasVisibleCharacter,
  MIN_QUOTE_LENGTH,
  quoteLength,
  quoteRefusal,
  textRefusal,
} from '../src/domain/text.js';
import { validateInput } from '../src/schema/shared/validate-input.js';
import { CitationInput, EntityInput } from '../src/schema/write/write.input.js';
import { DEFAULT_SEED_DIR, loadSeed, SeedError } from '../src/store/seed/seed-loader.js';
import { seedFileValidator } from '../src/store/seed/seed-schema.js';
import { AS_EDITOR, WRITE_ENV } from '../scripts/support/credentials.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/*
 * The text rules (README "Text rules"): one definition in the domain, used by the API's input
 * validation and by the seed schema alike; hostile text refused over HTTP on both stores.
 */

const ZWSP = '\u200B';
const HOSTILE_NAMES: [string, string, RegExp][] = [
  ['only a zero-width space', ZWSP, /needs at least one visible character/],
  ['control characters', '\u0000\u0007', /control characters \(found U\+0000/],
  ['a bidi override', 'Evil\u202Egnp.exe', /bidi .* \(found U\+202E\)/],
  ['a lone surrogate', 'Bad \uD800 name', /lone surrogate/],
];

describe('the shared text rules', () => {
  it('refuses control, bidi-override and lone-surrogate characters, and text with nothing visible', () => {
    for (const [, name, reason] of HOSTILE_NAMES) expect(textRefusal(name, 'line')).toMatch(reason);
    expect(['\u3164', '\u0301', ' \t', '\u00AD', '\uFEFF'].map(hasVisibleCharacter)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['Lynas', 'é', '中国', '🦄', '—'].map((s) => textRefusal(s, 'line'))).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    // A paired surrogate (an emoji) is well formed; Hebrew with its RLM mark is ordinary text.
    expect(textRefusal('\uD83E\uDD84 \u05E9\u05DC\u05D5\u05DD\u200F', 'line')).toBeNull();
  });

  it('lets texts of several lines hold tabs and line breaks, and one-line texts none', () => {
    expect(textRefusal('first line\n\tsecond\r\n', 'lines')).toBeNull();
    expect(textRefusal('Lynas\nRare Earths', 'line')).toMatch(
      /control characters \(found U\+000A; it is one line\)/,
    );
    expect(textRefusal('a\u0085b', 'lines')).toMatch(/found U\+0085/);
  });

  it('measures quotes in characters after normalisation; every seed quote passes and "a" does not', async () => {
    const quotes: string[] = [];
    for (const file of ['article.yaml', 'controls.yaml', 'elements.yaml', 'sources.yaml', 'supply.yaml']) {
      const doc = parse(await readFile(path.join(DEFAULT_SEED_DIR, file), 'utf8')) as {
        relationships?: { citations: { quote?: string }[] }[];
      };
      for (const rel of doc.relationships ?? [])
        for (const c of rel.citations) if (c.quote !== undefined) quotes.push(c.quote);
    }
    expect(quotes.length).toBeGreaterThan(100);
    expect(Math.min(...quotes.map(quoteLength))).toBe(22);
    expect(quotes.filter((q) => quoteRefusal(q) !== null)).toEqual([]);
    expect(MIN_QUOTE_LENGTH).toBeLessThanOrEqual(22);
    expect(quoteRefusal('a')).toBe(
      `must be at least ${MIN_QUOTE_LENGTH} characters, enough to carry a claim (got 1)`,
    );
    // White space folds before counting: padding does not lengthen a quote.
    expect(quoteLength(`  President \n\n Donald   Trump  `)).toBe(22);
    expect(quoteRefusal(`a${' '.repeat(40)}b`)).toMatch(/got 3/);
  });

  it('treats 0000-01-01 and 0000-02-29 alike: both outside the plausible years, refused', () => {
    expect(PLAUSIBLE_YEARS).toEqual({ min: 1700, max: 2200 });
    expect(
      ['0000-01-01', '0000-02-29', '0000', '1699-12-31', '2201-01-01', '0099-Q1'].filter(isPartialDate),
    ).toEqual([]);
    expect(['1700-01-01', '2200-12-31', '2000-02-29', '2024-02-29'].filter(isPartialDate)).toEqual([
      '1700-01-01',
      '2200-12-31',
      '2000-02-29',
      '2024-02-29',
    ]);
    // Gregorian leap years: 1900 and 2100 are not, 2000 is.
    expect(['1900-02-29', '2100-02-29'].filter(isPartialDate)).toEqual([]);
    expect(bounds('1900-02')).toEqual({ first: '1900-02-01', last: '1900-02-28' });
  });
});

/** What the seed schema (ajv) says of a one-record file: its error messages, or [] when valid. */
function seedSays(doc: unknown): string[] {
  const validate = seedFileValidator();
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath}: ${e.message ?? ''}`);
}

/** What the API's input validation (class-validator) says of an input: the refused field and message, or null. */
async function apiSays<T extends object>(input: T): Promise<{ field: string; message: string } | null> {
  try {
    await validateInput(input);
    return null;
  } catch (e) {
    if (e instanceof BadInputError) return { field: e.field ?? '', message: e.message };
    throw e;
  }
}

const entityInput = (fields: Partial<EntityInput>) =>
  Object.assign(new EntityInput(), { id: 'test-x', kind: 'MATERIAL', name: 'Test', ...fields });
const seedEntity = (fields: Record<string, unknown>) => ({
  entities: [{ id: 'test-x', kind: 'MATERIAL', name: 'Test', ...fields }],
});

describe('the seed schema (ajv) and the API (class-validator) apply the same rules', () => {
  it.each([
    ['atomicNumber', 200, /must be <= 118/, /atomicNumber must not be greater than 118/],
    ['atomicNumber', 0, /must be >= 1/, /atomicNumber must not be less than 1/],
    ['id', 'X Corp', /must match pattern/, /id must be a slug/],
    ['id', 'a--b', /must match pattern/, /id must be a slug/],
    ['name', ZWSP, /needs at least one visible character/, /name needs at least one visible character/],
    ['name', 'Evil\u202Egnp.exe', /bidi/, /name must not contain bidi/],
    ['aliases', ['ok', '\u0000\u0007'], /control characters/, /aliases must not contain control characters/],
  ] as const)('%s = %j is refused by both', async (field, value, seedReason, apiReason) => {
    const seed = seedSays(seedEntity({ [field]: value }));
    expect(seed).toEqual([expect.stringMatching(seedReason)]);
    expect(seed[0]).toContain(`/entities/0/${field}`);
    expect(await apiSays(entityInput({ [field]: value }))).toEqual({
      field,
      message: expect.stringMatching(apiReason),
    });
  });

  it('accepts the same good values on both (so the refusals above are the rules, not the harness)', async () => {
    const good = {
      atomicNumber: 118,
      name: 'Oganesson',
      aliases: ['Og'],
      description: 'Two lines:\nthe heaviest.',
    };
    expect(seedSays(seedEntity(good))).toEqual([]);
    expect(await apiSays(entityInput(good))).toBeNull();
  });

  it('refuses a one-letter quote in a seed citation and in an API citation, with one message', async () => {
    const doc = {
      relationships: [
        {
          type: 'LEADS',
          from: 'xi-jinping',
          to: 'china',
          citations: [{ source: 'source-article', quote: 'a' }],
        },
      ],
    };
    const reason = `must be at least ${MIN_QUOTE_LENGTH} characters, enough to carry a claim (got 1)`;
    expect(seedSays(doc)).toEqual([`/relationships/0/citations/0/quote: ${reason}`]);
    expect(
      await apiSays(Object.assign(new CitationInput(), { sourceId: 'source-article', quote: 'a' })),
    ).toEqual({ field: 'quote', message: `quote ${reason}` });
  });

  it('loadSeed refuses a seed file with atomic number 200, a hostile name and a year-0 date', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'seed-'));
    await cp(DEFAULT_SEED_DIR, dir, { recursive: true });
    await writeFile(
      path.join(dir, 'zz-extra.yaml'),
      'entities:\n  - { id: test-element, kind: MATERIAL, name: "Unobtainium", atomicNumber: 200 }\n  - { id: test-bidi, kind: ORGANIZATION, name: "Evil\\u202Egnp.exe" }\n',
    );
    await writeFile(
      path.join(dir, 'zz-extra-2.yaml'),
      'entities:\n  - { id: test-event, kind: EVENT, name: E, date: "0000-01-01" }\n  - { id: test-event-2, kind: EVENT, name: F, date: "0000-02-29" }\n',
    );
    const problems = await loadSeed(dir).then(
      () => [],
      (e: unknown) => {
        if (e instanceof SeedError) return e.problems;
        throw e;
      },
    );
    // Files are read in name order; the schema's problems come first, the graph checks' (dates) after.
    expect(problems).toEqual([
      'zz-extra.yaml/entities/0/atomicNumber: must be <= 118',
      'zz-extra.yaml/entities/1/name: must not contain bidi embedding, override or isolate characters (found U+202E)',
      'zz-extra-2.yaml: entity test-event: malformed date "0000-01-01"',
      'zz-extra-2.yaml: entity test-event-2: malformed date "0000-02-29"',
    ]);
  });
});

const UPSERT = `mutation($input: EntityInput!, $note: String!) {
  upsertEntity(input: $input, note: $note) { entity { id name } audit { note } }
}`;
const ADD_RELATIONSHIP = `mutation($input: RelationshipInput!, $note: String!) {
  addRelationship(input: $input, note: $note) { relationship { id note citations { quote } } }
}`;
const ARTICLE_QUOTE =
  'Washington has also sought to coordinate with allies including Australia, Japan, and Canada';
const LOCATED = {
  type: 'LOCATED_IN',
  from: 'lynas',
  to: 'australia',
  citations: [{ sourceId: 'source-article', quote: ARTICLE_QUOTE }],
};

describe.each(STORE_FIXTURES)('hostile text over HTTP on the $name store', (fixture) => {
  const ctx = useApi(fixture, WRITE_ENV);
  const refusal = async (query: string, variables: Record<string, unknown>) => {
    const before = await ctx.store.exportAll();
    const res = await ctx.api.gql(query, variables, AS_EDITOR);
    expect(await ctx.store.exportAll()).toEqual(before);
    return {
      data: res.body.data ?? null,
      ...res.body.errors?.[0]?.extensions,
      message: res.body.errors?.[0]?.message,
    };
  };

  it.each(HOSTILE_NAMES)('refuses a name made of %s, naming the field', async (_what, name, reason) => {
    const res = await refusal(UPSERT, {
      input: { id: 'test-hostile', kind: 'ORGANIZATION', name },
      note: 'hostile name',
    });
    expect(res).toMatchObject({
      data: null,
      code: 'BAD_USER_INPUT',
      field: 'name',
      message: expect.stringMatching(reason),
    });
  });

  it('refuses a zero-width space as the write note and as a relationship note', async () => {
    const audit = await refusal(UPSERT, {
      input: { id: 'test-zwsp', kind: 'ORGANIZATION', name: 'Test' },
      note: ZWSP,
    });
    expect(audit).toMatchObject({
      data: null,
      code: 'BAD_USER_INPUT',
      field: 'note',
      message: 'note needs at least one visible character',
    });
    const rel = await refusal(ADD_RELATIONSHIP, { input: { ...LOCATED, note: ZWSP }, note: 'zwsp note' });
    expect(rel).toMatchObject({
      data: null,
      code: 'BAD_USER_INPUT',
      field: 'note',
      message: 'note needs at least one visible character',
    });
  });

  it('refuses the one-letter quote "a", though "a" occurs in the source', async () => {
    const res = await refusal(ADD_RELATIONSHIP, {
      input: { ...LOCATED, citations: [{ sourceId: 'source-article', quote: 'a' }] },
      note: 'short quote',
    });
    expect(res).toMatchObject({
      data: null,
      code: 'BAD_USER_INPUT',
      field: 'citations[0].quote',
      message: `quote must be at least ${MIN_QUOTE_LENGTH} characters, enough to carry a claim (got 1)`,
    });
  });

  it('refuses the dates 0000-01-01 and 0000-02-29 alike', async () => {
    const answers = await Promise.all(
      ['0000-01-01', '0000-02-29'].map((date) =>
        refusal(UPSERT, {
          input: { id: 'test-year-0', kind: 'EVENT', name: 'Year 0', date },
          note: 'year 0',
        }),
      ),
    );
    expect(answers.map((a) => a.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(answers[0]!.message?.replace('0000-01-01', 'D')).toBe(
      answers[1]!.message?.replace('0000-02-29', 'D'),
    );
  });

  it('stores text in NFC: a decomposed "é" name (and note) is stored composed, and a quote matches whichever form', async () => {
    const decomposed = 'Socie\u0301te\u0301 Ge\u0301ne\u0301rale';
    const { upsertEntity } = await ctx.api.data(
      UPSERT,
      { input: { id: 'test-nfc', kind: 'ORGANIZATION', name: decomposed }, note: `Cre\u0301e\u0301` },
      AS_EDITOR,
    );
    expect(upsertEntity).toEqual({
      entity: { id: 'test-nfc', name: 'Société Générale' },
      audit: { note: 'Créé' },
    });
    expect((await ctx.store.getEntities(['test-nfc']))[0]?.name).toBe('Société Générale');
    const text = 'La Société Générale a financé la raffinerie de terres rares en 2025.';
    await ctx.api.data(
      `mutation($text: String!) { recordSource(input: { id: "test-nfc-source", name: "Test", text: $text }, note: "nfc") { entity { id } } }`,
      { text: text.normalize('NFD') },
      AS_EDITOR,
    );
    const { addRelationship } = await ctx.api.data(
      ADD_RELATIONSHIP,
      {
        input: {
          type: 'LOCATED_IN',
          from: 'test-nfc',
          to: 'australia',
          citations: [{ sourceId: 'test-nfc-source', quote: 'Société Générale a financé la raffinerie' }],
        },
        note: 'nfc quote',
      },
      AS_EDITOR,
    );
    expect(addRelationship.relationship.citations).toEqual([
      { quote: 'Société Générale a financé la raffinerie' },
    ]);
    expect((await ctx.store.getEntities(['test-nfc-source']))[0]?.text).toBe(text);
  });
});
