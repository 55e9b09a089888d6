import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { recordOf } from './request-log.js';

/**
 * Answers with a GraphQL-shaped error body (`{ errors: [{ message, extensions: { code,
 * correlationId } }] }`) for refusals made before GraphQL runs: body too large, bad JSON,
 * rate limited. Plain node:http (no ETag: no cache keeps a refusal), so that handlers in front of
 * Express (server/graphql-lane.ts) refuse with the same bytes.
 */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const record = recordOf(res);
  record.errorCodes.push(code);
  const body = JSON.stringify({
    errors: [{ message, extensions: { code, correlationId: record.requestId } }],
  });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** Express errors (from the body parser, or unexpected) as GraphQL-shaped responses; nothing internal is shown. */
export function expressErrorHandler(logger: Logger, bodyLimit: number) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    const type = (err as { type?: unknown } | null)?.type;
    if (type === 'entity.too.large')
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${bodyLimit} bytes.`);
    if (type === 'entity.parse.failed')
      return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    if (type === 'charset.unsupported' || type === 'encoding.unsupported')
      return sendError(res, 415, 'BAD_REQUEST', 'The request body encoding is not supported.');
    logger.error({ err, requestId: recordOf(res).requestId }, 'unexpected error');
    sendError(res, 500, 'INTERNAL', 'Internal server error');
  };
}
