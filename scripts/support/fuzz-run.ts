import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { quoteRefusal } from '../../src/domain/text.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { DocumentGenerator, type FuzzRequest } from './fuzz-documents.js';
import { WriteGenerator } from './fuzz-writes.js';
import { publicSchema } from './schema-walk.js';

/*
 * The fuzz's moving parts, shared by the CI fuzz (tests/fuzz.test.ts) and the large run
 * (scripts/fuzz-scale.ts): sending a generated request, tallying answers, and the store digests
 * that prove a refused write changed nothing.
 */

/** What one request got back. */
export interface Answer {
  status: number;
  /** The first error's code, OK without errors, or NOT_JSON for a body that is not JSON. */
  code: string;
  codes: string[];
  acknowledged: boolean;
  /** The request body sent. */
  sent: string;
  /** The answer's `data`, as JSON. */
  data: string;
}

/** Counts of what one store's run sent and got back. */
export class Tally {
  tried = 0;
  byCode: Record<string, number> = {};
  byStatus: Record<string, number> = {};
  writesSent = 0;
  writesAcknowledged = 0;
  invalidWritesUnchanged = 0;
  /**
   * Every document sent and what came back, in order (to compare the stores answer by answer):
   * the status and data, and the error codes when the data is not null. Query root fields are
   * nullable, so a query's error stays on its field; when a mutation's non-null payload
   * fails, graphql-js answers null at once and reports only the errors raised by then,
   * which depends on how fast each store answered the other fields; so those codes are left out.
   */
  answers: { sent: string; got: string }[] = [];

  record(a: Answer): void {
    this.tried++;
    this.answers.push({
      sent: a.sent,
      got: `${a.status} ${a.data}${a.data === 'null' ? '' : ` ${[...a.codes].sort().join(',')}`}`,
    });
    this.byCode[a.code] = (this.byCode[a.code] ?? 0) + 1;
    this.byStatus[a.status] = (this.byStatus[a.status] ?? 0) + 1;
  }
}

/** POSTs `req` to the server at `url`. */
export async function send(
  url: string,
  req: FuzzRequest,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const body = req.kind === 'raw' ? req.body : JSON.stringify({ query: req.query, variables: req.variables });
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  type Body = { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
  let json: Body | null;
  try {
    json = JSON.parse(text) as Body;
  } catch {
    json = null;
  }
  const codes = (json?.errors ?? []).map((e) =>
    typeof e.extensions?.code === 'string' ? e.extensions.code : 'NO_CODE',
  );
  const code = json === null ? 'NOT_JSON' : (codes[0] ?? 'OK');
  const data = json?.data as Record<string, unknown> | null | undefined;
  return {
    status: res.status,
    code,
    codes,
    acknowledged: codes.length === 0 && data != null && Object.values(data).every((v) => v != null),
    sent: body,
    data: stable(JSON.stringify(json?.data ?? null)),
  };
}

/** An answer without what differs between any two runs: audit entry ids (random UUIDs) and times. */
export const stable = (json: string) =>
  json
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');

/** A response the error policy forbids: a 5xx, or any INTERNAL error. */
export const broke = (a: Answer) => a.status >= 500 || a.codes.includes('INTERNAL');

/** Counts and the newest audit entry: changes whenever a write is recorded. */
export async function cheapState(store: GraphStore) {
  const audit = await store.auditLog({ seek: { limit: 1, backward: false } });
  return { stats: await store.stats(), audit: audit.totalCount, newest: audit.items[0]?.id ?? null };
}

/** A digest of everything the store holds, and the audit trail's length. */
export async function digest(store: GraphStore): Promise<string> {
  const all = await store.exportAll();
  const audit = await store.auditLog({ seek: { limit: 1, backward: false } });
  return createHash('sha256').update(JSON.stringify(all)).update(String(audit.totalCount)).digest('hex');
}

/** The document and write generators over what `store` holds now (ids, sources, quotes from the founding article). */
export async function fuzzGenerators(
  store: GraphStore,
): Promise<{ documents: DocumentGenerator; writes: WriteGenerator }> {
  const all = await store.exportAll();
  const article = await readFile(new URL('../../seed/sources/source-article.txt', import.meta.url), 'utf8');
  const quotes = article
    .split(/[.,“”"]/)
    .map((s) => s.trim())
    .filter((s) => quoteRefusal(s) === null)
    .slice(0, 40);
  const documents = new DocumentGenerator(publicSchema(), {
    entityIds: all.entities.map((e) => e.id),
    relationshipIds: all.relationships.map((r) => r.id),
    sourceIds: all.entities.filter((e) => e.kind === 'SOURCE').map((e) => e.id),
    quotes,
    actors: ['api-key:alice', 'jwt:|carol', 'legacy:alice', 'alice', 'nobody', ''],
  });
  return {
    documents,
    writes: new WriteGenerator(
      { entities: all.entities, relationships: all.relationships, sourceWithText: 'source-article', quotes },
      documents,
    ),
  };
}
