import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { createApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { GraphStore } from '../../src/store/graph-store.js';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  /** Response headers (lower-case names). */
  headers: Headers;
  body: {
    data?: T | null;
    errors?: {
      message: string;
      extensions?: {
        code?: string;
        field?: string;
        correlationId?: string;
        requestId?: string;
        [k: string]: unknown;
      };
    }[];
  };
}

/** Per-request options of {@link TestServer.gql}. */
export interface GqlOptions {
  /** Extra request headers, e.g. `{ authorization: 'Bearer …' }`. */
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  /** POSTs one GraphQL operation over HTTP and returns the status, headers and parsed body. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GqlResponse<T>>;
  /** Like gql, but fails the test on any error and returns `data`. */
  data<T = any>(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<T>;
  close(): Promise<void>;
}

/** Options of {@link startTestServer} beyond the environment. */
export interface TestServerOptions {
  /** The app's logger (default: silent), e.g. one writing to a stream the test reads. */
  logger?: Logger;
}

/**
 * Starts the real HTTP app on a free loopback port over `store` (production-like error masking),
 * with live changes (graphql-ws) at ws://.../graphql.
 * The rate limit is off unless `env` sets RATE_LIMIT_PER_MINUTE: suites send many requests from one address.
 * Queries run compiled (graphql-jit) from their first request unless `env` sets GRAPHQL_JIT_AFTER or
 * GRAPHQL_EXECUTOR: the suites then prove the compiled executor (tests/executor.test.ts compares it with graphql-js).
 */
export async function startTestServer(
  store: GraphStore,
  env: NodeJS.ProcessEnv = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const config = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0', GRAPHQL_JIT_AFTER: '0', ...env });
  const { handler, apollo, live } = await createApp(
    store,
    config,
    options.logger ?? pino({ level: 'silent' }),
  );
  const server: Server = createServer(handler);
  live.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    opts: GqlOptions = {},
  ): Promise<GqlResponse<T>> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...opts.headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse<T>['body'] };
  };
  return {
    url,
    gql,
    async data<T>(query: string, variables?: Record<string, unknown>, opts?: GqlOptions): Promise<T> {
      const res = await gql<T>(query, variables, opts);
      if (res.body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
      return res.body.data as T;
    },
    async close() {
      await live.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
