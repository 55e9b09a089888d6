import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '../../domain/errors.js';
import type { GraphStore } from '../../store/graph-store.js';
import { sendError } from '../http-errors.js';
import { charge, type TokenBuckets } from '../rate-limit.js';
import { recordOf } from '../request-log.js';
import { serveAsset } from '../web/static-asset.js';
import { projectRoot } from '../web/web-pages.js';
import { EDGES_CSV, NODES_CSV } from './csv.js';
import { parseExportFilter, type ExportFilter } from './export-filter.js';
import type { ExportFormat, FormatWriter } from './export-format.js';
import { planExport, type ExportWalk } from './export-walk.js';
import { GRAPHML } from './graphml.js';
import { CONTEXT_PATH, JSONLD } from './jsonld.js';
import { ClientGone, ResponseSink } from './response-sink.js';

/** Every export format, by path under /export. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [GRAPHML, NODES_CSV, EDGES_CSV, JSONLD];

/**
 * Rate-limit points an export costs, by size class (README "Exports"): the whole graph (with
 * or without kinds, types or asOf: the walk reads every entity) costs the default burst; a
 * neighbourhood `perDepth` for each hop of depth.
 */
export const EXPORT_COSTS = { graph: 50_000, neighbourhoodPerDepth: 2_000 } as const;

/** What an export with this filter costs. */
export function exportCost(filter: ExportFilter): number {
  return filter.around ? EXPORT_COSTS.neighbourhoodPerDepth * filter.around.depth : EXPORT_COSTS.graph;
}

/** HTTP statuses of the domain errors an export can meet before it starts writing. */
const STATUS: Partial<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  DB_UNAVAILABLE: 503,
  STORAGE_UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/** Writes each item of each page, waiting only when the sink flushed (so no more than its chunk of text is held beside the page). */
async function writeAll<T>(sink: ResponseSink, pages: AsyncIterable<T[]>, text: (item: T) => string) {
  for await (const page of pages)
    for (const item of page) {
      const flushed = sink.write(text(item));
      if (flushed) await flushed;
    }
}

async function write(sink: ResponseSink, writer: FormatWriter, walk: ExportWalk): Promise<void> {
  await sink.write(writer.begin());
  if (writer.entity) await writeAll(sink, walk.entities(), writer.entity);
  if (writer.relationship) await writeAll(sink, walk.relationships(), writer.relationship);
  await sink.write(writer.end());
  await sink.end();
}

export interface ExportOptions {
  store: GraphStore;
  logger: Logger;
  /** The rate-limit buckets (the middleware before took 1 point); none when the limit is off. */
  buckets?: TokenBuckets | undefined;
}

/**
 * GET handlers of one export format: reads the filter (400 BAD_USER_INPUT), charges its cost
 * (429 RATE_LIMITED), plans the walk (404 NOT_FOUND for an unknown `around`), then streams the
 * document from store pages. A failure before the first chunk is a GraphQL-shaped error; after
 * it, the connection is cut (the download is visibly incomplete) and the error logged.
 */
function exportHandler(format: ExportFormat, { store, logger, buckets }: ExportOptions) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    let filter: ExportFilter;
    try {
      filter = parseExportFilter(req.query);
    } catch (e) {
      if (e instanceof DomainError) return sendError(res, 400, e.code, e.message);
      throw e;
    }
    const cost = exportCost(filter);
    if (buckets && !charge(buckets, res, cost - 1, () => `This export costs ${cost}`)) return;
    const sink = new ResponseSink(res);
    try {
      const walk = await planExport(store, filter);
      if (!walk) return sendError(res, 404, 'NOT_FOUND', `No entity with id "${filter.around!.id}"`);
      const name = filter.around
        ? `${filter.around.id.replace(/[^a-z0-9-]/g, '-')}-${format.fileName}`
        : format.fileName;
      res.status(200);
      res.setHeader('content-type', format.contentType);
      res.setHeader('content-disposition', `attachment; filename="${name}"`);
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-content-type-options', 'nosniff');
      if (walk.truncated) res.setHeader('x-export-truncated', 'true');
      const contextUrl = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}${CONTEXT_PATH}`;
      await write(sink, format.writer({ contextUrl }), walk);
    } catch (e) {
      if (e instanceof ClientGone) return;
      if (res.headersSent) {
        logger.error({ err: e, requestId: recordOf(res).requestId }, 'export failed mid-stream');
        res.destroy();
        return;
      }
      for (const header of ['content-type', 'content-disposition', 'x-export-truncated']) res.removeHeader(header);
      const status = e instanceof DomainError ? STATUS[e.code] : undefined;
      if (e instanceof DomainError && status !== undefined) return sendError(res, status, e.code, e.message);
      next(e);
    }
  };
}

/** The export endpoints (mounted at /export): each format, and the JSON-LD context the JSON-LD export names. */
export function exportRouter(options: ExportOptions): Router {
  const router = express.Router();
  router.get(
    CONTEXT_PATH,
    serveAsset(
      { file: path.join(projectRoot(), 'src/server/export/context.jsonld') },
      { type: 'application/ld+json; charset=utf-8' },
    ),
  );
  for (const format of EXPORT_FORMATS) router.get(format.path, exportHandler(format, options));
  return router;
}
