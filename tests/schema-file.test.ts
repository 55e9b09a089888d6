import { readFile } from 'node:fs/promises';
import { isObjectType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGraphSchema } from '../src/schema/build-schema.js';
import { RELATED_FIELDS } from '../src/schema/entity/shortcut.fields.js';

describe('schema/schema.graphql', () => {
  it('is the schema the code builds (run `npm run emit-schema` after changing the API)', async () => {
    const committed = await readFile(new URL('../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(await buildGraphSchema())}\n`);
  });
});

describe('look-ahead table', () => {
  it('names, for every typed shortcut it fetches ahead, an object type and field of the schema', async () => {
    const schema = await buildGraphSchema();
    const named = Object.entries(RELATED_FIELDS).flatMap(([type, fields]) =>
      Object.keys(fields).map((field) => `${type}.${field}`),
    );
    expect(named.length).toBeGreaterThan(20);
    for (const name of named) {
      const [type, field] = name.split('.') as [string, string];
      const found = schema.getType(type);
      expect(isObjectType(found) && found.getFields()[field] !== undefined, name).toBe(true);
    }
  });
});
