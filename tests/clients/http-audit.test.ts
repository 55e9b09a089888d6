import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../scripts/support/test-server.js';
import { memoryFixture } from '../support/stores.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer(await memoryFixture.create());
});
afterAll(() => api.close());

/**
 * Warnings the README justifies ("GraphQL over HTTP" under Limits); any other warning or
 * any error fails. Listed by the audit's id so a new warning is not hidden by an old one.
 */
const JUSTIFIED_WARNINGS: Record<string, string> = {
  '572B': 'a document that does not parse: HTTP 400 with application/json (Apollo Server)',
  FDE2: 'a document that does not validate: HTTP 400 with application/json (Apollo Server)',
  '7B9B': 'variables that do not coerce: HTTP 400 with application/json (Apollo Server)',
};

describe('GraphQL over HTTP (graphql-http serverAudits)', () => {
  it('passes every MUST audit, and each SHOULD it warns about is justified', async () => {
    const results = await auditServer({ url: `${api.url}/graphql` });
    expect(
      results
        .filter((r) => r.status === 'error')
        .map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`),
    ).toEqual([]);
    expect(
      results
        .filter((r) => r.status === 'warn' && !(r.id in JUSTIFIED_WARNINGS))
        .map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`),
    ).toEqual([]);
    // GET queries are answered (they were refused as possible CSRF before).
    expect(results.find((r) => r.id === '6A70')?.status).toBe('ok');
  });
});
