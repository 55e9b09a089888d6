import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import {
  getOperationAST,
  OperationTypeNode,
  parse,
  print,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Logger } from 'pino';
import type { GraphStore } from '../store/graph-store.js';
import { canonicalJson } from '../store/records.js';
import type { Authenticate, Authentication } from './auth.js';
import { operationCost } from './cost.js';
import { integer } from './env.js';
import { isJsonPost, readBody, replayed } from './json-post.js';
import type { TokenBuckets } from './rate-limit.js';
import { clientOf, recordOf, startRecord } from './request-log.js';

/** The read cache's settings (README, "Read cache"). */
export interface ReadCacheConfig {
  /** READ_CACHE_ENTRIES: most answers held; 0 (the default) turns the cache off. */
  entries: number;
  /** READ_CACHE_MAX_BYTES: most bytes of answers (and their keys) held. */
  maxBytes: number;
  /** READ_CACHE_SEQUENCE_POLL_MS: on Neo4j, the longest an instance uses a change-sequence number it read before reading it again. */
  sequencePollMs: number;
}

/** READ_CACHE_ENTRIES, READ_CACHE_MAX_BYTES, READ_CACHE_SEQUENCE_POLL_MS. */
export function readReadCacheConfig(env: NodeJS.ProcessEnv): ReadCacheConfig {
  return {
    entries: integer(env, 'READ_CACHE_ENTRIES', 0, 0, 1_000_000),
    maxBytes: integer(env, 'READ_CACHE_MAX_BYTES', 64 * 2 ** 20, 1_000, 2 ** 40),
    sequencePollMs: integer(env, 'READ_CACHE_SEQUENCE_POLL_MS', 250, 1, 60_000),
  };
}

/**
 * A map bounded in entries and in bytes (each entry's size as `sizeOf` tells), dropping the least
 * recently used entries first (a Map keeps insertion order: a hit moves its entry to the end).
 */
export class LruCache<V> {
  private readonly map = new Map<string, { value: V; size: number }>();
  private held = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly sizeOf: (key: string, value: V) => number,
  ) {}

  get size(): number {
    return this.map.size;
  }

  get bytes(): number {
    return this.held;
  }

  get(key: string): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, entry);
    return entry.value;
  }

  /** Holds `value` under `key` (an entry larger than the byte bound alone is not held). */
  set(key: string, value: V): void {
    const size = this.sizeOf(key, value);
    this.delete(key);
    if (size > this.maxBytes || this.maxEntries === 0) return;
    this.map.set(key, { value, size });
    this.held += size;
    for (const [oldest, entry] of this.map) {
      if (this.map.size <= this.maxEntries && this.held <= this.maxBytes) break;
      this.map.delete(oldest);
      this.held -= entry.size;
    }
  }

  delete(key: string): void {
    const entry = this.map.get(key);
    if (entry === undefined) return;
    this.map.delete(key);
    this.held -= entry.size;
  }

  clear(): void {
    this.map.clear();
    this.held = 0;
  }
}

/**
 * The graph's change sequence (GraphStore.changeSequence: every write and seed load advances it,
 * the number subscriptions follow) as the cache reads it. With `maxAgeMs` null (the embedded
 * store, whose only writer is this process) it is read on every request: exact. Otherwise
 * (Neo4j, shared by other instances and `npm run seed`) a number read is used until `maxAgeMs`
 * after its read started, so a write elsewhere is seen at most `maxAgeMs` after it committed;
 * `written()` (a write made here) drops the number at once, so this instance reads its own writes.
 */
export class SequenceClock {
  private value = 0;
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<number> | null = null;
  private generation = 0;

