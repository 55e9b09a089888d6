import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import { UnavailableError } from '../../domain/errors.js';
import {
  authToken,
  checkUri,
  DRIVER_CONFIG,
  safeUri,
  TRANSACTION_TIMEOUT_MS,
  type Neo4jConfig,
} from './neo4j-config.js';
import { connectFailureReason, toDomainError } from './neo4j-errors.js';
import { PING } from './graph.queries.js';
// Large records: the driver reads a message that came in several parts from one buffer.
import './bolt-messages.js';

/** A transaction as the store's code sees it: run a statement, get plain row objects. */
export interface Tx {
  rows(query: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

/** A unit of work run inside one managed transaction; it may be retried, so it must be idempotent. */
export type Work<T> = (tx: Tx) => Promise<T>;

/** Options of the gateway that do not concern the connection. */
export interface GatewayOptions {
  /** Called once per statement sent to the database (one round trip each): for counting in tests and benchmarks. */
  onQuery?: ((query: string) => void) | undefined;
}

/**
 * `run` without the driver capturing a stack trace for the result it creates (it builds an
 * Error and formats its stack on every statement, about a tenth of a lookup's CPU in Node). The
 * trace would only point into this file, and every driver error is mapped to a domain error here
 * anyway; the limit is restored before anything else runs (`run` creates the result synchronously).
 */
function runWithoutTrace(run: () => PromiseLike<QueryResult>): PromiseLike<QueryResult> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const toRows = (result: QueryResult) => result.records.map((r) => r.toObject() as Record<string, unknown>);

/** The driver's own retry schedule for managed transactions (transaction-executor.js), used for auto-commit reads. */
const RETRY_INITIAL_DELAY_MS = 1_000;
const RETRY_JITTER = 0.2;

function wrap(tx: ManagedTransaction, onQuery: GatewayOptions['onQuery']): Tx {
  return {
    async rows(query, params = {}) {
      onQuery?.(query);
      return toRows(await runWithoutTrace(() => tx.run(query, params)));
    },
  };
}

/**
 * The one class that touches the driver: one driver per store, a session per unit of work
 * (closed in `finally`), reads that must share a snapshot through `executeRead`, other reads as
 * auto-commit transactions (`readEach`), writes through `executeWrite` (transient failures are
 * retried for up to `maxTransactionRetryTime` in every case), every transaction bounded by a
 * server-side timeout, and every driver error mapped to a domain error here.
 */
export class Neo4jGateway {
  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly transactionTimeoutMs: number,
    private readonly options: GatewayOptions,
  ) {}

  /**
   * Opens the driver and checks the server answers; throws one DB_UNAVAILABLE error naming the
   * URI and the reason (without the driver's text) when it does not.
   */
  static async connect(config: Neo4jConfig, options: GatewayOptions = {}): Promise<Neo4jGateway> {
    checkUri(config.uri);
    const driver = neo4j.driver(config.uri, authToken(config), { ...DRIVER_CONFIG });
    try {
      await driver.verifyConnectivity(config.database ? { database: config.database } : {});
      // verifyConnectivity does not open the database: a missing one would only fail the first query.
      await driver.executeQuery(PING, {}, config.database ? { database: config.database } : {});
    } catch (error) {
      await driver.close().catch(() => undefined);
      const failure = new UnavailableError(
        `Cannot connect to Neo4j at ${safeUri(config.uri)}: ${connectFailureReason(error, config.database)}`,
      );
      Object.defineProperty(failure, 'cause', { value: error, enumerable: false });
      throw failure;
    }
    return new Neo4jGateway(
      driver,
      config.database,
      config.transactionTimeoutMs ?? TRANSACTION_TIMEOUT_MS,
      options,
    );
  }

  /** Runs `work` in a read transaction. */
  read<T>(work: Work<T>): Promise<T> {
    return this.run('READ', work);
  }

  /**
   * Runs `work` with each statement in its own auto-commit read transaction: one round trip
   * (RUN and PULL) instead of a managed transaction's BEGIN and RUN, then COMMIT. For work whose
   * statements need not share one snapshot: a single statement, or independent reads by id.
   * Measured on a lookup (`bench/profile-lookup.ts`, 4,000 statements 8 at a time): about 40%
   * less CPU in Neo4j and in this process than the same statement in `read`. A statement is
   * retried on transient failures on the driver's schedule for managed transactions, within its
   * `maxTransactionRetryTime` (reads are idempotent).
   */
  readEach<T>(work: Work<T>): Promise<T> {
    return work({ rows: (query, params = {}) => this.autoCommitRead(query, params) });
  }

  /** Runs `work` in a write transaction: all or nothing, within `timeoutMs` (default: the configured transaction timeout). */
  write<T>(work: Work<T>, timeoutMs?: number): Promise<T> {
    return this.run('WRITE', work, timeoutMs);
  }

  /** Runs a schema statement in its own auto-commit transaction (schema and data never share one). */
  async schema(statement: string): Promise<void> {
    const session = this.session('WRITE');
    try {
      await session.run(statement);
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: Work<T>, timeoutMs?: number): Promise<T> {
    const session = this.session(mode);
    const config = { timeout: timeoutMs ?? this.transactionTimeoutMs };
    try {
      return mode === 'READ'
        ? await session.executeRead((tx) => work(wrap(tx, this.options.onQuery)), config)
        : await session.executeWrite((tx) => work(wrap(tx, this.options.onQuery)), config);
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private async autoCommitRead(
    query: string,
    params: Record<string, unknown>,
  ): Promise<Record<string, unknown>[]> {
    this.options.onQuery?.(query);
    const config = { timeout: this.transactionTimeoutMs };
    const started = Date.now();
    for (let delay = RETRY_INITIAL_DELAY_MS; ; delay *= 2) {
      const session = this.session('READ');
      let failure: unknown;
      try {
        return toRows(await runWithoutTrace(() => session.run(query, params, config)));
      } catch (error) {
        failure = error;
      } finally {
        await session.close().catch(() => undefined);
      }
      const wait = delay * (1 - RETRY_JITTER + 2 * RETRY_JITTER * Math.random());
      const budget = DRIVER_CONFIG.maxTransactionRetryTime ?? 0;
      if (!neo4j.isRetryableError(failure) || Date.now() - started + wait > budget)
        throw toDomainError(failure);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.database ? { database: this.database } : {}),
    });
  }
}
