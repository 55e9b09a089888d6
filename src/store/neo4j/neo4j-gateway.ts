import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
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
 * `tx.run` without the driver capturing a stack trace for the result it creates (it builds an
 * Error and formats its stack on every statement, about a tenth of a lookup's CPU in Node). The
 * trace would only point into this file, and every driver error is mapped to a domain error here
 * anyway; the limit is restored before anything else runs (`tx.run` creates the result synchronously).
 */
function runWithoutTrace(tx: ManagedTransaction, query: string, params: Record<string, unknown>) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return tx.run(query, params);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function wrap(tx: ManagedTransaction, onQuery: GatewayOptions['onQuery']): Tx {
  return {
    async rows(query, params = {}) {
      onQuery?.(query);
      const result = await runWithoutTrace(tx, query, params);
      return result.records.map((r) => r.toObject() as Record<string, unknown>);
    },
  };
}

/**
 * The one class that touches the driver: one driver per store, a session per unit of work
 * (closed in `finally`), reads through `executeRead` and writes through `executeWrite` (the
 * driver retries transient failures for up to `maxTransactionRetryTime`), every transaction
 * bounded by a server-side timeout, and every driver error mapped to a domain error here.
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

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.database ? { database: this.database } : {}),
    });
  }
}
