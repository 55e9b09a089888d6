import { describe, expect, it } from 'vitest';
import { readmeExamples } from './support/readme-examples.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

const { examples } = await readmeExamples();

describe.each(STORE_FIXTURES)("README's example queries on the $name store", (fixture) => {
  const ctx = useApi(fixture);

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((e, i) => [i + 1, e] as const))('example %i returns the answer the README gives', async (_n, example) => {
    const res = await ctx.api.gql(example.query);
    expect(res.body).toEqual(JSON.parse(example.answer));
  });
});
