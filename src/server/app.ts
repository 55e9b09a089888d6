import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { RequestListener } from 'node:http';
import cors from 'cors';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { ANONYMOUS } from '../domain/caller.js';
import { buildGraphSchema, buildSubgraphGraphSchema } from '../schema/build-schema.js';
import type { GraphStore } from '../store/graph-store.js';
import { httpCachePlugin } from './http-cache.js';
import { argumentNamesPlugin } from './argument-names.js';
import { createAuthenticator, writesEnabled } from './auth.js';
import type { Config } from './config.js';
import { enforceBudgets, executionBudgetPlugin } from './budget.js';
import { budgetedContext } from './deadline.js';
import { askedFieldsPlugin } from './asked-fields.js';
import { createFormatError, requestErrorsPlugin, type ServerContext } from './errors.js';
import { compiledExecution, type CompiledExecution, type ExecutionCounts } from './executor.js';
import { graphqlHandler } from './graphql-http.js';
import { graphqlLane, type LaneCounts } from './graphql-lane.js';
import { exportRouter } from './export/export-routes.js';
import { expressErrorHandler } from './http-errors.js';
import { limitProtections } from './limits.js';
import { KnownOperationTypes, SubscriptionsOverWebSocket } from './operation-types.js';
import { rateLimit, TokenBuckets } from './rate-limit.js';
import { createReadCache, type ReadCache } from './read-cache.js';
import { noteCaller, recordOf, requestLog } from './request-log.js';
import { announcingWrites, createLiveChanges, type LiveChanges } from './subscriptions.js';
import { mountWebPages } from './web/web-pages.js';

export interface App {
  app: Express;
  apollo: ApolloServer<ServerContext>;
  /** Live changes (graphql-ws): attach it to the HTTP server that serves `app`, close it on shutdown. */
  live: LiveChanges;
  /** What to serve over HTTP: `app` behind the /graphql lane (graphql-lane.ts), and behind the read cache's front door when READ_CACHE_ENTRIES turns it on. */
  handler: RequestListener;
  /** How many requests the /graphql lane answered without Express (graphql-lane.ts), and how many it handed to Express. */
  lane: LaneCounts;
  /** The read cache, when READ_CACHE_ENTRIES turns it on. */
  readCache?: ReadCache;
  /** How many operations ran compiled and how many with graphql-js, unless GRAPHQL_EXECUTOR=graphql-js. */
  executions?: ExecutionCounts;
}

/** Headers a cross-origin caller may send, and response headers it may read. */
const CORS_REQUEST_HEADERS = [
  'content-type',
  'authorization',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];
const CORS_EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'www-authenticate'];

/**
 * Apollo with the error policy and the limits; an operation's cost is charged to `buckets` when
 * given. Its landing page (Apollo Sandbox, from Apollo's CDN) is off: browsers go to our offline playground.
 */
