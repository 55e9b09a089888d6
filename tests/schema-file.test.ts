import { readFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGraphSchema } from '../src/schema/build-schema.js';

describe('schema/schema.graphql', () => {
  it('is the schema the code builds (run `npm run emit-schema` after changing the API)', async () => {
    const committed = await readFile(new URL('../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(await buildGraphSchema())}\n`);
  });
});
