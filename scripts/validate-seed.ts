/**
 * `npm run validate-seed [dir]`: checks the seed folder and prints every problem, or a summary.
 * Exit code 1 when the seed is invalid.
 */
import { loadSeed, SeedError } from '../src/store/seed/seed-loader.js';

const dir = process.argv[2];
try {
  const seed = await loadSeed(dir);
  const cited = seed.relationships.reduce((n, r) => n + r.citations.length, 0);
  console.log(
    `seed is valid: ${seed.entities.length} entities, ${seed.relationships.length} relationships, ${cited} citations`,
  );
} catch (e) {
  if (!(e instanceof SeedError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
