import { GraphQLClient, gql as requestGql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_EDITOR, WRITE_ENV } from '../../scripts/support/credentials.js';
import { startTestServer, type TestServer } from '../../scripts/support/test-server.js';
import { memoryFixture } from '../support/stores.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer(await memoryFixture.create(), WRITE_ENV);
});
afterAll(() => api.close());

const RENAME =
  'mutation { upsertEntity(input: { id: "china", kind: COUNTRY, name: "Cathay" }, note: "csrf") { entity { name } } }';
const nameOfChina = async () =>
  (await api.data<{ entity: { name: string } }>('{ entity(id: "china") { name } }')).entity.name;

describe('GET queries from default clients, mutations POST-only (issue 14 item 2)', () => {
  it('graphql-request with its defaults (POST) and with method GET gets the data', async () => {
    for (const client of [
      new GraphQLClient(`${api.url}/graphql`),
      new GraphQLClient(`${api.url}/graphql`, { method: 'GET' }),
    ]) {
      expect(await client.request(requestGql`{ entity(id: "china") { id name } }`)).toEqual({
        entity: { id: 'china', name: 'China' },
      });
    }
  });

  it('a GET without content-type (as urql sends it) is answered', async () => {
    const res = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('{ entity(id: "china") { id } }')}`,
      { headers: { accept: 'application/graphql-response+json, application/json' } },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { entity: { id: 'china' } } });
  });

  it('refuses a mutation over GET, even with the editor key, and changes nothing', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent(RENAME)}`, {
      headers: AS_EDITOR.headers,
    });
    expect(res.status).toBe(405);
    expect(await nameOfChina()).toBe('China');
  });

  it.each([
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(RENAME)}`],
    ['text/plain', JSON.stringify({ query: RENAME })],
    [
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${RENAME}\r\n--x--\r\n`,
    ],
  ])('refuses a cross-site form-style POST (%s) and changes nothing', async (type, body) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': type, ...AS_EDITOR.headers },
      body,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await nameOfChina()).toBe('China');
  });
});

describe('an optional argument given null is absent (issue 14 item 3)', () => {
  const AS_OF = '2025-11-15';
  it.each([
    [
      'relationships',
      '{ entity(id: "china") { id relationships(first: 3, asOf: ASOF) { totalCount nodes { id } } } }',
    ],
    [
      'status',
      '{ entity(id: "us-china-understanding-2025") { id ... on Agreement { status(asOf: ASOF) } } }',
    ],
    ['supplyRisk', '{ supplyRisk(material: "dysprosium", stage: PROCESSING, asOf: ASOF) { hhi } }'],
  ])('%s: asOf null (literal or variable) answers as asOf absent', async (_field, shape) => {
    const absent = await api.gql(shape.replace(/,? ?asOf: ASOF/, '').replace('()', ''));
    expect(absent.body.errors).toBeUndefined();
    const literal = await api.gql(shape.replace('ASOF', 'null'));
    const variable = await api.gql(`query ($d: Date) ${shape.replace('ASOF', '$d')}`, { d: null });
    expect(literal.body).toEqual(absent.body);
    expect(variable.body).toEqual(absent.body);
    // A real day still applies.
    expect((await api.gql(shape.replace('ASOF', `"${AS_OF}"`))).body.errors).toBeUndefined();
  });

  it('first: null is the default page', async () => {
    const withNull = await api.gql('{ entities(first: null) { nodes { id } } }');
    const absent = await api.gql('{ entities { nodes { id } } }');
    expect(withNull.body).toEqual(absent.body);
  });
});

describe('an error stays on its field (issue 14 item 4)', () => {
  it('a bad supplyRisk beside a good entity keeps the entity and one error on r', async () => {
    const res = await api.gql(
      '{ entity(id: "china") { id } r: supplyRisk(material: "no-such", stage: MINING) { hhi } }',
    );
    expect(res.body.data).toEqual({ entity: { id: 'china' }, r: null });
    expect(res.body.errors?.map((e) => [(e as { path?: unknown }).path, e.extensions?.code])).toEqual([
      [['r'], 'NOT_FOUND'],
    ]);
  });

  it('a bad page size on relationships nulls relationships, not the entity', async () => {
    const res = await api.gql('{ entity(id: "china") { id relationships(first: -1) { totalCount } } }');
    expect(res.body.data).toEqual({ entity: { id: 'china', relationships: null } });
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it.each([
    ['neighborhood', '{ entity(id: "china") { id } x: neighborhood(id: "no-such") { truncated } }'],
    ['paths', '{ entity(id: "china") { id } x: paths(from: "china", to: "no-such") { length } }'],
    [
      'supplyOutlook',
      '{ entity(id: "china") { id } x: supplyOutlook(material: "no-such", stage: MINING) { from } }',
    ],
    [
      'supplyAlternatives',
      '{ entity(id: "china") { id } x: supplyAlternatives(material: "no-such") { alternatives { supplier { id } } } }',
    ],
  ])('%s failing keeps the sibling entity', async (_field, query) => {
    const res = await api.gql(query);
    expect(res.body.data).toEqual({ entity: { id: 'china' }, x: null });
    expect(res.body.errors).toHaveLength(1);
  });
});
