import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { sendError } from './http-errors.js';
import { recordOf } from './request-log.js';

/** Clients tracked before idle (full) buckets are swept. */
const SWEEP_AT = 10_000;

/**
 * Token buckets, one per client key, in memory: each holds up to `burst` tokens and refills
 * `perMinute` tokens a minute; a request takes as many as it costs. One process only (no sharing across replicas).
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

  /**
   * Takes `amount` tokens for `key`: 0 when granted, else the whole seconds to wait until they are
   * there. A bucket holding at least `min(amount, burst)` pays (it may go below zero, and refills
   * from there), so an amount above the burst is possible from a full bucket.
   */
  take(key: string, amount = 1): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= SWEEP_AT) this.sweep(now);
      this.buckets.set(key, bucket);
    }
    const needed = Math.min(amount, this.burst);
    if (bucket.tokens >= needed) {
      bucket.tokens -= amount;
      return 0;
    }
    return Math.max(1, Math.ceil((needed - bucket.tokens) / this.perMs / 1000));
  }

  /** Gives back `amount` tokens taken for `key` (a charge whose request then went elsewhere to be charged again). */
  refund(key: string, amount: number): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.burst, bucket.tokens + amount);
  }

  /** Forgets clients whose bucket has refilled: they are as good as new. */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets)
      if (b.tokens + (now - b.at) * this.perMs >= this.burst) this.buckets.delete(key);
  }
}

/**
 * Refuses requests from a client whose bucket is empty with 429, `Retry-After` and code
 * RATE_LIMITED, before the body is read; each request pays 1 here, and the rest of its cost once
 * the cost is known (`buckets.take(client, cost - 1)`, by the cost check). The client is the
 * record's (identified caller, else IP; set by the auth middleware that runs before).
 */
export function rateLimit(buckets: TokenBuckets) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    if (charge(buckets, res, 1, () => 'Too many requests')) next();
  };
}

/**
 * Takes `amount` tokens from the bucket of the response's client: true when granted; else
 * answers 429 RATE_LIMITED with `Retry-After` (the message is `refusal()` and when to retry) and
 * returns false.
 */
export function charge(
  buckets: TokenBuckets,
  res: ServerResponse,
  amount: number,
  refusal: () => string,
): boolean {
  const wait = buckets.take(recordOf(res).client, amount);
  if (wait === 0) return true;
  refuse(res, wait, refusal());
  return false;
}

/** Answers 429 RATE_LIMITED with `Retry-After: wait` (whole seconds) and `message` followed by when to retry. */
export function refuse(res: ServerResponse, wait: number, message: string): void {
  res.setHeader('retry-after', String(wait));
  sendError(res, 429, 'RATE_LIMITED', `${message}; retry after ${wait} s.`);
}
