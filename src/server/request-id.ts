import { randomUUID } from 'node:crypto';
import type { Request, Response, NextFunction } from 'express';

/** An incoming `x-request-id` is kept only when it is this sane (no spaces, no control characters, bounded). */
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request id of a response (set by {@link requestIdMiddleware}, which runs first). */
export function requestIdOf(res: Response): string {
  return (res.locals as { requestId?: string }).requestId ?? 'unknown';
}

/**
 * Gives every request a correlation id: the caller's `x-request-id` when it is sane, else a
 * fresh UUID. It is echoed in the `x-request-id` response header, logged, and put on every error.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.get('x-request-id');
  const id = incoming !== undefined && SANE_ID.test(incoming) ? incoming : randomUUID();
  (res.locals as { requestId?: string }).requestId = id;
  res.setHeader('x-request-id', id);
  next();
}
