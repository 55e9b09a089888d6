import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../src/domain/entity.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';

/** A real embedded store with one fault planted: asking for "boom" fails the way a driver might. */
class FaultyStore extends MemoryStore {
  override getEntities(ids: readonly string[]): Promise<(Entity | null)[]> {
    if (ids.includes('boom'))
      return Promise.reject(
        new Error('Neo.ClientError.Statement.SyntaxError: MATCH (n:Entity {id: $id}) secret'),
      );
    return super.getEntities(ids);
  }
}

describe('unexpected errors', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(new FaultyStore());
  });
  afterAll(() => api.close());

  it('are masked as INTERNAL with a correlation id: no message, stack or Cypher leaks', async () => {
    const res = await api.gql(`{ entity(id: "boom") { id } }`);
    const text = JSON.stringify(res.body);
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL' },
    });
    expect(res.body.errors?.[0]?.extensions?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(text).not.toMatch(/MATCH|secret|Neo\.|stack|at /);
  });

  it('keep their details only with DEBUG_ERRORS=true outside production', async () => {
    const debug = await startTestServer(new FaultyStore(), { DEBUG_ERRORS: 'true' });
    const prod = await startTestServer(new FaultyStore(), { DEBUG_ERRORS: 'true', NODE_ENV: 'production' });
    try {
      expect(JSON.stringify((await debug.gql(`{ entity(id: "boom") { id } }`)).body)).toMatch(/secret/);
      expect(JSON.stringify((await prod.gql(`{ entity(id: "boom") { id } }`)).body)).not.toMatch(/secret/);
    } finally {
      await debug.close();
      await prod.close();
    }
  });
});