async function createApollo(
  config: Config,
  logger: Logger,
  schema: GraphQLSchema,
  limits: ReturnType<typeof limitProtections>,
  execution: CompiledExecution | undefined,
): Promise<ApolloServer<ServerContext>> {
  const apollo = new ApolloServer<ServerContext>({
    // Queries run compiled by graphql-jit through Apollo's gateway hook (executor.ts), unless GRAPHQL_EXECUTOR=graphql-js.
    ...(execution ? { gateway: execution } : { schema }),
    formatError: createFormatError({ debug: config.debugErrors, fieldSuggestions: config.fieldSuggestions }),
    includeStacktraceInErrorResponses: config.debugErrors,
    introspection: config.introspection,
    // Off so that clients' default GET queries (urql, Apollo Client with useGETForQueries) work
    // without a preflight header. CSRF stays closed: Apollo runs no mutation over GET (405), and a
    // POST is read only as application/json, a type no cross-site form can send. See README, "Security".
    csrfPrevention: false,
    // main.ts owns SIGTERM (drain HTTP, then stop Apollo and the store); Apollo's own handler would re-raise the signal mid-drain.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    validationRules: [KnownOperationTypes, SubscriptionsOverWebSocket, ...limits.validationRules],
    parseOptions: limits.parseOptions,
    plugins: [
      executionBudgetPlugin(),
      argumentNamesPlugin<ServerContext>(),
      askedFieldsPlugin<ServerContext>(),
      httpCachePlugin<ServerContext>(config.httpCacheMaxAgeSeconds),
      requestErrorsPlugin(logger),
      ...(limits.plugins as ApolloServerPlugin<ServerContext>[]),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are set, and Apollo's default cache-control plugin wraps every field resolver to compute them.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo would trace every field of a subgraph's answers for a router that asks (ftv1): a cost per field, for usage reporting we do not configure.
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();
  return apollo;
}

/**
 * The HTTP application: `/graphql` (Apollo; subscriptions over WebSocket once `live` is attached
 * to the HTTP server), the exports under `/export` (README "Exports", charged to the same
 * rate-limit buckets) and `/health/live`, `/health/ready`. On /graphql, in
 * order: CORS allow-list, authentication (the caller decides the rate-limit client), per-client
 * rate limit, JSON body within the size limit, then Apollo (CSRF prevention, parse and
 * validation limits, the cost check and its charge to the client's bucket, the execution budget, the error policy). Every response carries `x-request-id` and is logged
 * once. The caller owns the store and the listening socket.
 */
export async function createApp(store: GraphStore, config: Config, logger: Logger): Promise<App> {
  const buckets =
    config.rateLimit.perMinute > 0
      ? new TokenBuckets(config.rateLimit.perMinute, config.rateLimit.burst)
      : undefined;
  // A federation subgraph's `_service { sdl }` is an ordinary field: it answers even with introspection off.
  const schema = enforceBudgets(
    config.federationEnabled ? await buildSubgraphGraphSchema() : await buildGraphSchema(),
  );
  // The rate-limit middleware took 1 already.
  const limits = limitProtections(
    config.limits,
    buckets && ((client, cost) => buckets.take(client, cost - 1)),
  );
  const execution = config.executor.kind === 'jit' ? compiledExecution(schema, config.executor) : undefined;
  const apollo = await createApollo(config, logger, schema, limits, execution);
  const authenticate = createAuthenticator(config.auth);
  const writes = writesEnabled(config.auth);
  const live = createLiveChanges({
    schema,
    store,
    config: config.subscriptions,
    sharedStore: config.neo4j !== null,
    authenticate,
    protections: limits,
    limits: config.limits,
    charge: buckets && ((client, cost) => buckets.take(client, cost)),
    errorPolicy: { debug: config.debugErrors, fieldSuggestions: config.fieldSuggestions },
    maxPayload: config.bodyLimit,
    logger,
  });
  // Read cache hook (README "Read cache"): off unless READ_CACHE_ENTRIES > 0.
  const readCache =
    config.readCache.entries > 0
      ? createReadCache({
          config: config.readCache,
          store,
          sharedStore: config.neo4j !== null,
          schema,
          parseOptions: limits.parseOptions,
          buckets,
          authenticate,
          logger,
          bodyLimit: config.bodyLimit,
          trustProxy: config.trustProxy,
        })
      : undefined;
  // Writes made here reach this process's subscribers (and read cache) at once (other instances' by polling).
  const announced = announcingWrites(store, () => {
    live.feed.poke();
    readCache?.written();
  });

  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy > 0) app.set('trust proxy', config.trustProxy);
  app.use(requestLog(logger));
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    const ready = await store.ping().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  const identify = (req: Request, res: Response, next: NextFunction) => {
    const record = recordOf(res);
    const checked = record.authentication;
    (checked ? Promise.resolve(checked) : authenticate(req.get('authorization'))).then((authentication) => {
      noteCaller(record, authentication);
      next();
    }, next);
  };
  if (config.playgroundEnabled) {
    // A person opening /graphql in a browser gets the offline playground; GraphQL GETs go on to Apollo.
    app.get('/graphql', (req, res, next) => {
      if (req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html')
        res.redirect(302, '/playground/');
      else next();
    });
  }
  const graphqlCors = cors({
    origin: config.corsOrigins,
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 600,
  });
  const graphql = graphqlHandler(apollo, (res) => {
    const record = recordOf(res);
    const { maxResultObjects: maxObjects, maxResponseBytes: maxBytes } = config.limits;
    return budgetedContext(
      announced,
      record,
      {
        deadline: record.startedAt + config.requestTimeoutMs,
        timeoutMs: config.requestTimeoutMs,
        maxObjects,
        maxBytes,
      },
      {
        caller: record.caller ?? ANONYMOUS,
        writesEnabled: writes,
        ingestMaxTextChars: config.ingestMaxTextChars,
      },
    );
  });
  app.use(
    '/graphql',
    graphqlCors,
    identify,
    ...(buckets ? [rateLimit(buckets)] : []),
    express.json({ limit: config.bodyLimit }),
    graphql,
  );
  app.use(
    '/export',
    cors({
      origin: config.corsOrigins,
      methods: ['GET'],
      exposedHeaders: [...CORS_EXPOSED_HEADERS, 'content-disposition', 'x-export-truncated'],
      maxAge: 600,
    }),
    identify,
    ...(buckets ? [rateLimit(buckets)] : []),
    exportRouter({ store, logger, buckets }),
  );
  mountWebPages(app, config);
  app.use(expressErrorHandler(logger, config.bodyLimit));
  // JSON POSTs to /graphql skip Express (graphql-lane.ts); the read cache, when on, is in front of both.
  const lane = graphqlLane({
    logger,
    authenticate,
    buckets,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    cors: graphqlCors,
    graphql,
  });
  const served = lane.listener(app);
  const handler = readCache ? readCache.frontDoor(served) : served;
  return {
    app,
    apollo,
    live,
    handler,
    lane: lane.counts,
    ...(readCache && { readCache }),
    ...(execution && { executions: execution.counts }),
  };
}
