/**
 * `npm run readme-answers`: runs every ```graphql example of README.md on the embedded store
 * and writes the real answer into the ```json block after it. tests/readme.test.ts then checks
 * the answers on both stores.
 */
import { writeFile } from 'node:fs/promises';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { README, README_ENV, readmeExamples, runExample } from './support/readme-examples.js';
import { startTestServer } from './support/test-server.js';

/** JSON indented by two spaces, with any object or array that fits in `width` characters kept on one line. */
function compactJson(value: unknown, indent = '', width = 96): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || indent.length + flat.length <= width) return flat;
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((v) => `${inner}${compactJson(v, inner, width)}`)
    : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner, width)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${items.join(',\n')}\n${indent}${close}`;
}

const seed = await loadSeed();
const store = new MemoryStore();
await store.loadSeed(seed.entities, seed.relationships);
const api = await startTestServer(store, README_ENV);
const { text, examples } = await readmeExamples();
// Run in order (write examples change what later ones read), then splice the answers in from the end.
const answers: string[] = [];
for (const example of examples) answers.push(compactJson((await runExample(api, example)).body));
let out = text;
for (let i = examples.length - 1; i >= 0; i--) {
  const { answerStart, answerEnd } = examples[i]!;
  out = `${out.slice(0, answerStart)}${answers[i]}\n${out.slice(answerEnd)}`;
}
await writeFile(README, out);
await api.close();
console.log(`README.md: ${examples.length} answers written`);
