/**
 * Domain errors: one base class with a stable `code`, small subclasses per case. The server's
 * one `formatError` maps them to GraphQL error codes and HTTP statuses and masks everything else.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'DB_UNAVAILABLE'
  | 'STORAGE_UNAVAILABLE'
  | 'TIMEOUT'
  | 'CONFLICT';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** The argument or field the error is about, when there is one. */
  readonly field?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    if (field !== undefined) this.field = field;
  }
}

/** The caller's input is invalid; `field` names the argument. */
export class BadInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
}

/** An id names nothing in the graph. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
}

/** A write without a credential, or with one that was not accepted. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
}

/** The caller is known but may not do this (or writes are switched off on this server). */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
}

/** Too many requests from one client; `retryAfterSeconds` says when to come back. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED' as const;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The database cannot be reached now; retrying later may succeed. */
export class UnavailableError extends DomainError {
  readonly code = 'DB_UNAVAILABLE' as const;
}

/**
 * The embedded store's disk refused a write (full, over a size limit, failing): nothing was
 * written and nothing changed; reads still work, and a retry after `retryAfterSeconds` may succeed.
 */
export class StorageUnavailableError extends DomainError {
  readonly code = 'STORAGE_UNAVAILABLE' as const;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * The write would overwrite something it was not based on: different content under an
 * existing relationship's id, or a stale `expectedVersion`. The message names the record.
 */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
}

/** The database did not answer in time. */
export class TimeoutError extends DomainError {
  readonly code = 'TIMEOUT' as const;
}

/** Thrown when a `switch` meant to be exhaustive meets a value its types rule out. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${String(value)}`);
  }
}
