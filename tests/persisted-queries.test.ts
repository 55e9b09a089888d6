import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_EDITOR, WRITE_ENV } from '../scripts/support/credentials.js';
import { startTestServer, type TestServer } from '../scripts/support/test-server.js';
import { memoryFixture } from './support/stores.js';

/*
 * Issue 16 item 8: automatic persisted queries as GET, so that a browser or CDN cache can serve
 * repeated reads. Apollo Client's own persisted-query link is the client; the server is the
 * real HTTP server.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const OFFICE = gql`
  query Office($id: ID!) {
    entity(id: $id) {
      id
      name
    }
  }
`;

let api: TestServer;
let cached: TestServer;
beforeAll(async () => {
  api = await startTestServer(await memoryFixture.create());
  cached = await startTestServer(await memoryFixture.create(), {
    ...WRITE_ENV,
    HTTP_CACHE_MAX_AGE_SECONDS: '60',
  });
});
afterAll(async () => {
  await api.close();
  await cached.close();
});

/** An Apollo Client whose every request is recorded (method and URL), with a fresh cache. */
function recordingClient(url: string) {
  const sent: { method: string; url: string; headers: Headers; status: number }[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    sent.push({
      method: init?.method ?? 'GET',
      url: input instanceof Request ? input.url : input.toString(),
      headers: res.headers,
      status: res.status,
    });
    return res;
  };
  const client = new ApolloClient({
    link: new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
      new HttpLink({ uri: `${url}/graphql`, fetch: recordingFetch }),
    ),
    cache: new InMemoryCache(),
  });
  return { client, sent };
}

describe('automatic persisted queries as GET (Apollo Client persisted-query link)', () => {
  it('registers the query once, then sends only its hash as a GET', async () => {
    const first = recordingClient(api.url);
    const a = await first.client.query({ query: OFFICE, variables: { id: 'china' } });
    expect(a.data).toEqual({ entity: { __typename: 'Country', id: 'china', name: 'China' } });
    // The hash alone is unknown at first (PERSISTED_QUERY_NOT_FOUND), so the link registers it: a POST with the query.
    expect(first.sent.map((r) => [r.method, r.url.includes('query=')])).toEqual([
      ['GET', false],
      ['POST', false],
    ]);

    const second = recordingClient(api.url);
    const b = await second.client.query({ query: OFFICE, variables: { id: 'japan' } });
    expect(b.data).toEqual({ entity: { __typename: 'Country', id: 'japan', name: 'Japan' } });
    expect(second.sent).toHaveLength(1);
    const only = new URL(second.sent[0]!.url);
    expect(only.searchParams.get('query')).toBeNull();
    expect(JSON.parse(only.searchParams.get('extensions')!)).toMatchObject({
      persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    // Off by default: no answer is marked cacheable.
    expect(second.sent[0]!.headers.get('cache-control')).toBeNull();
  });

  it('with HTTP_CACHE_MAX_AGE_SECONDS, marks a credential-free GET read public for that long, and nothing else', async () => {
    await recordingClient(cached.url).client.query({ query: OFFICE, variables: { id: 'china' } });
    const { client, sent } = recordingClient(cached.url);
    await client.query({ query: OFFICE, variables: { id: 'china' } });
    expect(sent).toHaveLength(1);
    const last = sent[0]!;
    expect(last.status).toBe(200);
    expect(last.headers.get('cache-control')).toBe('public, max-age=60');
    expect(last.headers.get('vary')).toContain('Authorization');

    const hashOnly = new URL(last.url);
    // With a credential, an error, or over POST: not public.
    const withKey = await fetch(hashOnly, { headers: AS_EDITOR.headers });
    expect(withKey.status).toBe(200);
    expect(withKey.headers.get('cache-control') ?? '').not.toMatch(/public/);
    const failing = await fetch(
      `${cached.url}/graphql?query=${encodeURIComponent('{ paths(from: "china", to: "no-such") { length } }')}`,
    );
    expect(((await failing.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(failing.headers.get('cache-control') ?? '').not.toMatch(/public/);
    const post = await fetch(`${cached.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "china") { name } }' }),
    });
    expect(await post.json()).toEqual({ data: { entity: { name: 'China' } } });
    expect(post.headers.get('cache-control') ?? '').not.toMatch(/public/);
  });
});
