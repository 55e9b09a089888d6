import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { ANONYMOUS } from '../domain/caller.js';
import { buildGraphSchema } from '../schema/build-schema.js';
import { GraphService, type GraphContext } from '../schema/graph.service.js';
import type { GraphStore } from '../store/graph-store.js';
import type { Config } from './config.js';
import { createFormatError, httpStatusPlugin } from './errors.js';
import { mountWebPages } from './web/web-pages.js';

export interface App {
  app: Express;
  apollo: ApolloServer<GraphContext>;
}

/**
 * The HTTP application: `POST /graphql` (Apollo), `/health/live` and `/health/ready`. The
 * caller owns the store and the listening socket.
 */
export async function createApp(store: GraphStore, config: Config, logger: Logger): Promise<App> {
  const apollo = new ApolloServer<GraphContext>({
    schema: await buildGraphSchema(),
    formatError: createFormatError(logger, config.debugErrors),
    includeStacktraceInErrorResponses: config.debugErrors,
    introspection: !config.production,
    plugins: [httpStatusPlugin, config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ footer: false })],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    const ready = await store.ping().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, {
      context: () => Promise.resolve({ graph: new GraphService(store), caller: ANONYMOUS, writesEnabled: false, requestId: randomUUID() }),
    }),
  );
  mountWebPages(app, config);
  return { app, apollo };
}
