import { once } from 'node:events';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { AS_EDITOR, bearer, signedJwt, WRITE_ENV } from '../scripts/support/credentials.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';
import { Journal } from '../src/store/memory/journal.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { createNeo4jStore, type Neo4jStore } from '../src/store/neo4j/index.js';
import { FIXTURE_ENTITIES, FIXTURE_RELATIONSHIPS } from './support/neo4j-fixture.js';
import { NEO4J_URI } from './support/neo4j-harness.js';
import { resetForTests } from './support/neo4j-reset.js';
import { startedServer, type ServerProcess } from './support/server-process.js';
import { withSeed } from './support/stores.js';

/*
 * Live changes (graphChanged over graphql-ws) against the real server with the real graphql-ws
 * client: on the embedded store, then two API instances sharing one real Neo4j, then a bounded
 * memory run with a slow consumer.
 */

const ENTRY = `id at actor action note sequence changes { targetId target before after }`;
const SUBSCRIBE = `subscription($after: SafeInt, $filter: GraphChangeFilter) {
  graphChanged(after: $after, filter: $filter) { sequence kind at gap { from to } entry { ${ENTRY} } }
}`;
const UPSERT = `mutation($id: ID!, $kind: EntityKind!, $name: String!, $description: String) {
  upsertEntity(input: { id: $id, kind: $kind, name: $name, description: $description }, note: "live test") {
    audit { ${ENTRY} }
  }
}`;
const LOCATED = `mutation($from: ID!, $to: ID!) {
  addRelationship(input: { type: LOCATED_IN, from: $from, to: $to, citations: [{ sourceId: "source-article", quote: "Washington has also sought to coordinate with allies" }] }, note: "where") {
    audit { sequence }
  }
}`;

const wsUrl = (api: TestServer) => `${api.url.replace(/^http/, 'ws')}/graphql`;

/** A graphql-ws client on `api` (no retries) and how its socket closed. */
function connect(api: TestServer, connectionParams?: Record<string, unknown>) {
  let closed!: (event: { code: number; reason: string }) => void;
  const closing = new Promise<{ code: number; reason: string }>((resolve) => (closed = resolve));
  const client = createClient({
    url: wsUrl(api),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    ...(connectionParams && { connectionParams }),
    on: { closed: (event) => closed(event as { code: number; reason: string }) },
  });
  return { client, closing };
}

type Result = { data?: { graphChanged: any } | null; errors?: { message: string; extensions?: any }[] };

/** One subscription's results as they arrive. */
class Stream {
  readonly results: Result[] = [];
  /** When each result arrived (epoch ms). */
  readonly arrivals: number[] = [];
  error: unknown;
  done = false;
  private readonly waiting = new Set<() => void>();
  readonly dispose: () => void;

  constructor(client: Client, variables: Record<string, unknown> = {}, query = SUBSCRIBE) {
    const changed = () => this.waiting.forEach((w) => w());
    this.dispose = client.subscribe<any>(
      { query, variables },
      {
        next: (r) => (this.results.push(r as Result), this.arrivals.push(Date.now()), changed()),
        error: (e) => ((this.error = e), changed()),
        complete: () => ((this.done = true), changed()),
      },
    );
  }

  /** The events (`data.graphChanged`) received. */
  get events(): any[] {
    return this.results.map((r) => r.data?.graphChanged);
  }

  /** Resolves once `ready` holds (checked on every result), failing after `ms`. */
  until(ready: (s: Stream) => boolean, ms = 15_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!ready(this)) return;
        this.waiting.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.delete(check);
        reject(
          new Error(`timed out with ${JSON.stringify(this.results).slice(0, 500)} ${String(this.error)}`),
        );
      }, ms);
      this.waiting.add(check);
      check();
    });
  }

  /** Resolves with the first `n` events. */
  async first(n: number): Promise<any[]> {
    await this.until((s) => s.results.length >= n || s.error !== undefined || s.done);
    return this.events.slice(0, n);
  }
}

