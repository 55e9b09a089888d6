import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../src/store/graph-store.js';
import { readmeExamples } from './support/readme-examples.js';
import { STORE_FIXTURES } from './support/stores.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const { examples } = await readmeExamples();

describe.each(STORE_FIXTURES)("README's example queries on the $name store", (fixture) => {
  let store: GraphStore;
  let api: TestServer;
  beforeAll(async () => {
    store = await fixture.create();
    api = await startTestServer(store);
  });
  afterAll(async () => {
    await api?.close();
    await store?.close();
  });

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((e, i) => [i + 1, e] as const))('example %i returns the answer the README gives', async (_n, example) => {
    const res = await api.gql(example.query);
    expect(res.body).toEqual(JSON.parse(example.answer));
  });
});
