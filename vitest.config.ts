import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships index.mjs and index.js; one copy only, or type-graphql's types are "from another realm".
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['reflect-metadata'],
    globalSetup: ['tests/global-setup.ts'],
    // Files share one Neo4j database and reset it: run them one after another.
    fileParallelism: false,
    // A hang guard, not a speed check: a first test may load the seed into a cold Neo4j on a busy 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
