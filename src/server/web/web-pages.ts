import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Router } from 'express';
import { buildSchema, introspectionFromSchema } from 'graphql';
import type { Config } from '../config.js';
import { readmeOperations } from './readme-operations.js';
import { serveAsset, type AssetOptions, type AssetSource } from './static-asset.js';

/** The project root: the nearest folder above this module holding package.json (src/ in dev, dist/src/ when built). */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('web pages: no package.json above src/server/web');
    dir = up;
  }
  return dir;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL = 'application/graphql; charset=utf-8';

/** Only our own origin: every script, style and request of these pages is served by us (they work offline). */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

type Assets = Record<string, [AssetSource, AssetOptions]>;

function router(assets: Assets): Router {
  const r = express.Router({ strict: false });
  r.use((_req, res, next) => {
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    next();
  });
  for (const [route, [source, options]] of Object.entries(assets)) {
    if ('file' in source && !existsSync(source.file))
      throw new Error(`web pages: missing asset ${source.file} (run npm ci; or switch the page off)`);
    r.get(route, serveAsset(source, options));
  }
  return r;
}

const TYPES: Record<string, string> = { '.js': JS, '.css': CSS, '.html': HTML };

/** Every file of an assets folder by name (index.html also at the folder's root). */
function ownAssets(dir: string): Assets {
  if (!existsSync(dir))
    throw new Error(`web pages: missing asset folder ${dir} (switch the page off, or ship the folder)`);
  const assets: Assets = {};
  for (const name of readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (type) assets[name === 'index.html' ? '/' : `/${name}`] = [{ file: path.join(dir, name) }, { type }];
  }
  return assets;
}

function explorerAssets(root: string): Assets {
  return {
    ...ownAssets(path.join(root, 'src/server/web/assets/explorer')),
    '/operations.graphql': [{ file: path.join(root, 'examples/explorer.graphql') }, { type: GRAPHQL }],
    '/vendor/cytoscape.esm.min.mjs': [
      { file: path.join(root, 'node_modules/cytoscape/dist/cytoscape.esm.min.mjs') },
      { type: JS, immutable: true },
    ],
  };
}

function playgroundAssets(root: string): Assets {
  const modules = (p: string) => path.join(root, 'node_modules', p);
  return {
    ...ownAssets(path.join(root, 'src/server/web/assets/playground')),
    '/examples.json': [
      {
        text: async () =>
          JSON.stringify(readmeOperations(await readFile(path.join(root, 'README.md'), 'utf8'))),
      },
      { type: JSON_TYPE },
    ],
    // GraphiQL reads the schema from the checked-in SDL, so docs and completion work where introspection is off (production).
    '/schema.json': [
      {
        text: async () =>
          JSON.stringify(
            introspectionFromSchema(
              buildSchema(await readFile(path.join(root, 'schema/schema.graphql'), 'utf8')),
            ),
          ),
      },
      { type: JSON_TYPE },
    ],
    '/vendor/react.production.min.js': [
      { file: modules('react/umd/react.production.min.js') },
      { type: JS, immutable: true },
    ],
    '/vendor/react-dom.production.min.js': [
      { file: modules('react-dom/umd/react-dom.production.min.js') },
      { type: JS, immutable: true },
    ],
    '/vendor/graphiql.min.js': [{ file: modules('graphiql/graphiql.min.js') }, { type: JS, immutable: true }],
    '/vendor/graphiql.min.css': [
      { file: modules('graphiql/graphiql.min.css') },
      { type: CSS, immutable: true },
    ],
  };
}

/**
 * Mounts the explorer (`/explorer`) and the offline GraphQL IDE (`/playground`) when the
 * configuration enables them. Both are static pages that talk to `/graphql` only through the
 * public schema. Throws at start when an enabled page's files are missing.
 */
export function mountWebPages(
  app: Express,
  config: Pick<Config, 'explorerEnabled' | 'playgroundEnabled'>,
): void {
  const root = projectRoot();
  if (config.explorerEnabled) app.use('/explorer', router(explorerAssets(root)));
  if (config.playgroundEnabled) app.use('/playground', router(playgroundAssets(root)));
}