  constructor(
    private readonly read: () => Promise<number>,
    private readonly maxAgeMs: number | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** The number to use now: synchronous while the last read is fresh enough. */
  current(): number | Promise<number> {
    if (this.maxAgeMs === null) return this.read();
    const now = this.now();
    if (now - this.readAt < this.maxAgeMs) return this.value;
    if (this.reading) return this.reading;
    const generation = this.generation;
    const reading = this.read().then(
      (value) => {
        // A write made here since this read began: the number may predate it; keep it for this read only.
        if (generation === this.generation) {
          this.value = value;
          this.readAt = now;
          this.reading = null;
        }
        return value;
      },
      (error: unknown) => {
        if (generation === this.generation) this.reading = null;
        throw error;
      },
    );
    this.reading = reading;
    return reading;
  }

  /** A write was made in this process: the next request reads the sequence anew. */
  written(): void {
    this.generation++;
    this.readAt = Number.NEGATIVE_INFINITY;
    this.reading = null;
  }
}

/** A cached answer: the response as sent, and what a hit needs to charge and log the request as a miss would. */
interface Answer {
  body: Buffer;
  /** The response's headers but the per-request ones (x-request-id, content-length), as name, value, name, value (writeHead's raw form). */
  headers: (string | number | readonly string[])[];
  /** The operation's cost with these variables (charged to the client's rate-limit bucket on a hit). */
  cost: number;
  operationName: string | null;
}

/** A document as the cache knows it: its parse and its normalised text. */
interface KnownDocument {
  document: DocumentNode;
  normalised: string;
}

/** A request body the cache serves: its document, operation and variables, and its part of the key. */
interface ParsedRequest {
  doc: KnownDocument;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  /** operationName, canonical variables and extensions, and the normalised document. */
  key: string;
}

/** What the cache holds, for the tests and the log. */
export interface ReadCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

export interface ReadCache {
  /** The HTTP handler in front of `app` (the Express application): answers hits, hands everything else to `app`. */
  frontDoor(app: RequestListener): RequestListener;
  /** A write was made in this process (its answers change at once). */
  written(): void;
  stats(): ReadCacheStats;
}

interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** What the cache needs from the app. */
export interface ReadCacheOptions {
  config: ReadCacheConfig;
  store: Pick<GraphStore, 'changeSequence'>;
  /** Whether other processes write to the store too (Neo4j): then the sequence is polled (see {@link SequenceClock}). */
  sharedStore: boolean;
  schema: GraphQLSchema;
  parseOptions: { maxTokens: number };
  /** The rate-limit buckets (none: no rate limit). */
  buckets: TokenBuckets | undefined;
  authenticate: Authenticate;
  logger: Logger;
  /** BODY_LIMIT_BYTES: larger bodies go to the app (which refuses them). */
  bodyLimit: number;
  /** TRUST_PROXY: with proxies, anonymous callers' client address is the app's to work out. */
  trustProxy: number;
}

const DAY_MS = 86_400_000;
/** Response headers that belong to one request, never replayed. */
const PER_REQUEST = new Set([
  'x-request-id',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'retry-after',
]);

/**
 * The opt-in read cache (READ_CACHE_ENTRIES > 0), in front of the Express application: whole
 * responses to query operations POSTed to /graphql as JSON and answered 200 without errors,
 * keyed by the normalised document (parsed and printed), operationName, the variables and
 * extensions (canonical JSON, keys sorted), the Accept and Origin headers (they pick the content
 * type and the CORS headers), the UTC day (queries default `asOf` to today) and the change
 * sequence. Every entry is dropped when the sequence moves; an answer computed under a sequence
 * that has moved on since is not kept.
 *
 * A hit does what the app's middleware would, without Express: the request is authenticated (a
 * refused credential goes to the app), charged the operation's cost to the client's rate-limit
 * bucket as a miss is (a client's allowance does not depend on what others warmed; a bucket that
 * cannot pay goes to the app, which refuses as usual), and logged with `readCache: "hit"`. Entries
 * are shared by the callers of one role (anonymous, or a credential's role): an answer may depend
 * on the role (only editors see proposals), never on who within it asks. Everything else (misses, GETs, other paths) goes to the app unchanged, the body read
 * already handed over to be read again.
 */
export function createReadCache(options: ReadCacheOptions): ReadCache {
  const { config, schema, buckets, logger } = options;
  const clock = new SequenceClock(
    () => options.store.changeSequence(),
    options.sharedStore ? config.sequencePollMs : null,
  );
  const answers = new LruCache<Answer>(
    config.entries,
    config.maxBytes,
    (key, answer) => key.length + answer.body.length,
  );
  // Raw document text to its parse (null: not a document the cache serves), and raw request body
  // to what the cache reads from it (null: not a request it serves); each bounded like the answers.
  const documents = new LruCache<KnownDocument | null>(
    config.entries,
    config.maxBytes,
    (key, known) => key.length + (known?.normalised.length ?? 0) * 4,
  );
  const requests = new LruCache<ParsedRequest | null>(
    config.entries,
    config.maxBytes,
    (key, request) => key.length + (request?.key.length ?? 0),
  );
  let epoch = -1;
  let hits = 0;
  let misses = 0;

  /** Every entry was answered under `sequence`; a new number drops them all. */
  const observe = (sequence: number) => {
    if (sequence === epoch) return;
    answers.clear();
    epoch = sequence;
  };

  const known = (text: string): KnownDocument | null => {
    let doc = documents.get(text);
    if (doc !== undefined) return doc;
    try {
      const document = parse(text, options.parseOptions);
      doc = { document, normalised: print(document) };
    } catch {
      doc = null; // the app refuses it
    }
    documents.set(text, doc);
    return doc;
  };

  /** On a miss: keeps the response the app sends if it answered 200 without errors and the sequence has not moved. */
  const keep = (
    res: ServerResponse,
    key: string,
    sequence: number,
    { doc, operation, variables }: ParsedRequest,
  ) => {
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      const [chunk] = args;
      const record = recordOf(res);
      record.readCache = 'miss';
      if (
        typeof chunk === 'string' &&
        res.statusCode === 200 &&
        record.inPipeline === true &&
        record.errorCodes.length === 0 &&
        sequence === epoch
      ) {
        answers.set(key, {
          body: Buffer.from(chunk),
          headers: Object.entries(res.getHeaders())
            .filter(([name]) => !PER_REQUEST.has(name))
            .flatMap(([name, value]) => [name, value!]),
          cost: operationCost(schema, doc.document, operation, variables),
          operationName: record.operationName ?? null,
        });
      }
      return end(...args);
    }) as ServerResponse['end'];
  };

  /** Charges a hit to the authenticated caller, then sends it; false (nothing charged, nothing sent) when the app must answer instead. */
  const serve = (
    req: IncomingMessage,
    res: ServerResponse,
    answer: Answer,
    started: bigint,
    { caller, refusal }: Awaited<ReturnType<Authenticate>>,
  ): boolean => {
    if (caller.kind !== 'identified' && options.trustProxy > 0) return false;
    const client = clientOf(caller, req.socket.remoteAddress);
    // What the rate-limit middleware (1) and the cost check (the rest) take.
    if (buckets && buckets.take(client, 1) !== 0) return false;
    if (buckets && buckets.take(client, answer.cost - 1) !== 0) {
      buckets.refund(client, 1);
      return false;
    }
    const record = startRecord(logger, req, res, '/graphql', req.socket.remoteAddress, {
      started,
      echoId: false,
    });
    record.client = client;
    record.caller = caller;
    if (refusal !== undefined) record.authRefusal = refusal;
    record.operationName = answer.operationName;
    record.readCache = 'hit';
    // One writeHead with every header (no header set before it: Node then takes the list as is).
    res.writeHead(200, [
      ...answer.headers,
      'x-request-id',
      record.requestId,
      'content-length',
      answer.body.length,
    ] as string[]);
    res.end(answer.body);
    hits++;
    return true;
  };

  /** A request body as the cache reads it: null when it is not a query operation the cache serves. */
  const readRequest = (text: string): ParsedRequest | null => {
    let body: GraphQLBody;
    try {
      body = JSON.parse(text) as GraphQLBody;
    } catch {
      return null;
    }
    if (body === null || typeof body !== 'object' || typeof body.query !== 'string') return null;
    const operationName = typeof body.operationName === 'string' ? body.operationName : null;
    const doc = known(body.query);
    const operation = doc && getOperationAST(doc.document, operationName);
    if (!doc || operation?.operation !== OperationTypeNode.QUERY) return null;
    const variables =
      body.variables && typeof body.variables === 'object'
        ? (body.variables as Record<string, unknown>)
        : undefined;
    const key = [
      operationName ?? '',
      canonicalJson(variables ?? {}),
      canonicalJson(body.extensions ?? null),
      doc.normalised,
    ].join('\n');
    return { doc, operation, variables, key };
  };

  /**
   * Per connection, the last Authorization header it sent and that header's check, reused while
   * the header repeats, for checks that cannot change while the process runs: anonymous, and API
   * keys (API_KEYS is fixed at start). A JWT (which expires) and a refusal are checked every time.
   * The comparison is with the header this same connection sent before, so it tells a caller
   * nothing about anyone else's credential.
   */
  const checked = new WeakMap<object, { header: string | undefined; auth: Authentication }>();
  const authenticated = (req: IncomingMessage): Authentication | Promise<Authentication> => {
    const header = req.headers.authorization;
    const last = checked.get(req.socket);
    if (last !== undefined && last.header === header) return last.auth;
    return options.authenticate(header).then((auth) => {
      const { caller } = auth;
      if (caller.kind === 'anonymous' || (caller.kind === 'identified' && caller.method === 'api-key'))
        checked.set(req.socket, { header, auth });
      return auth;
    });
  };

  /**
   * A request the app answers (its body read already), with its answer kept when it is one to
   * keep. Synchronous while the sequence number is fresh and the credential's check is known
   * (a hit then takes no promise at all).
   */
  const lookup = (
    req: IncomingMessage,
    res: ServerResponse,
    raw: Buffer,
    started: bigint,
    app: RequestListener,
  ): void | Promise<void> => {
    const toApp = () => app(replayed(req, raw), res);
    const text = raw.toString('utf8');
    let request = requests.get(text);
    if (request === undefined) requests.set(text, (request = readRequest(text)));
    if (request === null) return toApp();
    const parsed = request;
    const answerWith = (sequence: number, auth: Authentication) => {
      // The app's middleware reuses it if the request goes on there (a miss, a refused credential).
      recordOf(res).authentication = auth;
      if (auth.caller.kind === 'rejected') return toApp();
      // Some answers depend on the caller's role (editors see proposals): entries are kept per role.
      const role = auth.caller.kind === 'identified' ? `role:${auth.caller.role}` : 'anonymous';
      const key = `${sequence}\n${Math.floor(Date.now() / DAY_MS)}\n${role}\n${req.headers.accept ?? ''}\n${req.headers.origin ?? ''}\n${parsed.key}`;
      const answer = answers.get(key);
      if (answer && serve(req, res, answer, started, auth)) return;
      misses++;
      keep(res, key, sequence, parsed);
      toApp();
    };
    const withSequence = (sequence: number) => {
      observe(sequence);
      const auth = authenticated(req);
      return auth instanceof Promise ? auth.then((a) => answerWith(sequence, a)) : answerWith(sequence, auth);
    };
    const current = clock.current();
    // The sequence could not be read: the app answers (or reports the store's failure).
    return typeof current === 'number' ? withSequence(current) : current.then(withSequence, toApp);
  };

  const frontDoor =
    (app: RequestListener): RequestListener =>
    (req, res) => {
      if (!isJsonPost(req, '/graphql', options.bodyLimit)) return app(req, res);
      const started = process.hrtime.bigint();
      const failed = (error: unknown) => {
        logger.error({ err: error }, 'read cache: unexpected error');
        if (!res.headersSent) res.writeHead(500).end();
      };
      readBody(req, res, (raw) => {
        try {
          lookup(req, res, raw, started, app)?.catch(failed);
        } catch (error) {
          failed(error);
        }
      });
    };

  return {
    frontDoor,
    written: () => clock.written(),
    stats: () => ({ hits, misses, entries: answers.size, bytes: answers.bytes }),
  };
}
