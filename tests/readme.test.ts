import { describe, expect, it } from 'vitest';
import { README_ENV, readmeExamples, runExample } from '../scripts/support/readme-examples.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

const { examples } = await readmeExamples();

describe.each(STORE_FIXTURES)("README's example queries on the $name store", (fixture) => {
  const ctx = useApi(fixture, README_ENV);

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  // In order: the write examples change the graph the examples after them read.
  it.each(examples.map((e, i) => [i + 1, e] as const))(
    'example %i returns the answer the README gives',
    async (_n, example) => {
      const res = await runExample(ctx.api, example);
      expect(res.body).toEqual(JSON.parse(example.answer));
    },
  );
});
