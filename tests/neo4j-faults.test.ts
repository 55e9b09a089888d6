import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createNeo4jStore } from '../src/store/neo4j/index.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../scripts/support/local-neo4j.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';

const QUERY = `{ entity(id: "scott-bessent") { name } }`;

/**
 * Faults against a real Neo4j of this test's own (a fresh folder, a free port; never the shared
 * instance): the server is stopped under the API and started again.
 */
describe('Neo4j lost while serving, and unreachable at start', () => {
  const home = path.resolve('.neo4j', `faults-${process.pid}`);
  let neo4j: LocalNeo4j | undefined;
  let api: TestServer | undefined;
  let close: (() => Promise<void>) | undefined;

  afterAll(async () => {
    await api?.close();
    await close?.();
    await neo4j?.stop();
    await rm(home, { recursive: true, force: true });
  });

  it(
    'answers 503 DB_UNAVAILABLE within seconds while Neo4j is down, says not ready, and recovers by itself',
    { timeout: 240_000 },
    async () => {
      await rm(home, { recursive: true, force: true });
      neo4j = await startLocalNeo4j({ home });
      const store = await createNeo4jStore({ uri: neo4j.uri });
      close = () => store.close();
      const seed = await loadSeed();
      await store.loadSeed(seed.entities, seed.relationships);
      api = await startTestServer(store);
      expect((await api.data(QUERY)).entity.name).toBe('Scott Bessent');
      expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);

      await neo4j.stop();
      const started = Date.now();
      const down = await api.gql(QUERY);
      const took = Date.now() - started;
      expect(down.status).toBe(503);
      expect(down.body.errors?.[0]?.extensions?.code).toBe('DB_UNAVAILABLE');
      expect(JSON.stringify(down.body)).not.toMatch(/bolt|ServiceUnavailable|MATCH/);
      expect(took).toBeLessThan(10_000);
      expect((await fetch(`${api.url}/health/ready`)).status).toBe(503);

      neo4j = await startLocalNeo4j({ home, port: neo4j.port });
      let recovered = false;
      for (let i = 0; i < 30 && !recovered; i++) {
        const res = await api.gql(QUERY);
        recovered = res.status === 200 && res.body.data?.entity?.name === 'Scott Bessent';
        if (!recovered) await new Promise((r) => setTimeout(r, 1000));
      }
      expect(recovered).toBe(true);
      expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
    },
  );

  it('refuses to start with one clear line naming the URI when Neo4j is unreachable', async () => {
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    const run = promisify(execFile)(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', 'src/server/main.ts'],
      {
        env: { ...process.env, NEO4J_URI: uri, PORT: '0', NODE_ENV: 'test' },
      },
    );
    const failure = await run.then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    const lines = failure!.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^cannot start: .*${uri.replace(/[.]/g, '\\.')}`));
  });
});