const sequenceOf = async (api: TestServer): Promise<number> =>
  (await api.data<{ changeSequence: number }>('{ changeSequence }')).changeSequence;

const upsert = async (api: TestServer, id: string, kind = 'ORGANIZATION', description?: string) =>
  (
    await api.data<{ upsertEntity: { audit: any } }>(
      UPSERT,
      { id, kind, name: `Live ${id}`, ...(description !== undefined && { description }) },
      AS_EDITOR,
    )
  ).upsertEntity.audit;

describe('graphChanged on the embedded store', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(await withSeed(new MemoryStore()), {
      ...WRITE_ENV,
      CHANGES_RETENTION: '5',
      SUBSCRIPTIONS_PER_CONNECTION: '3',
    });
  });
  afterAll(() => api?.close());

  it('delivers a write made through the mutation API, with its audit entry and its number', async () => {
    const { client } = connect(api);
    const after = await sequenceOf(api);
    const stream = new Stream(client, { after });
    const audit = await upsert(api, 'live-one');
    const [event] = await stream.first(1);
    expect(audit.sequence).toBe(after + 1);
    expect(event).toStrictEqual({
      sequence: after + 1,
      kind: 'WRITE',
      at: audit.at,
      gap: null,
      entry: audit,
    });
    expect(event.entry).toMatchObject({
      action: 'UPSERT_ENTITY',
      actor: 'api-key:alice',
      note: 'live test',
      changes: [
        {
          targetId: 'live-one',
          target: 'ENTITY',
          before: null,
          after: { id: 'live-one', kind: 'ORGANIZATION', name: 'Live live-one', origin: 'API' },
        },
      ],
    });
    // A subscription without `after` starts at the next change.
    const live = new Stream(client);
    await new Promise((r) => setTimeout(r, 200));
    const next = await upsert(api, 'live-two');
    expect((await live.first(1)).map((e) => e.sequence)).toStrictEqual([next.sequence]);
    expect((await stream.first(2)).map((e) => e.sequence)).toStrictEqual([after + 1, after + 2]);
    await client.dispose();
  });

  it('filters by ids (a record or a relationship end), kinds and types', async () => {
    const { client } = connect(api);
    const after = await sequenceOf(api);
    const byId = new Stream(client, { after, filter: { ids: ['australia'] } });
    const byKind = new Stream(client, { after, filter: { kinds: ['PERSON'] } });
    const byType = new Stream(client, { after, filter: { types: ['LOCATED_IN'] } });
    const org = await upsert(api, 'filter-org');
    const person = await upsert(api, 'filter-person', 'PERSON');
    const located = (
      await api.data<{ addRelationship: { audit: { sequence: number } } }>(
        LOCATED,
        { from: 'filter-org', to: 'australia' },
        AS_EDITOR,
      )
    ).addRelationship.audit;
    const marker = await upsert(api, 'australia', 'COUNTRY');
    expect([org.sequence, person.sequence, located.sequence, marker.sequence]).toStrictEqual([
      after + 1,
      after + 2,
      after + 3,
      after + 4,
    ]);
    expect((await byId.first(2)).map((e) => e.sequence)).toStrictEqual([located.sequence, marker.sequence]);
    expect((await byKind.first(1)).map((e) => e.entry.changes[0].targetId)).toStrictEqual(['filter-person']);
    expect((await byType.first(1)).map((e) => e.entry.changes[0].targetId)).toStrictEqual([
      'located-in:filter-org:australia',
    ]);
    // Nothing else arrived for the kind and type filters once the last write was delivered to byId.
    expect([byKind.results.length, byType.results.length]).toStrictEqual([1, 1]);
    await client.dispose();
  });

  it('`after` replays what a client missed, in order, then goes on live', async () => {
    const after = await sequenceOf(api);
    const missed = [
      await upsert(api, 'missed-1'),
      await upsert(api, 'missed-2'),
      await upsert(api, 'missed-3'),
    ];
    const { client } = connect(api);
    const stream = new Stream(client, { after });
    expect((await stream.first(3)).map((e) => e.entry)).toStrictEqual(missed);
    const live = await upsert(api, 'after-replay');
    expect((await stream.first(4)).map((e) => e.sequence)).toStrictEqual([
      after + 1,
      after + 2,
      after + 3,
      live.sequence,
    ]);
    await client.dispose();
  });

  it('further back than CHANGES_RETENTION (5 here), a GAP event comes first, then the last 5 changes', async () => {
    for (let i = 0; i < 6; i++) await upsert(api, `gap-${i}`);
    const latest = await sequenceOf(api);
    const { client } = connect(api);
    const stream = new Stream(client, { after: 1 });
    const events = await stream.first(6);
    expect(events[0]).toStrictEqual({
      sequence: latest - 5,
      kind: 'GAP',
      at: null,
      entry: null,
      gap: { from: 2, to: latest - 5 },
    });
    expect(events.slice(1).map((e) => [e.kind, e.sequence])).toStrictEqual(
      [1, 2, 3, 4, 5].map((i) => ['WRITE', latest - 5 + i]),
    );
    // Within the retention: no gap.
    const recent = new Stream(client, { after: latest - 2 });
    expect((await recent.first(2)).map((e) => e.sequence)).toStrictEqual([latest - 1, latest]);
    await client.dispose();
  });

  it('refuses `after` past the latest change (a reset sequence) with BAD_USER_INPUT', async () => {
    const { client } = connect(api);
    const stream = new Stream(client, { after: (await sequenceOf(api)) + 100 });
    await stream.until((s) => s.results.length > 0 || s.error !== undefined);
    expect(stream.results[0]?.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    await client.dispose();
  });

  it('anyone who may read may subscribe; a credential that is not accepted closes the connection with 4401', async () => {
    const jwt = signedJwt({ sub: 'reader', role: 'viewer' });
    for (const params of [
      undefined,
      { authorization: bearer(jwt).headers.authorization },
      { Authorization: `Bearer ${'editor-key-for-tests-0123456789'}` },
    ]) {
      const { client } = connect(api, params);
      const stream = new Stream(client, { after: (await sequenceOf(api)) - 1 });
      expect(await stream.first(1)).toHaveLength(1);
      await client.dispose();
    }
    const refused = [
      [{ authorization: 'Bearer not-a-key-anyone-holds-0000000' }, 'invalid token'],
      [
        { authorization: `Bearer ${signedJwt({ sub: 'x' }, 'another-secret-of-at-least-32-bytes!!')}` },
        'invalid token',
      ],
      [{ authorization: 'Basic abc' }, 'the Authorization header must be "Bearer <token>"'],
    ] as const;
    for (const [params, reason] of refused) {
      const { closing } = connect(api, params);
      expect(await closing).toMatchObject({ code: 4401, reason });
    }
  });

  it('holds at most SUBSCRIPTIONS_PER_CONNECTION (3 here) subscriptions per connection', async () => {
    const { client } = connect(api);
    const after = await sequenceOf(api);
    const open = [
      new Stream(client, { after }),
      new Stream(client, { after }),
      new Stream(client, { after }),
    ];
    const fourth = new Stream(client, { after });
    await fourth.until((s) => s.error !== undefined);
    expect(fourth.error).toMatchObject([
      {
        message: 'This connection holds 3 subscriptions (SUBSCRIPTIONS_PER_CONNECTION); complete one first.',
        extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
      },
    ]);
    // Completing one frees its place; the three open ones are served all along.
    open[0]!.dispose();
    await new Promise((r) => setTimeout(r, 100));
    const fifth = new Stream(client, { after });
    const write = await upsert(api, 'per-connection');
    for (const s of [fifth, open[1]!, open[2]!])
      expect((await s.first(1)).map((e) => e.sequence)).toStrictEqual([write.sequence]);
    await client.dispose();
  });

  it('is served over WebSocket only: a subscription over HTTP and a query over WebSocket are refused', async () => {
    const http = await api.gql(SUBSCRIBE);
    expect(http.status).toBe(400);
    expect(http.body.errors?.[0]).toMatchObject({
      message:
        'Subscriptions are served over WebSocket at /graphql (graphql-ws protocol, subprotocol "graphql-transport-ws"), not over HTTP.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const { client } = connect(api);
    const query = new Stream(client, {}, '{ changeSequence }');
    await query.until((s) => s.error !== undefined);
    expect(query.error).toMatchObject([
      {
        message: 'Only subscriptions are served over WebSocket; send query operations over HTTP.',
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
    await client.dispose();
  });
});

describe("the README's live-changes example", () => {
  let api: TestServer;
  let store: MemoryStore;
  beforeAll(async () => {
    // A fresh `npm start`: the seed, then an empty journal.
    store = new MemoryStore(
      new Journal(path.join(await mkdtemp(path.join(tmpdir(), 'live-readme-')), 'j.jsonl')),
    );
    await withSeed(store);
    await store.open();
    api = await startTestServer(store, WRITE_ENV);
  });
  afterAll(async () => {
    await api?.close();
    await store?.close();
  });

  it('sends the event the README shows (its `at` aside) for the mutation it shows', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Live changes'), readme.indexOf('## In the browser'));
    const [subscription, mutation] = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const shown = JSON.parse(/```jsonc\n([\s\S]*?)```/.exec(section)![1]!) as Result;
    const { client } = connect(api, { authorization: AS_EDITOR.headers.authorization });
    const stream = new Stream(client, { after: 0 }, subscription);
    await api.data(mutation!, {}, AS_EDITOR);
    await stream.first(1);
    const [event] = stream.results;
    expect(event).toStrictEqual({
      data: { graphChanged: { ...shown.data!.graphChanged, at: event!.data!.graphChanged.at } },
    });
    await client.dispose();
  });
});

describe('graphChanged obeys the query limits', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(await withSeed(new MemoryStore()), {
      MAX_DEPTH: '4',
      MAX_COST: '50',
      MAX_ALIASES: '2',
    });
  });
  afterAll(() => api?.close());

  const refusal = async (query: string) => {
    const { client } = connect(api);
    const stream = new Stream(client, {}, query);
    await stream.until((s) => s.error !== undefined);
    await client.dispose();
    return (stream.error as { extensions: { code: string } }[]).map((e) => e.extensions.code);
  };

  it('refuses a subscription too deep, too costly or with too many aliases, as the same query would be', async () => {
    expect(
      await refusal(
        'subscription { graphChanged { ...deep } } fragment deep on GraphChange { entry { changes { targetId } } }',
      ),
    ).toStrictEqual(['QUERY_TOO_DEEP']);
    // 1 + (1 + (1 + entry.changes: 1 + 10 items x 5 fields)) = 54 > 50.
    expect(
      await refusal(
        'subscription { graphChanged { sequence entry { changes { id targetId target before after } } } }',
      ),
    ).toStrictEqual(['QUERY_TOO_COMPLEX']);
    expect(
      await refusal('subscription { graphChanged { a: sequence b: sequence c: sequence } }'),
    ).toStrictEqual(['TOO_MANY_ALIASES']);
    expect(await refusal('subscription { graphChanged { sequence nope } }')).toStrictEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    expect(await refusal('subscription { graphChanged {')).toStrictEqual(['GRAPHQL_PARSE_FAILED']);
    // Within the limits, the same connection works.
    const { client } = connect(api);
    const ok = new Stream(
      client,
      { after: 0 },
      'subscription($after: SafeInt) { graphChanged(after: $after) { sequence kind } }',
    );
    expect(await ok.first(1)).toStrictEqual([{ sequence: 1, kind: 'SEED' }]);
    await client.dispose();
  });
});

