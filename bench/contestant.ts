import 'reflect-metadata';
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j, { type Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { createApp } from '../src/server/app.js';
import { hashApiKey } from '../src/server/auth.js';
import { loadConfig } from '../src/server/config.js';
import type { Entity } from '../src/domain/entity.js';
import type { Relationship } from '../src/domain/relationship.js';
import type { GraphStore } from '../src/store/graph-store.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { createNeo4jStore } from '../src/store/neo4j/index.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { BENCH_API_KEY, oursRequestBody, queryMix, SEED_PROBES, type QueryName } from './queries.js';
import { rawAnswer } from './raw-driver.js';
import { generateGraph } from './synthetic.js';

/*
 * One contestant as its own process (so its memory is its own and the load generator is not in
 * it), listening on a free loopback port, printing `ready <port> <json>` on stdout:
 *   ours-neo4j      this server (createApp) on the Neo4j store
 *   ours-embedded   this server on the embedded store, loaded with the same graph
 *   neo4j-graphql   an @neo4j/graphql server (Apollo 5 + Express 5) with equivalent type definitions
 *   raw             the raw neo4j-driver with hand-written Cypher (POST /raw {name, variables})
 *   ours-cached     this server on Neo4j with the read cache on (READ_CACHE_ENTRIES), and request
 *                   logging (to /dev/null), the rate limit (charged, never reached) and API-key auth on
 *   bare            the ceiling: a bare node:http server answering each bench request with the bytes
 *                   ours gives for it, computed once at start (ours on Neo4j, in this process, then stopped)
 * Each also answers GET /bench/stats: statements sent to Neo4j so far, and RSS.
 * Environment: NEO4J_URI; GRAPH ("seed" or a relationship count) and GRAPH_SEED for the embedded store;
 * GRAPHQL_EXECUTOR, when set, is passed to our servers (an A/B of graphql-jit against graphql-js).
 */

/** Type definitions of the @neo4j/graphql contestant: our storage model's labels, properties and relationship types. */
export const NEO4J_GRAPHQL_TYPE_DEFS = `#graphql
type Organization @node(labels: ["Organization", "Entity"]) {
  id: ID!
  name: String!
  kind: String!
  category: String
  sortKey: String
  searchKey: String
  facilities: [Facility!]! @relationship(type: "OPERATES", direction: OUT)
}
type Facility @node(labels: ["Facility", "Entity"]) {
  id: ID!
  name: String!
  status: String
  country: [Country!]! @relationship(type: "LOCATED_IN", direction: OUT)
  operators: [Organization!]! @relationship(type: "OPERATES", direction: IN)
}
type Country @node(labels: ["Country", "Entity"]) {
  id: ID!
  name: String!
}
`;

let statements = 0;
const count = () => {
  statements++;
};

/** A driver whose transactions count the statements they run (for @neo4j/graphql, whose driver use is its own). */
function countingDriver(driver: Driver): Driver {
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop !== 'session') return Reflect.get(target, prop, receiver) as unknown;
      return (...args: Parameters<Driver['session']>) => {
        const session = target.session(...args);
        const wrapTx = <T extends { run: (...a: any[]) => any }>(tx: T): T =>
          new Proxy(tx, {
            get: (t, p) =>
              p === 'run' ? (...a: any[]) => (count(), t.run(...a)) : (Reflect.get(t, p) as unknown),
          });
        return new Proxy(session, {
          get(s, p) {
            if (p === 'executeRead' || p === 'executeWrite')
              return (work: (tx: any) => any, cfg?: unknown) => s[p]((tx) => work(wrapTx(tx)), cfg as never);
            if (p === 'run') return (...a: any[]) => (count(), (s.run as (...x: any[]) => unknown)(...a));
            if (p === 'beginTransaction')
              return (...a: any[]) => wrapTx((s.beginTransaction as (...x: any[]) => any)(...a));
            const value = Reflect.get(s, p) as unknown;
            return typeof value === 'function' ? (value as (...x: unknown[]) => unknown).bind(s) : value;
          },
        });
      };
    },
  });
}

/** The embedded store loaded with the graph: load time (records already in memory), and the V8 heap it holds (after GC, records included). */
async function embeddedStore(
  graph: string,
  seed: number,
): Promise<{ store: GraphStore; info: Record<string, number> }> {
  global.gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let data: { entities: Entity[]; relationships: Relationship[] } | null =
    graph === 'seed' ? await loadSeed() : generateGraph(Number(graph), seed);
  const relationships = data.relationships.length;
  const started = performance.now();
  const store = new MemoryStore();
  await store.loadSeed(data.entities, data.relationships);
  const loadMs = performance.now() - started;
  data = null;
  global.gc?.();
  const storeHeapMb = (process.memoryUsage().heapUsed - baseline) / 2 ** 20;
  return {
    store,
    info: {
      relationships,
      loadMs: Math.round(loadMs),
      storeHeapMb: Math.round(storeHeapMb),
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    },
  };
}

