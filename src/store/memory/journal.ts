import * as fsPromises from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AuditEntry } from '../../domain/audit.js';
import type { WriteBatch } from '../../domain/edits.js';
import { StorageUnavailableError } from '../../domain/errors.js';

/**
 * One acknowledged write: its records and its audit entry (absent in journals written before the
 * audit trail), and the fingerprint of the seed the store had loaded (absent before the change
 * sequence). A record with `seedLoad` and no records marks a seed load that changed records,
 * under its number in the change sequence (seed records themselves are never journalled).
 */
export interface JournalRecord extends WriteBatch {
  audit?: AuditEntry;
  seed?: string;
  seedLoad?: { sequence: number; at: string };
}

/** The data file cannot be read back: the store refuses to start rather than lose or replace it. */
export class JournalCorruptError extends Error {
  constructor(file: string, detail: string) {
    super(
      `data file ${file} is unreadable: ${detail}. It was left as it is; restore it from a backup or move it aside to start from the seed.`,
    );
    this.name = 'JournalCorruptError';
  }
}

/** The part of an open file the journal uses (a `node:fs/promises` FileHandle has it). */
export interface JournalFileHandle {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** The file layer the journal writes through; `node:fs/promises` unless a test injects faults. */
export interface JournalFs {
  readFile(file: string): Promise<Buffer>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  truncate(file: string, length: number): Promise<void>;
  open(file: string, flags: 'a'): Promise<JournalFileHandle>;
}

/** What a {@link Journal} takes besides its file. */
export interface JournalOptions {
  fs?: JournalFs;
  /** Receives one line per dropped torn tail and per refused write (the server passes its logger). */
  warn?: (message: string) => void;
}

/** How long a client refused for a failed disk write is asked to wait before retrying. */
const RETRY_AFTER_SECONDS = 5;
const NEWLINE = 0x0a;

/**
 * Append-only journal of API writes: one JSON line per write, `{"sha256": ..., "batch": ...}`
 * (the batch's records and its audit entry). The durability contract:
 * - `append` resolves only once every byte of the line, newline included, is written and
 *   fsynced: an acknowledged write always ends with a newline on disk.
 * - When any step fails (short write, EFBIG, ENOSPC, EIO), the file is cut back to its last
 *   complete record and `append` rejects with {@link StorageUnavailableError}; the next append
 *   retries that cut first if it failed too, so a torn line is never followed by another.
 * - At start-up ({@link readAll}), bytes after the last newline can only be a write that was
 *   never acknowledged: they are dropped (the file is cut) with one warning. Anything else
 *   that does not check out throws {@link JournalCorruptError}.
 * One append at a time: the store serialises its writes.
 */
export class Journal {
  private handle: JournalFileHandle | null = null;
  /** Length in bytes of the file's complete records; null until {@link readAll} has run. */
  private size: number | null = null;
  /** The file may hold bytes past `size` (a failed write whose cut also failed). */
  private dirty = false;
  private readonly fs: JournalFs;
  private readonly warn: (message: string) => void;

  constructor(
    readonly file: string,
    options: JournalOptions = {},
  ) {
    this.fs = options.fs ?? fsPromises;
    this.warn = options.warn ?? (() => undefined);
  }

  /**
   * Every batch in order, dropping an unacknowledged torn tail (see the class contract).
   * Throws {@link JournalCorruptError} on any complete line that does not check out.
   */
  async readAll(): Promise<JournalRecord[]> {
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new JournalCorruptError(this.file, (e as Error).message);
      this.size = 0;
      return [];
    }
    const complete = bytes.lastIndexOf(NEWLINE) + 1;
    const batches = parseLines(this.file, bytes.subarray(0, complete).toString('utf8'));
    if (complete < bytes.length) await this.dropTornTail(complete, bytes.length - complete);
    this.size = complete;
    return batches;
  }

  /** Appends one write and resolves once it is durable; on any failure see the class contract. */
  async append(batch: JournalRecord): Promise<void> {
    const body = JSON.stringify(batch);
    const line = Buffer.from(`${JSON.stringify({ sha256: digest(body), batch })}\n`, 'utf8');
    if (this.size === null) await this.readAll();
    const size = this.size ?? 0;
    try {
      const handle = await this.opened();
      if (this.dirty) await this.cut(handle, size);
      await writeFully(handle, line);
      await handle.datasync();
      this.size = size + line.length;
    } catch (e) {
      await this.rollBack(size);
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      this.warn(
        `journal write refused (${code}): ${this.file} kept at its last complete record (${size} bytes)`,
      );
      throw new StorageUnavailableError(
        `The write could not be saved to disk (${code}); nothing was changed. Reads still work; retry later.`,
        RETRY_AFTER_SECONDS,
      );
    }
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }

  private async opened(): Promise<JournalFileHandle> {
    if (!this.handle) {
      await this.fs.mkdir(path.dirname(this.file), { recursive: true });
      this.handle = await this.fs.open(this.file, 'a');
    }
    return this.handle;
  }

  /** Cuts the file back to `size`; if that fails too, the next append retries it before writing. */
  private async rollBack(size: number): Promise<void> {
    this.dirty = true;
    if (!this.handle) return;
    try {
      await this.cut(this.handle, size);
    } catch {
      // Left dirty: the next append cuts first, and refuses if it still cannot.
    }
  }

  private async cut(handle: JournalFileHandle, size: number): Promise<void> {
    await handle.truncate(size);
    await handle.datasync();
    this.dirty = false;
  }

  private async dropTornTail(complete: number, torn: number): Promise<void> {
    try {
      await this.fs.truncate(this.file, complete);
    } catch (e) {
      throw new JournalCorruptError(
        this.file,
        `its last ${torn} bytes are an unfinished write that could not be cut off (${(e as Error).message})`,
      );
    }
    this.warn(
      `dropped an unfinished write at the end of ${this.file} (${torn} bytes after the last complete record; it was never acknowledged)`,
    );
  }
}

/** Writes every byte of `data`, looping over short writes; throws if the file layer does. */
async function writeFully(handle: JournalFileHandle, data: Uint8Array): Promise<void> {
  for (let offset = 0; offset < data.length;) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    if (bytesWritten <= 0) throw Object.assign(new Error('the file layer wrote no bytes'), { code: 'EIO' });
    offset += bytesWritten;
  }
}

/** The records of complete lines; throws {@link JournalCorruptError} naming the first bad line. */
function parseLines(file: string, text: string): JournalRecord[] {
  const batches: JournalRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    let entry: { sha256?: unknown; batch?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      throw new JournalCorruptError(file, `line ${i + 1} is not JSON`);
    }
    if (entry.sha256 !== digest(JSON.stringify(entry.batch)))
      throw new JournalCorruptError(file, `line ${i + 1} fails its checksum`);
    batches.push(entry.batch as JournalRecord);
  });
  return batches;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
