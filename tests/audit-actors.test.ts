import { mkdtemp, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { describe, expect, inject, it } from 'vitest';
import { AS_EDITOR, bearer, signedJwt, WRITE_ENV } from '../scripts/support/credentials.js';
import { startTestServer } from '../scripts/support/test-server.js';
import { Journal } from '../src/store/memory/journal.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/*
 * Issue 12 item 4, on both stores: an API key and a JWT with the same name are different
 * actors in the audit trail, the actor filter tells them apart, and entries written before
 * methods were recorded still load, shown as `legacy:<id>`.
 */

const UPSERT = `mutation($id: ID!, $note: String!) { upsertEntity(input: { id: $id, kind: ORGANIZATION, name: "Actor Test" }, note: $note) { audit { actor actorMethod actorId actorIssuer } } }`;
const LOG = `query($actor: String) { auditLog(actor: $actor, first: 100) { totalCount nodes { note actor actorMethod actorId actorIssuer } } }`;
const ISSUER = 'https://issuer.example/a|b%';
const JWT_ALICE = bearer(signedJwt({ sub: 'alice', role: 'editor' }));
const JWT_ALICE_ISSUED = bearer(signedJwt({ sub: 'alice', role: 'editor', iss: ISSUER }));

/** An audit entry as a store wrote it before actors carried a method: the bare id as `actor`. */
const LEGACY = {
  id: '00000000-0000-4000-8000-000000000001',
  at: '2025-11-01T10:00:00.000Z',
  actor: 'alice',
  action: 'UPSERT_ENTITY',
  note: 'written before methods',
};

describe.each(STORE_FIXTURES)('audit actors on the $name store', (fixture) => {
  const ctx = useApi(fixture, WRITE_ENV);
  const log = async (actor?: string) =>
    (await ctx.api.data(LOG, actor === undefined ? {} : { actor })).auditLog;

  it('records the method: the API key alice and a JWT whose subject is alice are different actors', async () => {
    const byKey = (await ctx.api.data(UPSERT, { id: 'actor-key-org', note: 'by key' }, AS_EDITOR))
      .upsertEntity.audit;
    const byJwt = (await ctx.api.data(UPSERT, { id: 'actor-jwt-org', note: 'by jwt' }, JWT_ALICE))
      .upsertEntity.audit;
    const byIssued = (
      await ctx.api.data(UPSERT, { id: 'actor-iss-org', note: 'by issued jwt' }, JWT_ALICE_ISSUED)
    ).upsertEntity.audit;
    expect(byKey).toEqual({
      actor: 'api-key:alice',
      actorMethod: 'API_KEY',
      actorId: 'alice',
      actorIssuer: null,
    });
    expect(byJwt).toEqual({ actor: 'jwt:|alice', actorMethod: 'JWT', actorId: 'alice', actorIssuer: null });
    expect(byIssued).toEqual({
      actor: 'jwt:https://issuer.example/a%7Cb%25|alice',
      actorMethod: 'JWT',
      actorId: 'alice',
      actorIssuer: ISSUER,
    });
  });

  it('filters by the actor as shown, unambiguously, and refuses a bare id', async () => {
    expect((await log('api-key:alice')).nodes.map((n: { note: string }) => n.note)).toEqual(['by key']);
    expect((await log('jwt:|alice')).nodes.map((n: { note: string }) => n.note)).toEqual(['by jwt']);
    expect(
      (await log('jwt:https://issuer.example/a%7Cb%25|alice')).nodes.map((n: { note: string }) => n.note),
    ).toEqual(['by issued jwt']);
    expect((await log('legacy:alice')).totalCount).toBe(0);
    const bare = await ctx.api.gql(LOG, { actor: 'alice' });
    expect(bare.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actor' });
  });

  it('loads entries written before methods were recorded, as legacy:<id>, matched only by that key', async () => {
    await plantLegacyEntry(fixture.name, ctx);
    const all = await log();
    expect(all.totalCount).toBe(4);
    expect(all.nodes[3]).toEqual({
      note: 'written before methods',
      actor: 'legacy:alice',
      actorMethod: 'LEGACY',
      actorId: 'alice',
      actorIssuer: null,
    });
    expect((await log('legacy:alice')).nodes.map((n: { note: string }) => n.note)).toEqual([
      'written before methods',
    ]);
    expect((await log('api-key:alice')).totalCount).toBe(1);
  });
});

/** Plants {@link LEGACY} where the store keeps its trail: a Neo4j node with the old properties, or (embedded) a restart over a journal with an old line. */
async function plantLegacyEntry(storeName: string, ctx: ReturnType<typeof useApi>): Promise<void> {
  if (storeName === 'neo4j') {
    const driver = neo4j.driver(inject('neo4jUri'));
    try {
      await driver.executeQuery('CREATE (a:AuditEntry) SET a = $props', {
        props: { ...LEGACY, changes: '[]', targetIds: [] },
      });
    } finally {
      await driver.close();
    }
    return;
  }
  // The embedded store reads its trail from the journal at start: the test's in-memory store has
  // none, so replay this trail (plus an old line) into a journalled store and serve it instead.
  const dir = await mkdtemp(path.join(tmpdir(), 'audit-actors-'));
  const file = path.join(dir, 'journal.jsonl');
  const current = (await ctx.store.auditLog({ seek: { limit: 100, backward: false } })).items.reverse();
  const lines = [
    { entities: [], relationships: [], audit: { ...LEGACY, changes: [] } },
    ...current.map((audit) => ({ entities: [], relationships: [], audit })),
  ];
  await writeFile(
    file,
    lines
      .map(
        (batch) =>
          `${JSON.stringify({ sha256: createHash('sha256').update(JSON.stringify(batch)).digest('hex'), batch })}\n`,
      )
      .join(''),
  );
  const store = new MemoryStore(new Journal(file));
  const seed = await loadSeed();
  await store.loadSeed(seed.entities, seed.relationships);
  await store.open();
  await ctx.api.close();
  await ctx.store.close();
  ctx.store = store;
  ctx.api = await startTestServer(store, WRITE_ENV);
}
