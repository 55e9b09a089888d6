import { randomUUID } from 'node:crypto';
import type { AuditStamp, WriteAction } from '../../src/domain/audit.js';
import { putRecords, type WriteBatch, type WriteRequest } from '../../src/domain/edits.js';

/** A fresh audit stamp for a write made by a test (as the API key named `actor`). */
export function testStamp(action: WriteAction = 'UPSERT_ENTITY', actor = 'tests'): AuditStamp {
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    actor: { method: 'api-key', id: actor },
    action,
    note: 'written by a test',
  };
}

/** A write request that puts `batch` as given (store-level tests). */
export function put(batch: WriteBatch): WriteRequest {
  return putRecords(batch, testStamp());
}
