import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { UnavailableError } from '../../domain/errors.js';
import { authToken, checkUri, DRIVER_CONFIG, safeUri, TRANSACTION_TIMEOUT_MS, type Neo4jConfig } from './neo4j-config.js';
import { connectFailureReason, toDomainError } from './neo4j-errors.js';
import { PING } from './neo4j.queries.js';

/** A transaction as the store's code sees it: run a statement, get plain row objects. */
export interface Tx {
  rows(query: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

/** A unit of work: a write runs inside one managed transaction and may be retried, so it must be idempotent. */
export type Work<T> = (tx: Tx) => Promise<T>;

/** How long a read statement is retried on a transient failure (as the driver retries managed transactions). */
const READ_RETRY_MS = DRIVER_CONFIG.maxTransactionRetryTime ?? 2_000;

/** Options of the gateway that do not concern the connection. */
export interface GatewayOptions {
  /** Called once per statement sent to the database (one round trip each): for counting in tests and benchmarks. */
  onQuery?: ((query: string) => void) | undefined;
}

function wrap(tx: ManagedTransaction, onQuery: GatewayOptions['onQuery']): Tx {
  return {
    async rows(query, params = {}) {
      onQuery?.(query);
      const result = await tx.run(query, params);
      return result.records.map((r) => r.toObject() as Record<string, unknown>);
    },
  };
}

/**
 * The one class that touches the driver: one driver per store, a session per unit of work
 * (closed in `finally`), every statement bounded by a server-side timeout, and every driver
 * error mapped to a domain error here. Writes go through `executeWrite` (one transaction, all
 * or nothing; the driver retries transient failures for up to `maxTransactionRetryTime`).
 * Reads run each statement as an auto-commit transaction: one network round trip instead of two
 * (a managed transaction adds a COMMIT), and Neo4j reads are read-committed either way, so a
 * multi-statement read never had a snapshot to lose; a statement that fails transiently is sent
 * again for up to the same retry time.
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
      const failure = new UnavailableError(`Cannot connect to Neo4j at ${safeUri(config.uri)}: ${connectFailureReason(error, config.database)}`);
      Object.defineProperty(failure, 'cause', { value: error, enumerable: false });
      throw failure;
    }
    return new Neo4jGateway(driver, config.database, config.transactionTimeoutMs ?? TRANSACTION_TIMEOUT_MS, options);
  }

  /** Runs `work`'s statements as auto-commit reads in one session. */
  async read<T>(work: Work<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await work({ rows: (query, params = {}) => this.autoCommitRead(session, query, params) });
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** Runs `work` in a write transaction: all or nothing, within `timeoutMs` (default: the configured transaction timeout). */
  write<T>(work: Work<T>, timeoutMs?: number): Promise<T> {
    return this.run(work, timeoutMs);
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

  /** One read statement in its own auto-commit transaction, sent again while it fails transiently and the retry time lasts. */
  private async autoCommitRead(session: Session, query: string, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      this.options.onQuery?.(query);
      try {
        const result = await session.run(query, params, { timeout: this.transactionTimeoutMs });
        return result.records.map((r) => r.toObject() as Record<string, unknown>);
      } catch (error) {
        if (!Neo4jError.isRetryable(error) || Date.now() - started >= READ_RETRY_MS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * attempt, 500)));
      }
    }
  }

  private async run<T>(work: Work<T>, timeoutMs?: number): Promise<T> {
    const session = this.session('WRITE');
    const config = { timeout: timeoutMs ?? this.transactionTimeoutMs };
    try {
      return await session.executeWrite((tx) => work(wrap(tx, this.options.onQuery)), config);
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
