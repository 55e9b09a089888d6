import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';

/** Where an asset's bytes come from: a file read once, or text produced once (README examples, introspection). */
export type AssetSource = { file: string } | { text: () => Promise<string> };

export interface AssetOptions {
  type: string;
  /** Third-party files whose version is pinned in package-lock: cached a day. Ours revalidate by ETag. */
  immutable?: boolean;
}

interface Loaded {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

/**
 * Serves one asset from memory: loaded and gzipped on the first request, then answered with an
 * ETag (304 on a match) and gzip when the client accepts it. A file that cannot be read fails
 * that request (500 through Express), never the process.
 */
export function serveAsset(source: AssetSource, options: AssetOptions): RequestHandler {
  let loaded: Promise<Loaded> | undefined;
  const load = async (): Promise<Loaded> => {
    const body = 'file' in source ? await readFile(source.file) : Buffer.from(await source.text(), 'utf8');
    return {
      body,
      gzip: gzipSync(body),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    };
  };
  return async (req: Request, res: Response) => {
    loaded ??= load().catch((e: unknown) => {
      loaded = undefined;
      throw e;
    });
    const asset = await loaded;
    res.setHeader('content-type', options.type);
    res.setHeader('cache-control', options.immutable ? 'public, max-age=86400' : 'no-cache');
    res.setHeader('etag', asset.etag);
    res.setHeader('vary', 'accept-encoding');
    if (req.headers['if-none-match'] === asset.etag) {
      res.status(304).end();
      return;
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (gzip) res.setHeader('content-encoding', 'gzip');
    res.end(gzip ? asset.gzip : asset.body);
  };
}
