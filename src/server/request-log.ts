import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { ANONYMOUS, type Caller } from '../domain/caller.js';
import type { Authentication } from './auth.js';

/** What the server learns about one request as it goes; logged in one line when the response ends. */
export interface RequestRecord {
  /** Correlation id: in the `x-request-id` header, on every error, and in the log. */
  requestId: string;
  /** When the request arrived (epoch ms): the execution deadline counts from here. */
  startedAt: number;
  /** Who is calling: `<method>:<id>` for an identified caller, else `ip:<address>`. */
  client: string;
  /** Who the Authorization header says is calling (set on /graphql before the rate limit). */
  caller?: Caller;
  /** Why a presented credential was refused (the caller is told only "invalid token"). */
  authRefusal?: string;
  operationName?: string | null;
  /** Error codes of the response, in order. */
  errorCodes: string[];
  /** The credential's check, when the read cache's front door made it before handing the request to the app (which then does not make it again). */
  authentication?: Authentication;
  /** Whether the read cache (READ_CACHE_ENTRIES) answered the request or looked and missed; absent when it did not look. */
  readCache?: 'hit' | 'miss';
  /** Whether the request reached Apollo's request pipeline (whose plugin stamps its errors). */
  inPipeline?: boolean;
}

/** An incoming `x-request-id` is kept only when it is this sane (no spaces, no control characters, bounded). */
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The record of a request (created by {@link requestLog}, which runs first, or by the read cache's front door). */
export function recordOf(res: Response | ServerResponse): RequestRecord {
  const holder = res as { locals?: { record?: RequestRecord } };
  const locals = (holder.locals ??= Object.create(null) as { record?: RequestRecord });
  locals.record ??= { requestId: randomUUID(), startedAt: Date.now(), client: 'unknown', errorCodes: [] };
  return locals.record;
}

/**
 * Starts the record of a request on `res` (a plain node:http response too): its correlation id
 * (the caller's `x-request-id` when sane, else a fresh UUID, echoed in the `x-request-id`
 * header, unless `echoId` is false: then the caller sends it), its client `ip:<ip>`, and its log
 * line, written when the response ends: requestId, method, path, operationName, status, duration
 * in ms (from `started`, by default now), client, error codes, why a credential was refused, and
 * whether the read cache answered.
 */
export function startRecord(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  ip: string | undefined,
  { started = process.hrtime.bigint(), echoId = true }: { started?: bigint; echoId?: boolean } = {},
): RequestRecord {
  const incoming = req.headers['x-request-id'];
  const record = recordOf(res);
  if (typeof incoming === 'string' && SANE_ID.test(incoming)) record.requestId = incoming;
  record.client = clientOf(ANONYMOUS, ip);
  if (echoId) res.setHeader('x-request-id', record.requestId);
  res.once('close', () => {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const line = {
      requestId: record.requestId,
      method: req.method,
      path,
      operationName: record.operationName ?? null,
      status: res.statusCode,
      durationMs: Math.round(durationMs * 10) / 10,
      client: record.client,
      ...(record.errorCodes.length > 0 && { errorCodes: record.errorCodes }),
      ...(record.authRefusal !== undefined && { authRefusal: record.authRefusal }),
      ...(record.readCache !== undefined && { readCache: record.readCache }),
      ...(!res.writableFinished && { aborted: true }),
    };
    if (res.statusCode >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  });
  return record;
}

/** The client a rate limit charges: `<method>:<id>` for an identified caller, else `ip:<address>`. */
export function clientOf(caller: Caller, address: string | undefined): string {
  return caller.kind === 'identified' ? `${caller.method}:${caller.id}` : `ip:${address ?? 'unknown'}`;
}

/** Notes on the record who the credential's check says is calling (and, for an identified caller, the client a rate limit charges). */
export function noteCaller(record: RequestRecord, { caller, refusal }: Authentication): void {
  record.caller = caller;
  if (refusal !== undefined) record.authRefusal = refusal;
  if (caller.kind === 'identified') record.client = clientOf(caller, undefined);
}

/** Every request's record and log line ({@link startRecord}), first of the Express middleware. */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // req.path before routers rewrite it
    startRecord(logger, req, res, req.path, req.ip);
    next();
  };
}
