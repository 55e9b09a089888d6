import net from 'node:net';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { BadInputError, TimeoutError, UnavailableError } from '../src/domain/errors.js';
import type { RelationType } from '../src/domain/model.js';
import { createNeo4jStore } from '../src/store/neo4j/index.js';
import { toDomainError } from '../src/store/neo4j/neo4j-errors.js';
import { entity } from './support/neo4j-fixture.js';
import { NEO4J_URI, useNeo4jHarness } from './support/neo4j-harness.js';
import {
  CREATE_TEST_MARKER,
  NotATestDatabaseError,
  resetForTests,
  runCypher,
} from './support/neo4j-reset.js';
import { put } from './support/writes.js';

/* The Neo4j adapter's availability and errors: unreachable, malformed, down, hanging; driver errors mapped. */

const h = useNeo4jHarness();

describe('availability and errors', () => {
  it('an unreachable server fails creation fast, with one error naming the URI', async () => {
    const started = Date.now();
    const error = await createNeo4jStore({ uri: 'bolt://127.0.0.1:1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toBe(
      'Cannot connect to Neo4j at bolt://127.0.0.1:1: no server answered (connection refused or timed out)',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a malformed URI is refused before connecting', async () => {
    await expect(createNeo4jStore({ uri: 'http://127.0.0.1:7474' })).rejects.toBeInstanceOf(BadInputError);
  });

  it('driver errors map to domain errors without the driver text', () => {
    const down = toDomainError(
      new Neo4jError(
        'connect ECONNREFUSED 127.0.0.1:7687',
        neo4j.error.SERVICE_UNAVAILABLE,
        '08000',
        'connection exception',
      ),
    );
    expect(down).toBeInstanceOf(UnavailableError);
    expect((down as Error).message).not.toMatch(/ECONNREFUSED/);
    const slow = toDomainError(
      new Neo4jError(
        'MATCH (n) ... timed out',
        'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
        '25N05',
        'timed out',
      ),
    );
    expect(slow).toBeInstanceOf(TimeoutError);
    expect((slow as Error).message).not.toMatch(/MATCH/);
    const bug = new Error('a bug');
    expect(toDomainError(bug)).toBe(bug);
    const syntax = toDomainError(
      new Neo4jError('Invalid input: MATCH (n', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax'),
    );
    expect(syntax).not.toBeInstanceOf(Neo4jError);
    expect((syntax as Error).message).toBe('Unexpected Neo4j error (Neo.ClientError.Statement.SyntaxError)');
  });

  it('ping answers true while the server is up', async () => {
    await h.connected();
    expect(await h.store.ping()).toBe(true);
  });

  it('resetForTests refuses a database without the test marker', async () => {
    await h.connected();
    await runCypher(NEO4J_URI, 'MATCH (m:RareEarthsGraphTestMarker) DELETE m');
    await h.store.applyWrite(
      put({ entities: [entity('someone-elses', 'PERSON', 'Not Ours')], relationships: [] }),
    );
    await expect(resetForTests(NEO4J_URI)).rejects.toBeInstanceOf(NotATestDatabaseError);
    expect(await h.store.getEntities(['someone-elses'])).not.toStrictEqual([null]);
    await runCypher(NEO4J_URI, CREATE_TEST_MARKER);
    await resetForTests(NEO4J_URI);
    expect(await h.store.stats()).toStrictEqual({ entities: 0, relationships: 0 });
  });

  it('only allow-listed relationship types reach Cypher', async () => {
    await h.connected();
    const bad = 'HOLDS_OFFICE]->() DETACH DELETE n //' as RelationType;
    const error = await h.store
      .relationshipsOf(['china'], { direction: 'OUT', types: [bad] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect({
      message: (error as BadInputError).message,
      field: (error as BadInputError).field,
    }).toStrictEqual({
      message: 'Unknown relationship type "HOLDS_OFFICE]->() DETACH DELETE n //"',
      field: 'types',
    });
  });
});

/** A TCP relay in front of the real server, to take the database "down" and bring it back. */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let mode: 'pass' | 'hang' = 'pass';
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (mode === 'hang') return;
    const upstream = net.connect(Number(target.port || 7687), target.hostname);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const cut = () => sockets.forEach((s) => s.destroy());
  return {
    uri: `bolt://127.0.0.1:${port}`,
    /** Refuse connections (server down). */
    down: () => new Promise<void>((resolve) => (cut(), server.close(() => resolve()))),
    /** Listen again, answering (`pass`) or accepting and never answering (`hang`). */
    up: (next: 'pass' | 'hang') => (
      (mode = next),
      cut(),
      new Promise<void>((resolve) =>
        server.listening ? resolve() : server.listen(port, '127.0.0.1', resolve),
      )
    ),
    close: () =>
      new Promise<void>((resolve) => (cut(), server.listening ? server.close(() => resolve()) : resolve())),
  };
}

describe('outages', () => {
  it('fails within seconds while the database is down or hangs, and resumes by itself when it is back', async () => {
    const proxy = await relay(new URL(NEO4J_URI.replace(/^[a-z+]+:/, 'http:')));
    const through = await createNeo4jStore({ uri: proxy.uri });
    const timed = async (call: () => Promise<unknown>) => {
      const started = Date.now();
      const outcome = await call().then(
        () => 'ok',
        (e: unknown) => e,
      );
      return { outcome, ms: Date.now() - started };
    };
    try {
      expect((await timed(() => through.stats())).outcome).toBe('ok');
      await proxy.down();
      const refused = await timed(() => through.getEntities(['china']));
      expect(refused.outcome).toBeInstanceOf(UnavailableError);
      expect(refused.ms).toBeLessThan(6_000);
      expect(await through.ping()).toBe(false);
      await proxy.up('hang');
      const hung = await timed(() => through.listEntities({ seek: { limit: 5, backward: false } }));
      expect(hung.outcome).toBeInstanceOf(UnavailableError);
      expect(hung.ms).toBeLessThan(10_000);
      // A lookup is an auto-commit read (Neo4jGateway.readEach), not a managed transaction: bounded too.
      const hungLookup = await timed(() => through.getEntities(['china']));
      expect(hungLookup.outcome).toBeInstanceOf(UnavailableError);
      expect(hungLookup.ms).toBeLessThan(10_000);
      await proxy.up('pass');
      expect((await timed(() => through.stats())).outcome).toBe('ok');
      expect(await through.ping()).toBe(true);
      console.info(
        `outage: refused -> ${refused.ms} ms, hanging -> ${hung.ms} ms (lookup ${hungLookup.ms} ms)`,
      );
    } finally {
      await through.close();
      await proxy.close();
    }
  }, 40_000);
});
