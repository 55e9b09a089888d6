/**
 * `npm run ingest -- FILE|FOLDER [--title T] [--publisher P] [--published YYYY-MM-DD] [--url U]
 * [--api http://localhost:4000/graphql] [--key KEY] [--note N]`: sends documents to a running API
 * (`ingestDocument`, over HTTP with an editor's key; the embedded store's journal has one writer,
 * the server) and prints what extraction proposed.
 *
 * A folder: every `.txt` and `.md` file in it (not in subfolders), in name order, with a progress
 * bar on stderr, then a summary table on stdout (file, document id, proposals, new, error). For
 * each file, the title, publisher, publication day and URL come from a sidecar `NAME.json` beside
 * it (`{"title": ..., "publisher": ..., "published": "2025-11-02", "url": ...}`) when it has one,
 * else from the flags; without either, the title is the file's first non-empty line (else its
 * name). The key defaults to $EDITOR_KEY. Exits 1 when any document was refused.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const INGEST = `mutation($input: IngestDocumentInput!, $note: String!) {
  ingestDocument(input: $input, note: $note) { document { id } proposals newProposals }
}`;

/** What a document is sent with besides its text. */
interface Meta {
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
}

/** One line of the summary. */
export interface IngestRow {
  file: string;
  documentId: string;
  proposals: number | null;
  newProposals: number | null;
  error: string;
}

const TEXT_FILE = /\.(txt|md)$/i;

/** The files to send: FILE itself, or a folder's text files in name order. */
async function filesOf(target: string): Promise<string[]> {
  if (!(await stat(target)).isDirectory()) return [target];
  const names = (await readdir(target, { withFileTypes: true }))
    .filter((d) => d.isFile() && TEXT_FILE.test(d.name) && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
  return names.map((n) => path.join(target, n));
}

/** The sidecar `NAME.json` beside `file`, or nothing when there is none. */
async function sidecar(file: string): Promise<Meta> {
  const json = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.json`);
  let text: string;
  try {
    text = await readFile(json, 'utf8');
  } catch {
    return {};
  }
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const pick = (k: keyof Meta) => (typeof parsed[k] === 'string' ? { [k]: parsed[k] } : {});
  return { ...pick('title'), ...pick('publisher'), ...pick('published'), ...pick('url') };
}

/** A title from the text: its first non-empty line (at most 300 characters), else the file's name. */
function titleFrom(text: string, file: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '');
  return (first?.trim() || path.basename(file)).slice(0, 300);
}

/** Sends one document; the row says what came of it. */
async function ingestOne(
  file: string,
  flags: Meta,
  api: string,
  key: string,
  note: string,
): Promise<IngestRow> {
  const name = path.basename(file);
  try {
    const text = await readFile(file, 'utf8');
    const meta = { ...flags, ...(await sidecar(file)) };
    const input = {
      text,
      title: meta.title ?? titleFrom(text, file),
      publisher: meta.publisher ?? '',
      published: meta.published ?? '',
      ...(meta.url !== undefined && { url: meta.url }),
    };
    const res = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: INGEST, variables: { input, note } }),
    });
    const body = (await res.json().catch(() => ({}))) as {
      data?: { ingestDocument?: { document: { id: string }; proposals: number; newProposals: number } };
      errors?: { message: string; extensions?: { code?: string; field?: string } }[];
    };
    const out = body.data?.ingestDocument;
    if (out)
      return {
        file: name,
        documentId: out.document.id,
        proposals: out.proposals,
        newProposals: out.newProposals,
        error: '',
      };
    const error = body.errors?.[0];
    const where = error?.extensions?.field ? ` (${error.extensions.field})` : '';
    return {
      file: name,
      documentId: '',
      proposals: null,
      newProposals: null,
      error: error ? `${error.extensions?.code ?? 'ERROR'}${where}: ${error.message}` : `HTTP ${res.status}`,
    };
  } catch (e) {
    return {
      file: name,
      documentId: '',
      proposals: null,
      newProposals: null,
      error: `FAILED: ${(e as Error).message}`,
    };
  }
}

/** The progress bar, redrawn in place on a terminal, one line per step otherwise. */
function progress(done: number, total: number, file: string): string {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${file}`;
}

/** The summary as a plain-text table (columns padded to their widest cell). */
export function summaryTable(rows: readonly IngestRow[]): string {
  const cells = [
    ['file', 'document', 'proposals', 'new', 'error'],
    ...rows.map((r) => [
      r.file,
      r.documentId,
      String(r.proposals ?? ''),
      String(r.newProposals ?? ''),
      r.error,
    ]),
  ];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  return cells
    .map((c) =>
      c
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      publisher: { type: 'string' },
      published: { type: 'string' },
      url: { type: 'string' },
      api: { type: 'string', default: 'http://localhost:4000/graphql' },
      key: { type: 'string' },
      note: { type: 'string', default: 'ingested with npm run ingest' },
    },
  });
  const [target] = positionals;
  const key = values.key ?? process.env.EDITOR_KEY;
  if (!target || !key) {
    process.stderr.write(
      'usage: npm run ingest -- FILE|FOLDER --publisher P --published YYYY-MM-DD [--title T] [--url U] [--api URL] --key KEY (or EDITOR_KEY)\n',
    );
    process.exit(2);
  }
  const flags: Meta = {
    ...(values.title !== undefined && { title: values.title }),
    ...(values.publisher !== undefined && { publisher: values.publisher }),
    ...(values.published !== undefined && { published: values.published }),
    ...(values.url !== undefined && { url: values.url }),
  };
  const files = await filesOf(target);
  const rows: IngestRow[] = [];
  const tty = process.stderr.isTTY;
  for (const [i, file] of files.entries()) {
    rows.push(await ingestOne(file, flags, values.api, key, values.note));
    process.stderr.write(
      `${tty ? '\r\x1b[K' : ''}${progress(i + 1, files.length, path.basename(file))}${tty ? '' : '\n'}`,
    );
  }
  if (tty) process.stderr.write('\n');
  process.stdout.write(`${summaryTable(rows)}\n`);
  const refused = rows.filter((r) => r.error !== '').length;
  process.stdout.write(
    `${rows.length - refused} ingested, ${refused} refused, ${rows.reduce((n, r) => n + (r.newProposals ?? 0), 0)} new proposals\n`,
  );
  if (refused > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
