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
 * Warnings the README justifies ("GraphQL over HTTP" in its security notes); any other warning or
 * any error fails. Listed by the audit's id so a new warning is not hidden by an old one.
 */
const JUSTIFIED_WARNINGS: Record<string, string> = {};

describe('GraphQL over HTTP (graphql-http serverAudits)', () => {
  it('passes every MUST audit, and each SHOULD it warns about is justified', async () => {
    const results = await auditServer({ url: `${api.url}/graphql` });
    const report = results.filter((r) => r.status !== 'ok').map((r) => `${r.status} ${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    console.log(report.join('\n'));
    expect(results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}`)).toEqual([]);
    expect(results.filter((r) => r.status === 'warn').map((r) => r.id).filter((id) => !(id in JUSTIFIED_WARNINGS))).toEqual([]);
  });
});
