/**
 * Domain errors: one base class with a stable `code`, small subclasses per case. The server's
 * one `formatError` maps them to GraphQL error codes and HTTP statuses and masks everything else.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'DB_UNAVAILABLE' | 'TIMEOUT' | 'CONFLICT';

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

/** The database cannot be reached now; retrying later may succeed. */
export class UnavailableError extends DomainError {
  readonly code = 'DB_UNAVAILABLE' as const;
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
