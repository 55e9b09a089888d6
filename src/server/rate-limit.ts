import type { NextFunction, Request, Response } from 'express';
import { sendError } from './http-errors.js';
import { recordOf } from './request-log.js';

/** Clients tracked before idle (full) buckets are swept. */
const SWEEP_AT = 10_000;

/**
 * Token buckets, one per client key, in memory: each holds up to `burst` tokens and refills
 * `perMinute` tokens a minute; a request takes one. One process only (no sharing across replicas).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes a token for `key`: 0 when granted, else the whole seconds to wait for the next one. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= SWEEP_AT) this.sweep(now);
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Forgets clients whose bucket has refilled: they are as good as new. */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * this.perMs >= this.burst) this.buckets.delete(key);
  }
}

/**
 * Refuses requests beyond a client's rate with 429, `Retry-After` and code RATE_LIMITED. The
 * client is the record's (identified caller, else IP; set by the auth middleware that runs before).
 */
export function rateLimit(perMinute: number, burst: number) {
  const buckets = new TokenBuckets(perMinute, burst);
  return (_req: Request, res: Response, next: NextFunction): void => {
    const wait = buckets.take(recordOf(res).client);
    if (wait === 0) return next();
    res.setHeader('retry-after', String(wait));
    sendError(res, 429, 'RATE_LIMITED', `Too many requests; retry after ${wait} s.`);
  };
}
