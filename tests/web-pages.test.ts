import { readFile } from 'node:fs/promises';
import { buildClientSchema, buildSchema, Kind, parse, validate, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/server/config.js';
import type { GraphStore } from '../src/store/graph-store.js';
import { memoryFixture } from './support/stores.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';

const schema = buildSchema(await readFile('schema/schema.graphql', 'utf8'));

/** Every file the explorer loads on a first visit (index.html's links and the modules' imports). */
const EXPLORER_FIRST_LOAD = [
  '',
  '/explorer.css',
  '/explorer.js',
  '/api.js',
  '/dom.js',
  '/entity-view.js',
  '/graph-view.js',
  '/path-view.js',
  '/supply-view.js',
  '/stats-view.js',
  '/vendor/cytoscape.esm.min.mjs',
  '/operations.graphql',
];

let store: GraphStore;
beforeAll(async () => {
  store = await memoryFixture.create();
});
afterAll(() => store?.close());

describe('web pages switched on (the default outside production)', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(store);
  });
  afterAll(() => api?.close());

  it('serves the explorer page with a same-origin-only content security policy', async () => {
    const res = await fetch(`${api.url}/explorer`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'; script-src 'self'");
    expect(await res.text()).toContain('<title>Rare-earths graph explorer</title>');
  });

  it('sends the explorer gzipped, and its first load stays under 200 KB on the wire', async () => {
    let wire = 0;
    for (const asset of EXPLORER_FIRST_LOAD) {
      const res = await fetch(`${api.url}/explorer${asset}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status, asset).toBe(200);
      expect(res.headers.get('content-encoding'), asset).toBe('gzip');
      wire += Number(res.headers.get('content-length'));
      await res.arrayBuffer();
    }
    expect(wire).toBeGreaterThan(100_000);
    expect(wire).toBeLessThan(200_000);
  });

  it('loads the editors’ review page only on demand, outside the first load', async () => {
    const res = await fetch(`${api.url}/explorer/review-view.js`);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    await res.arrayBuffer();
    for (const asset of EXPLORER_FIRST_LOAD.filter((a) => a.endsWith('.js'))) {
      const source = await (await fetch(`${api.url}/explorer${asset}`)).text();
      expect(source, asset).not.toMatch(/from '\.\/review-view\.js'/);
    }
    expect(await (await fetch(`${api.url}/explorer/explorer.js`)).text()).toContain(
      "await import('./review-view.js')",
    );
  });

  it('answers a repeated request for an asset with 304 by ETag', async () => {
    const first = await fetch(`${api.url}/explorer/vendor/cytoscape.esm.min.mjs`);
    await first.arrayBuffer();
    const again = await fetch(`${api.url}/explorer/vendor/cytoscape.esm.min.mjs`, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('runs only operations that are valid against the public schema', async () => {
    const doc = parse(await (await fetch(`${api.url}/explorer/operations.graphql`)).text());
    expect(validate(schema, doc)).toEqual([]);
    const names = doc.definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : [],
    );
    expect(names).toEqual([
      'SearchEntities',
      'EntityRef',
      'EntityView',
      'GraphStats',
      'Neighborhood',
      'PathBetween',
      'RelationshipView',
      'SupplyChoices',
      'SupplyView',
      'ReviewQueue',
      'ReviewDocument',
      'ReviewProposals',
      'IngestDocument',
      'AcceptProposal',
      'RejectProposal',
      'UndoAcceptProposal',
    ]);
  });

  it('sends a browser opening /graphql to the offline playground, and GraphQL GETs on to the API', async () => {
    const page = await fetch(`${api.url}/graphql`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
      redirect: 'manual',
    });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/playground/');
    const query = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('{ entity(id: "china") { name } }')}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(await query.json()).toEqual({ data: { entity: { name: 'China' } } });
  });

  it("preloads the playground with the README's examples, each valid against the schema", async () => {
    const examples = (await (await fetch(`${api.url}/playground/examples.json`)).json()) as {
      title: string;
      query: string;
    }[];
    const readme = await readFile('README.md', 'utf8');
    expect(examples).toHaveLength(readme.split('```graphql\n').length - 1);
    expect(examples.slice(0, 7).map((e) => e.title)).toEqual([
      '1. Who is Scott Bessent, and on whose word?',
      '2. Who met where, and what came of it?',
      '3. Who is party to the understanding, and who committed to what?',
      '4. What did Bessent say on CNN?',
      '5. Search, and the 17 elements.',
      '6. How is Scott Bessent connected to Xi Jinping?',
      '7. What held on a given day?',
    ]);
    expect(examples[0]!.query).toMatch(
      /^# 1\. Who is Scott Bessent, and on whose word\?\nquery WhoIsScottBessentAndOnWhoseWord \{/,
    );
    for (const e of examples) expect(validate(schema, parse(e.query)), e.title).toEqual([]);
  });

  it('gives GraphiQL the schema from the checked-in SDL (so it works where introspection is off)', async () => {
    const introspection = (await (
      await fetch(`${api.url}/playground/schema.json`)
    ).json()) as IntrospectionQuery;
    expect(Object.keys(buildClientSchema(introspection).getQueryType()!.getFields())).toContain(
      'supplyAlternatives',
    );
  });
});

describe('web pages in production', () => {
  it('are off unless switched on', async () => {
    const api = await startTestServer(store, { NODE_ENV: 'production' });
    try {
      expect((await fetch(`${api.url}/explorer`)).status).toBe(404);
      expect((await fetch(`${api.url}/playground`)).status).toBe(404);
      // No landing page either (Apollo Sandbox would load from Apollo's CDN).
      const page = await fetch(`${api.url}/graphql`, {
        headers: { accept: 'text/html' },
        redirect: 'manual',
      });
      // GraphQL over GET is on for default clients, so a text/html-only Accept is refused as not acceptable, not given a page.
      expect(page.status).toBe(406);
      expect(page.headers.get('content-type')).not.toContain('text/html');
    } finally {
      await api.close();
    }
  });

  it('serve when EXPLORER_ENABLED and PLAYGROUND_ENABLED are true', async () => {
    const api = await startTestServer(store, {
      NODE_ENV: 'production',
      EXPLORER_ENABLED: 'true',
      PLAYGROUND_ENABLED: 'true',
    });
    try {
      expect((await fetch(`${api.url}/explorer`)).status).toBe(200);
      expect((await fetch(`${api.url}/playground`)).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('refuse a flag that is neither true nor false', () => {
    expect(() => loadConfig({ EXPLORER_ENABLED: 'yes' })).toThrow(
      new ConfigError('EXPLORER_ENABLED must be true or false (got "yes")'),
    );
    expect(loadConfig({ NODE_ENV: 'production', EXPLORER_ENABLED: 'true' }).explorerEnabled).toBe(true);
  });
});