/** Our servers' executor when the run sets GRAPHQL_EXECUTOR (else the default, graphql-jit). */
const executor = process.env.GRAPHQL_EXECUTOR ? { GRAPHQL_EXECUTOR: process.env.GRAPHQL_EXECUTOR } : {};

async function oursApp(store: GraphStore): Promise<RequestListener> {
  const { handler } = await createApp(
    store,
    loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', ...executor }),
    pino({ level: 'silent' }),
  );
  return handler;
}

/** Ours on Neo4j with the read cache, logging, limits and auth all on (the cached tier). */
async function oursCachedApp(uri: string): Promise<RequestListener> {
  const env = {
    ...executor,
    NODE_ENV: 'production',
    NEO4J_URI: uri,
    READ_CACHE_ENTRIES: '10000',
    RATE_LIMIT_PER_MINUTE: '1000000000',
    API_KEYS: `bench:${hashApiKey(BENCH_API_KEY)}`,
  };
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
  const { handler } = await createApp(
    await createNeo4jStore({ uri }, { onQuery: count }),
    loadConfig(env),
    logger,
  );
  return handler;
}

/** Ours' response body for every bench request of this graph's query mix, keyed by the request body. */
async function oursAnswers(uri: string, graph: string, seed: number): Promise<Map<string, Buffer>> {
  const probes = graph === 'seed' ? SEED_PROBES : generateGraph(Number(graph), seed).probes;
  const store = await createNeo4jStore({ uri });
  const server = createServer(await oursApp(store));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const answers = new Map<string, Buffer>();
  try {
    for (const q of queryMix(probes))
      for (const variables of q.variables) {
        const request = oursRequestBody(q, variables);
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: request,
        });
        answers.set(request, Buffer.from(await res.arrayBuffer()));
      }
  } finally {
    server.close();
    await store.close();
  }
  return answers;
}

/** The ceiling: the body is read, looked up, and the precomputed answer written; nothing else. */
function bareListener(answers: Map<string, Buffer>): RequestListener {
  return (req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const answer = answers.get(Buffer.concat(parts).toString('utf8'));
      if (!answer) return void res.writeHead(404).end();
      res
        .writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': answer.length,
        })
        .end(answer);
    });
  };
}

async function neo4jGraphqlApp(driver: Driver): Promise<express.Express> {
  const schema = await new Neo4jGraphQL({
    typeDefs: NEO4J_GRAPHQL_TYPE_DEFS,
    driver: countingDriver(driver),
  }).getSchema();
  const apollo = new ApolloServer({ schema, introspection: false });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: 100_000 }), expressMiddleware(apollo));
  return app;
}

function body(req: IncomingMessage): Promise<any> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(JSON.parse(Buffer.concat(parts).toString('utf8') || '{}')));
    req.on('error', reject);
  });
}

function rawListener(driver: Driver): RequestListener {
  const counted = countingDriver(driver);
  return (req, res) => {
    body(req)
      .then((b: { name: QueryName; variables: Record<string, unknown> }) =>
        rawAnswer(counted, b.name, b.variables),
      )
      .then((data) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
      })
      .catch((e: unknown) => {
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: String(e) }] }));
      });
  };
}

async function main(): Promise<void> {
  const kind = process.argv[2];
  const uri = process.env.NEO4J_URI ?? '';
  const info: Record<string, unknown> = { kind };
  let listener: RequestListener;
  if (kind === 'ours-neo4j') {
    listener = await oursApp(await createNeo4jStore({ uri }, { onQuery: count }));
  } else if (kind === 'ours-embedded') {
    const { store, info: loaded } = await embeddedStore(
      process.env.GRAPH ?? 'seed',
      Number(process.env.GRAPH_SEED ?? 1),
    );
    Object.assign(info, loaded);
    listener = await oursApp(store);
  } else if (kind === 'neo4j-graphql') {
    listener = await neo4jGraphqlApp(neo4j.driver(uri));
  } else if (kind === 'ours-cached') {
    listener = await oursCachedApp(uri);
  } else if (kind === 'bare') {
    const answers = await oursAnswers(uri, process.env.GRAPH ?? 'seed', Number(process.env.GRAPH_SEED ?? 1));
    info.answers = answers.size;
    listener = bareListener(answers);
  } else if (kind === 'raw') {
    listener = rawListener(neo4j.driver(uri, undefined, { disableLosslessIntegers: true }));
  } else {
    throw new Error(`unknown contestant ${kind}`);
  }
  const server = createServer((req, res) => {
    if (req.url === '/bench/stats') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ statements, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) }));
      return;
    }
    listener(req, res);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`ready ${(server.address() as AddressInfo).port} ${JSON.stringify(info)}\n`);
}

// A normal exit on SIGTERM, so `node --cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));

main().catch((e: unknown) => {
  process.stderr.write(`contestant failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