describe('graphChanged with two API instances on one Neo4j database', () => {
  let stores: Neo4jStore[] = [];
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    await resetForTests(NEO4J_URI);
    stores = [await createNeo4jStore({ uri: NEO4J_URI }), await createNeo4jStore({ uri: NEO4J_URI })];
    await stores[0]!.loadSeed(FIXTURE_ENTITIES, [...FIXTURE_RELATIONSHIPS]);
    const env = { ...WRITE_ENV, NEO4J_URI, CHANGES_POLL_MS: '500' };
    a = await startTestServer(stores[0]!, env);
    b = await startTestServer(stores[1]!, env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const s of stores) await s.close();
  });

  it('a write on one instance reaches a subscriber on the other within a second, in sequence order', async () => {
    const { client } = connect(b);
    const after = await sequenceOf(b);
    expect(after).toBe(1);
    const stream = new Stream(client, { after });
    const sent: { sequence: number; at: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const audit = await upsert(a, `two-instances-${i}`);
      sent.push({ sequence: audit.sequence, at: Date.now() });
      await new Promise((r) => setTimeout(r, 150));
    }
    // Writes on both instances at once: still delivered in number order, none missing.
    const both = await Promise.all([upsert(a, 'both-a'), upsert(b, 'both-b'), upsert(a, 'both-c')]);
    await stream.until((s) => s.results.length >= 8);
    expect(stream.events.map((e) => e.sequence)).toStrictEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(both.map((x) => x.sequence))).toStrictEqual(new Set([7, 8, 9]));
    expect(stream.events.map((e) => e.entry.changes[0].targetId).slice(0, 5)).toStrictEqual(
      [0, 1, 2, 3, 4].map((i) => `two-instances-${i}`),
    );
    // The lag: CHANGES_POLL_MS (500) plus a read; the README's bound is one second.
    const lags = sent.map((s, i) => stream.arrivals[i]! - s.at);
    expect(sent.map((s) => s.sequence)).toStrictEqual([2, 3, 4, 5, 6]);
    expect(Math.max(...lags)).toBeLessThan(1000);
    await client.dispose();
  });

  it('`after` replays from the shared database on either instance, and the audit trail agrees', async () => {
    for (const api of [a, b]) {
      const { client } = connect(api);
      const stream = new Stream(client, { after: 3 });
      const events = await stream.first(6);
      expect(events.map((e) => e.sequence)).toStrictEqual([4, 5, 6, 7, 8, 9]);
      expect(events[0].entry.changes[0].targetId).toBe('two-instances-2');
      await client.dispose();
    }
    // The trail is ordered by the time each request was stamped, so concurrent writes may come in
    // another order than their numbers (the order they committed in).
    const log = await a.data<{ auditLog: { nodes: { sequence: number }[] } }>(
      '{ auditLog(first: 3) { nodes { sequence } } }',
    );
    expect(log.auditLog.nodes.map((n) => n.sequence).sort()).toStrictEqual([7, 8, 9]);
  });
});

