import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Caller } from '../domain/caller.js';
import type { GraphStore } from '../store/graph-store.js';
import { ChangeFeed } from '../schema/changes/change-feed.js';
import type { ChangesContext } from '../schema/changes/changes.resolver.js';
import type { Authenticate } from './auth.js';
import { checkOperation, type ChargeCost, type CostCheckLimits } from './cost-check.js';
import { integer } from './env.js';
import { createFormatError, type ErrorPolicyOptions } from './errors.js';
import { LimitError, tokenLimitError } from './limits.js';

/** Live changes' settings (README, "Live changes"). */
export interface SubscriptionsConfig {
  /** CHANGES_POLL_MS: how often an instance on Neo4j looks for other instances' writes. */
  pollMs: number;
  /** CHANGES_RETENTION: a resume replays at most the last this many changes. */
  retention: number;
  /** SUBSCRIPTIONS_PER_CONNECTION: open subscriptions one connection may hold. */
  perConnection: number;
  /** SUBSCRIPTION_QUEUE_MAX: changes a subscription may fall behind before its connection is closed. */
  queueMax: number;
}

/** CHANGES_POLL_MS, CHANGES_RETENTION, SUBSCRIPTIONS_PER_CONNECTION, SUBSCRIPTION_QUEUE_MAX. */
export function readSubscriptionsConfig(env: NodeJS.ProcessEnv): SubscriptionsConfig {
  return {
    pollMs: integer(env, 'CHANGES_POLL_MS', 500, 20, 60_000),
    retention: integer(env, 'CHANGES_RETENTION', 10_000, 1, 10_000_000),
    perConnection: integer(env, 'SUBSCRIPTIONS_PER_CONNECTION', 10, 1, 1000),
    queueMax: integer(env, 'SUBSCRIPTION_QUEUE_MAX', 1000, 1, 100_000),
  };
}

/**
 * Close codes of the /graphql WebSocket besides graphql-ws's own (4400 bad message, 4406 wrong
 * subprotocol, 4408 no connection_init in time, 4409 repeated id, 4429 repeated connection_init,
 * 4500 internal). README, "Live changes", lists them.
 */
export const CLOSE = {
  /** The credential in connectionParams (or the upgrade's Authorization header) was not accepted. */
  UNAUTHORIZED: 4401,
  /** A subscription fell more than SUBSCRIPTION_QUEUE_MAX changes behind, or the socket's send buffer passed MAX_BUFFERED_BYTES. */
  SLOW_CONSUMER: 4413,
  /** The server is shutting down (the standard "going away"). */
  GOING_AWAY: 1001,
} as const;

/** Bytes a connection's socket may hold unsent before it is closed as a slow consumer. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** A refused subscribe, with the code the same refusal gets over HTTP. */
const refusal = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/** What the connection learnt at `connection_init`. */
interface ConnectionState extends Record<PropertyKey, unknown> {
  caller?: Caller;
  /** The rate-limit client: `<method>:<id>` or `ip:<address>`. */
  client?: string;
}

/** The server side of live changes, attached to the HTTP server. */
export interface LiveChanges {
  feed: ChangeFeed;
  /** Serves graphql-ws on `server`'s upgrades to /graphql (other paths are refused). */
  attach(server: Server): void;
  /** Closes every connection (1001) and stops the feed. */
  close(): Promise<void>;
}

/** What {@link createLiveChanges} needs from the app. */
export interface LiveChangesOptions {
  schema: GraphQLSchema;
  store: GraphStore;
  config: SubscriptionsConfig;
  /** Whether other processes write to the store too (Neo4j): then the feed polls. */
  sharedStore: boolean;
  authenticate: Authenticate;
  /** The parse limit and validation rules HTTP operations get (limits.ts `limitProtections`). */
  protections: { parseOptions: { maxTokens: number }; validationRules: ValidationRule[] };
  /** The variable, cost and rate limits HTTP operations get (cost-check.ts). */
  limits: CostCheckLimits;
  /** Charges a subscribe's cost to its client's rate-limit bucket (none: no rate limit). */
  charge: ChargeCost | undefined;
  errorPolicy: ErrorPolicyOptions;
  maxPayload: number;
  logger: Logger;
}

/** The credential a client sent: connectionParams' `authorization` (any case), else the upgrade request's header. */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined, request: IncomingMessage) {
  const key = Object.keys(params ?? {}).find((k) => k.toLowerCase() === 'authorization');
  const value = key === undefined ? undefined : params![key];
  if (typeof value === 'string') return value;
  return request.headers.authorization;
}

/**
 * Live changes over graphql-ws at /graphql: who may connect (anyone who may read; a credential
 * sent must be valid), the same parse, validation, cost and rate limits as HTTP operations on
 * every subscribe, SUBSCRIPTIONS_PER_CONNECTION, and slow consumers closed with 4413.
 * Subscriptions only: queries and mutations go over HTTP.
 */
