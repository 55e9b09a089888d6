/**
 * Bytes saved by automatic persisted queries on the README's read examples (issue 16 item 8).
 * For each example: the request a client sends without APQ (a GET carrying the query, and the
 * JSON POST body), and the hash-only GET it sends once the query is registered. Each hash-only
 * GET is sent to a real server (embedded store, loopback) and its answer checked against the
 * full query's, so every row is a request that works. Usage: npm run bench:apq
 */
import { createHash } from 'node:crypto';
import { readmeExamples } from '../scripts/support/readme-examples.js';
import { startTestServer } from '../scripts/support/test-server.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';

const { examples } = await readmeExamples();
const reads = examples.filter((e) => !/^\s*mutation\b/.test(e.query) && !/^\s*subscription\b/.test(e.query));
const store = new MemoryStore();
const seed = await loadSeed();
await store.loadSeed(seed.entities, seed.relationships);
const api = await startTestServer(store);

const rows: { i: number; get: number; post: number; hashed: number }[] = [];
try {
  for (const [i, { query }] of reads.entries()) {
    const hash = createHash('sha256').update(query).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    const full = `/graphql?query=${encodeURIComponent(query)}`;
    const hashed = `/graphql?extensions=${encodeURIComponent(extensions)}`;
    const register = await fetch(`${api.url}${full}&extensions=${encodeURIComponent(extensions)}`);
    const expected = await register.text();
    const answer = await (await fetch(`${api.url}${hashed}`)).text();
    if (answer !== expected) throw new Error(`example ${i + 1}: the hash-only GET answered differently`);
    rows.push({
      i: i + 1,
      get: full.length,
      post: Buffer.byteLength(JSON.stringify({ query })),
      hashed: hashed.length,
    });
  }
} finally {
  await api.close();
}

const sum = (k: 'get' | 'post' | 'hashed') => rows.reduce((n, r) => n + r[k], 0);
console.log(
  '| README read example | GET with the query (URL bytes) | JSON POST (body bytes) | hash-only GET (URL bytes) |',
);
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.i} | ${r.get} | ${r.post} | ${r.hashed} |`);
console.log(`| all ${rows.length} | ${sum('get')} | ${sum('post')} | ${sum('hashed')} |`);
console.log(
  `saved per request: ${(100 * (1 - sum('hashed') / sum('get'))).toFixed(1)}% of the GET URL, ` +
    `${(100 * (1 - sum('hashed') / sum('post'))).toFixed(1)}% of the POST body`,
);
