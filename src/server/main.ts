import 'reflect-metadata';
import { createServer } from 'node:http';
import { pino } from 'pino';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createStore } from './store-factory.js';

/** Longest wait for a request's headers (slow-loris guard); never above the request timeout. */
const HEADERS_TIMEOUT_MS = 10_000;

/** Starts the API; on a fault at start, prints one clear line and exits non-zero. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const store = await createStore(config, logger);
  const { handler, apollo, live } = await createApp(store, config, logger);
  const server = createServer(
    {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, config.requestTimeoutMs),
    },
    handler,
  );
  live.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { port },
    `GraphQL API ready at http://${config.host}:${port}/graphql (${config.neo4j ? `Neo4j ${config.neo4j.uri}` : 'embedded store'})`,
  );

  // In-flight requests finish (up to SHUTDOWN_TIMEOUT_MS); new connections are refused and
  // WebSocket connections are closed (1001, going away); then Apollo and the store close and the
  // process exits 0.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('shutdown timeout: closing remaining connections');
      server.closeAllConnections();
    }, config.shutdownTimeoutMs);
    void live.close().catch((e: unknown) => logger.error({ err: e }, 'error while closing WebSockets'));
    server.close(() => {
      clearTimeout(force);
      void apollo
        .stop()
        .then(() => store.close())
        .catch((e: unknown) => logger.error({ err: e }, 'error while shutting down'))
        .finally(() => {
          logger.info('stopped');
          logger.flush();
          process.exit(0);
        });
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`cannot start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
