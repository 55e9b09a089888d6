import { open, readFile, mkdir, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AuditEntry } from '../../domain/audit.js';
import type { WriteBatch } from '../../domain/edits.js';

/** One acknowledged write: its records and its audit entry (absent in journals written before the audit trail). */
export interface JournalRecord extends WriteBatch {
  audit?: AuditEntry;
}

/** The data file cannot be read back: the store refuses to start rather than lose or replace it. */
export class JournalCorruptError extends Error {
  constructor(file: string, detail: string) {
    super(`data file ${file} is unreadable: ${detail}. It was left as it is; restore it from a backup or move it aside to start from the seed.`);
    this.name = 'JournalCorruptError';
  }
}

/**
 * Append-only journal of API writes: one JSON line per write, `{"sha256": ..., "batch": ...}`
 * (the batch's records and its audit entry),
 * fsynced before `append` resolves (a write is acknowledged only once it is on disk).
 */
export class Journal {
  private handle: FileHandle | null = null;

  constructor(readonly file: string) {}

  /** Every batch in order. Throws {@link JournalCorruptError} on any line that does not check out. */
  async readAll(): Promise<JournalRecord[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new JournalCorruptError(this.file, (e as Error).message);
    }
    if (text.length > 0 && !text.endsWith('\n')) throw new JournalCorruptError(this.file, 'the last line is incomplete');
    const batches: JournalRecord[] = [];
    text.split('\n').forEach((line, i) => {
      if (line === '') return;
      let entry: { sha256?: unknown; batch?: unknown };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        throw new JournalCorruptError(this.file, `line ${i + 1} is not JSON`);
      }
      const body = JSON.stringify(entry.batch);
      if (entry.sha256 !== digest(body)) throw new JournalCorruptError(this.file, `line ${i + 1} fails its checksum`);
      batches.push(entry.batch as JournalRecord);
    });
    return batches;
  }

  /** Appends one write and waits until it is durable. */
  async append(batch: JournalRecord): Promise<void> {
    if (!this.handle) {
      await mkdir(path.dirname(this.file), { recursive: true });
      this.handle = await open(this.file, 'a');
    }
    const body = JSON.stringify(batch);
    await this.handle.write(`${JSON.stringify({ sha256: digest(body), batch })}\n`);
    await this.handle.datasync();
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
