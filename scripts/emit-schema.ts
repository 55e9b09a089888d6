/** `npm run emit-schema`: writes the schema the code builds to schema/schema.graphql. */
import { writeFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { buildGraphSchema } from '../src/schema/build-schema.js';

const sdl = `${printSchema(await buildGraphSchema())}\n`;
await writeFile(new URL('../schema/schema.graphql', import.meta.url), sdl);
console.log(`schema/schema.graphql written (${sdl.split('\n').length} lines)`);
