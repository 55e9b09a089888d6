import 'reflect-metadata';
import { createServer } from 'node:http';
import { pino } from 'pino';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createStore } from './store-factory.js';

/** Starts the API; on a fault at start, prints one clear line and exits non-zero. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const store = await createStore(config, logger);
  const { app, apollo } = await createApp(store, config, logger);
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(`GraphQL API ready at http://${config.host}:${port}/graphql (${config.neo4j ? `Neo4j ${config.neo4j.uri}` : 'embedded store'})`);

  const shutdown = (signal: string) => {
    logger.info(`${signal}: finishing in-flight requests`);
    server.close(() => {
      void apollo
        .stop()
        .then(() => store.close())
        .finally(() => process.exit(0));
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
