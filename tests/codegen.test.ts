import { readFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.config.js';
import { officesOf } from '../examples/client.js';
import { memoryFixture } from './support/stores.js';
import { startTestServer } from '../scripts/support/test-server.js';

describe('typed example operations (examples/)', () => {
  it('examples/generated/ (operation types, possibleTypes) is what graphql-codegen makes from schema/schema.graphql today (run `npm run codegen` when this fails)', async () => {
    const outputs = await generate(config, false);
    expect(outputs.map((o: { filename: string }) => o.filename).sort()).toEqual([
      'examples/generated/graphql.ts',
      'examples/generated/possible-types.ts',
    ]);
    for (const output of outputs) expect(await readFile(output.filename, 'utf8')).toBe(output.content);
  });

  it('the typed client gets Bessent’s office from the real API', async () => {
    const store = await memoryFixture.create();
    const api = await startTestServer(store);
    try {
      const document = await readFile('examples/explorer.graphql', 'utf8');
      expect(await officesOf(`${api.url}/graphql`, document, 'scott-bessent')).toEqual([
        'Treasury Secretary, U.S. Department of the Treasury',
      ]);
    } finally {
      await api.close();
      await store.close();
    }
  });
});
