import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Authenticate, Authentication } from './auth.js';
import { sendError } from './http-errors.js';
import { isJsonPost, readBody, replayed } from './json-post.js';
import { refuse, type TokenBuckets } from './rate-limit.js';
import { clientOf, noteCaller, recordOf, startRecord } from './request-log.js';

/** A request handler in the Connect style (the `cors` package's), called on plain node:http objects. */
type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface GraphqlLaneOptions {
  logger: Logger;
  authenticate: Authenticate;
  /** The rate-limit buckets (none: no rate limit). */
  buckets: TokenBuckets | undefined;
  /** BODY_LIMIT_BYTES: larger bodies go to the app, which refuses them. */
  bodyLimit: number;
  /** TRUST_PROXY: behind proxies the client address is Express's to work out, so every request goes there. */
  trustProxy: number;
  /** The CORS middleware /graphql has in the app. */
  cors: Middleware;
  /** The app's /graphql handler (graphql-http.ts), given the parsed body on `req.body`. */
  graphql: (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => Promise<void>;
}

/** How many requests the lane answered itself and how many it handed to the app. */
export interface LaneCounts {
  direct: number;
  app: number;
}

export interface GraphqlLane {
  /** What to serve: the lane in front of `app`. */
  listener(app: RequestListener): RequestListener;
  counts: LaneCounts;
}

/** The body as the JSON body parser would give it (an object or array: strict mode), or undefined where it would refuse it. */
function parsedBody(raw: Buffer): object | undefined {
  try {
    const body: unknown = JSON.parse(raw.toString('utf8'));
    return typeof body === 'object' && body !== null ? body : undefined;
  } catch {
    return undefined;
  }
}

/**
 * /graphql without Express for the requests nearly every client sends: a JSON POST to exactly
 * `/graphql` within the body limit, whose body is a JSON object or array. It does what the app's
 * /graphql middleware does, with the same code (request record and log line, CORS, the
 * credential's check, one rate-limit point taken before the body is read, then Apollo through the
 * same handler), without Express's router, its request and response decoration, and the body
 * parser's content negotiation: about a fifth of the server's CPU on a small query
 * (bench/results/server-overhead.md, round nine). Everything else goes to the app untouched: other
 * paths and methods, GETs, other content types or encodings, a body that is not a JSON object or
 * array or not as long as declared (handed over with the body read already), and every request
 * when TRUST_PROXY is set. tests/graphql-lane.test.ts compares the two ways byte for byte.
 */
export function graphqlLane(options: GraphqlLaneOptions): GraphqlLane {
  const { logger, authenticate, buckets, bodyLimit, cors, graphql } = options;
  const counts: LaneCounts = { direct: 0, app: 0 };

  const unexpected = (res: ServerResponse) => (error: unknown) => {
    logger.error({ err: error, requestId: recordOf(res).requestId }, 'unexpected error');
    if (res.headersSent) res.destroy();
    else sendError(res, 500, 'INTERNAL', 'Internal server error');
  };

  /**
   * Answers as the app's /graphql middleware would from here on: the record and log line, CORS,
   * the caller on the record, then the rate limit's refusal (`wait` seconds) or Apollo.
   */
  const answer = (
    req: IncomingMessage & { body?: unknown },
    res: ServerResponse,
    started: bigint,
    authentication: Authentication,
    wait: number,
  ) => {
    const record = startRecord(logger, req, res, '/graphql', req.socket.remoteAddress, { started });
    cors(req, res, (error) => {
      if (error !== undefined) return unexpected(res)(error);
      noteCaller(record, authentication);
      if (wait > 0) return refuse(res, wait, 'Too many requests');
      graphql(req, res).catch(unexpected(res));
    });
  };

  const listener =
    (app: RequestListener): RequestListener =>
    (req, res) => {
      if (options.trustProxy > 0 || !isJsonPost(req, '/graphql', bodyLimit)) {
        counts.app++;
        return app(req, res);
      }
      const started = process.hrtime.bigint();
      // The read cache's front door may have checked the credential already.
      const record = recordOf(res);
      const checked = record.authentication;
      (checked ? Promise.resolve(checked) : authenticate(req.headers.authorization))
        .then((authentication) => {
          // Express's /graphql middleware reuses the check if the request goes there.
          record.authentication = authentication;
          // The rate limit's first point, taken before the body is read (an empty bucket is refused without reading it).
          const client = clientOf(authentication.caller, req.socket.remoteAddress);
          const wait = buckets ? buckets.take(client, 1) : 0;
          if (wait > 0) {
            counts.direct++;
            return answer(req, res, started, authentication, wait);
          }
          readBody(req, res, (raw) => {
            const body = raw.length === Number(req.headers['content-length']) ? parsedBody(raw) : undefined;
            if (body === undefined) {
              // Express takes the point again.
              buckets?.refund(client, 1);
              counts.app++;
              return app(replayed(req, raw), res);
            }
            counts.direct++;
            answer(Object.assign(req, { body }), res, started, authentication, 0);
          });
        })
        .catch(unexpected(res));
    };

  return { listener, counts };
}
