import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, loadSeed } from '../src/store/seed/seed-loader.js';
import { writeSeedFolder } from '../scripts/export-graph.js';
import { FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS } from './support/neo4j-fixture.js';
import { useNeo4jHarness } from './support/neo4j-harness.js';
import { put } from './support/writes.js';

/* `npm run export` from Neo4j: the seed format, read back as a seed. */

const h = useNeo4jHarness();

describe('export in seed format', () => {
  it('round-trips the seed: export, then read the export as a seed folder, gives the seed back', async () => {
    const seed = await loadSeed();
    await h.loadBoth(seed.entities, seed.relationships);
    const dir = await mkdtemp(path.join(tmpdir(), 'rare-earths-export-'));
    try {
      await writeSeedFolder(await h.store.exportAll(), dir, DEFAULT_SEED_DIR);
      const back = await loadSeed(dir);
      const sortedById = <T extends { id: string }>(xs: T[]) =>
        [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(sortedById(back.entities)).toStrictEqual(sortedById(seed.entities));
      expect(sortedById(back.relationships)).toStrictEqual(sortedById(seed.relationships));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('marks API-owned records with a comment and quotes dates', async () => {
    await h.loadBoth(FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS);
    await h.store.applyWrite(
      put({ entities: [{ ...FIXTURE_ENTITIES[3]!, name: 'China (edited)' }], relationships: [] }),
    );
    const dir = await mkdtemp(path.join(tmpdir(), 'rare-earths-export-'));
    try {
      await writeSeedFolder(await h.store.exportAll(), dir, DEFAULT_SEED_DIR);
      const countries = await readFile(path.join(dir, 'country.yaml'), 'utf8');
      expect(countries).toContain(
        '# origin: API (edited through the API; the seed never overwrites it)\n  - id: china\n',
      );
      expect(countries).toContain('validFrom: "2025-10-20"');
      expect(countries).toContain('aliases: [ US, USA, America ]');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