describe('graphChanged and shutdown', () => {
  it('SIGTERM closes open subscriptions with 1001 (going away) and the server exits 0', async () => {
    const server = await startedServer(await mkdtemp(path.join(tmpdir(), 'live-shutdown-')));
    const { client, closing } = connect({ url: server.url } as TestServer);
    const stream = new Stream(client, { after: 0 });
    await server.post(
      UPSERT,
      { id: 'before-shutdown', kind: 'ORGANIZATION', name: 'Before' },
      AS_EDITOR.headers,
    );
    expect((await stream.first(1)).map((e) => e.sequence)).toStrictEqual([1]);
    const exited = server.stop();
    expect(await closing).toMatchObject({ code: 1001, reason: 'Going away' });
    expect(await exited).toBe(0);
  });
});

describe('bounded memory: 200 subscribers and a consumer that stops reading', () => {
  /*
   * The server runs in its own process with its heap capped (--max-old-space-size): in-process,
   * heapUsed without a forced collection is mostly garbage not yet collected (10 to 110 MB from
   * run to run here), while a cap is a bound V8 enforces: a server that kept what the slow
   * consumer does not read (10 subscriptions x 2000 changes of ~4 KB: ~80 MB) would die of it.
   */
  const HEAP_MB = 96;
  const WRITES = 2000;
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startedServer(await mkdtemp(path.join(tmpdir(), 'live-memory-')), {
      env: { SUBSCRIPTION_QUEUE_MAX: '100' },
      nodeOptions: [`--max-old-space-size=${HEAP_MB}`],
    });
  });
  afterAll(() => server?.stop());

  const write = async (i: number) => {
    const res = await server.post(
      UPSERT,
      { id: `mem-${i % 40}`, kind: 'ORGANIZATION', name: 'Memory', description: String(i).padEnd(1900, 'x') },
      AS_EDITOR.headers,
    );
    expect(res.body.errors).toBeUndefined();
  };

  it('the slow consumer is closed with 4413; the server keeps within its heap cap and the others get every change, in order', async () => {
    const url = `${server.url.replace(/^http/, 'ws')}/graphql`;
    const after = (await server.post('{ changeSequence }')).body.data.changeSequence as number;
    const clients = Array.from({ length: 200 }, () =>
      createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 }),
    );
    // Each subscriber keeps a count and whether its numbers came consecutively: nothing that grows.
    const tallies = clients.map((client) => {
      const tally = { count: 0, last: after, inOrder: true, done: Promise.resolve() };
      tally.done = new Promise<void>((resolve, reject) => {
        client.subscribe<{ graphChanged: { sequence: number } }>(
          {
            query: 'subscription($after: SafeInt) { graphChanged(after: $after) { sequence } }',
            variables: { after },
          },
          {
            next: (r) => {
              const sequence = r.data!.graphChanged.sequence;
              tally.inOrder &&= sequence === tally.last + 1;
              tally.last = sequence;
              if (++tally.count === WRITES) resolve();
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      tally.done.catch(() => undefined); // awaited below; a failure fails the test there
      return tally;
    });
    // The slow consumer: a raw socket with ten subscriptions to whole entries, which then stops reading.
    const slow = new WebSocket(url, 'graphql-transport-ws');
    await once(slow, 'open');
    const acked = once(slow, 'message');
    slow.send(JSON.stringify({ type: 'connection_init' }));
    expect(JSON.parse(String((await acked)[0]))).toStrictEqual({ type: 'connection_ack' });
    for (let i = 0; i < 10; i++)
      slow.send(
        JSON.stringify({
          id: `slow-${i}`,
          type: 'subscribe',
          payload: { query: SUBSCRIBE, variables: { after } },
        }),
      );
    const closed = once(slow, 'close');
    slow.pause();

    // Forty entities rewritten in turn with long descriptions: each change holds ~4 KB (before and after).
    const cutOff = () => server.logs.some((l) => l.msg === 'live changes: slow consumer disconnected');
    let resumed = false;
    for (let i = 0; i < WRITES; i += 4) {
      await Promise.all([0, 1, 2, 3].map((j) => write(i + j)));
      // Read again once the server has closed it, to see the close frame behind what it had buffered
      // (the server gives up the closing handshake after 30 s, and the keep-alive after 24 s).
      if (!resumed && cutOff()) {
        slow.resume();
        resumed = true;
      }
    }
    await Promise.all(tallies.map((t) => t.done));
    expect(tallies.every((t) => t.count === WRITES && t.inOrder && t.last === after + WRITES)).toBe(true);

    expect(resumed).toBe(true);
    const [code, reason] = (await closed) as [number, Buffer];
    expect(code).toBe(4413);
    expect(String(reason)).toMatch(/^slow consumer: \d+ changes behind \(SUBSCRIPTION_QUEUE_MAX 100\)$/);
    // The server is alive and answers.
    expect((await server.post('{ changeSequence }')).body.data).toStrictEqual({
      changeSequence: after + WRITES,
    });
    expect(server.logs.some((l) => l.msg === 'live changes: slow consumer disconnected')).toBe(true);
    for (const c of clients) void c.dispose();
  });
});