export function createLiveChanges(options: LiveChangesOptions): LiveChanges {
  const { schema, store, config, logger } = options;
  const feed = new ChangeFeed(store, {
    pollMs: options.sharedStore ? config.pollMs : null,
    retention: config.retention,
    queueMax: config.queueMax,
    onError: (err) => logger.warn({ err }, 'live changes: reading the change sequence failed'),
  });
  const formatError = createFormatError(options.errorPolicy);
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((e) => formatError(e.toJSON(), e));
  const rules = [...specifiedRules, ...options.protections.validationRules];
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
  const slow = (socket: WebSocket, why: string) => {
    logger.warn({ why }, 'live changes: slow consumer disconnected');
    socket.close(CLOSE.SLOW_CONSUMER, `slow consumer: ${why}`);
  };

  const server = useServer<Record<string, unknown>, ConnectionState>(
    {
      schema,
      isProd: !options.errorPolicy.debug,
      onConnect: async (ctx) => {
        const { caller, refusal } = await options.authenticate(
          authorizationOf(ctx.connectionParams, ctx.extra.request),
        );
        if (caller.kind === 'rejected') {
          logger.info({ refusal }, 'live changes: credential refused');
          ctx.extra.socket.close(CLOSE.UNAUTHORIZED, caller.reason);
          return false;
        }
        ctx.extra.caller = caller;
        ctx.extra.client =
          caller.kind === 'identified'
            ? `${caller.method}:${caller.id}`
            : `ip:${ctx.extra.request.socket.remoteAddress ?? 'unknown'}`;
        return true;
      },
      onSubscribe: (ctx, _id, payload: SubscribePayload) => {
        if (Object.keys(ctx.subscriptions).length > config.perConnection)
          return [
            new LimitError(
              `This connection holds ${config.perConnection} subscriptions (SUBSCRIPTIONS_PER_CONNECTION); complete one first.`,
              'TOO_MANY_SUBSCRIPTIONS',
            ),
          ];
        let document: DocumentNode;
        try {
          document = parse(payload.query, options.protections.parseOptions);
        } catch (error) {
          const message = (error as Error).message;
          return [tokenLimitError(message) ?? refusal(message, 'GRAPHQL_PARSE_FAILED')];
        }
        // Limit refusals carry their own code; the rest are validation failures, as over HTTP.
        const invalid = validate(schema, document, rules).map((e) =>
          e instanceof LimitError || e.originalError instanceof LimitError
            ? e
            : refusal(e.message, 'GRAPHQL_VALIDATION_FAILED'),
        );
        if (invalid.length > 0) return invalid;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [refusal('Unable to identify the operation to run.', 'BAD_REQUEST')];
        if (operation.operation !== OperationTypeNode.SUBSCRIPTION)
          return [
            refusal(
              `Only subscriptions are served over WebSocket; send ${operation.operation} operations over HTTP.`,
              'BAD_REQUEST',
            ),
          ];
        const variables = payload.variables ?? undefined;
        try {
          checkOperation(options.limits, options.charge, ctx.extra.client, {
            schema,
            document,
            operation,
            variables,
          });
        } catch (error) {
          return [error as LimitError];
        }
        const socket = ctx.extra.socket;
        const contextValue: ChangesContext = {
          changes: {
            subscribe: (filter, after) =>
              feed.subscribe({
                filter,
                ...(after !== undefined && { after }),
                onBehind: (behind) =>
                  slow(socket, `${behind} changes behind (SUBSCRIPTION_QUEUE_MAX ${config.queueMax})`),
              }),
          },
        };
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: variables ?? null,
          contextValue,
        };
      },
      onNext: (ctx, _id, _payload, _args, result) => {
        const socket = ctx.extra.socket;
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES)
          slow(socket, `${socket.bufferedAmount} bytes unsent (more than ${MAX_BUFFERED_BYTES})`);
        if (!result.errors) return;
        return { ...result, errors: format(result.errors) };
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
  );

  const refuse = (socket: Duplex) => {
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
  return {
    feed,
    attach(http) {
      http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        const path = (request.url ?? '').split('?')[0];
        if (path !== '/graphql') return refuse(socket);
        wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
      });
    },
    async close() {
      feed.close();
      await server.dispose();
    },
  };
}

/** `store` with `announce` called after every write and seed load that succeeded (the feed reads it at once). */
export function announcingWrites(store: GraphStore, announce: () => void): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop !== 'applyWrite' && prop !== 'loadSeed') return value;
      const write = value as (...args: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        const result = await write.apply(target, args);
        announce();
        return result;
      };
    },
  });
}
