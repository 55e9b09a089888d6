import { createHash } from 'node:crypto';
import type { IngestDocument, Proposal } from '../../domain/ingest/proposal.js';
import type { RelationType } from '../../domain/model.js';
import type { EntityKind } from '../../domain/model.js';
import type { PartialDate } from '../../domain/dates.js';

/*
 * TEMPORARY ADAPTER (issue 17): the one place the review API reaches extraction. The extractor
 * (src/domain/ingest, branch `extract`) will export `extractProposals(document, graph)` and
 * `documentIdFor(text)`; once merged, `documentIdFor` below and the default of `extract` are
 * replaced by those two imports, and `useExtractor` goes. Until then the default extracts nothing.
 */

/** What extraction reads of the graph: entities (id, kind, name, aliases) and relationships (id, type, ends, dates). */
export interface Snapshot {
  entities: { id: string; kind: EntityKind; name: string; aliases?: string[] }[];
  relationships: {
    id: string;
    type: RelationType;
    from: string;
    to: string;
    validFrom?: PartialDate;
    validUntil?: PartialDate;
  }[];
}

/** The extractor's signature. */
export type Extractor = (document: IngestDocument & { id: string }, graph: Snapshot) => Proposal[];

/** A document's id: `doc-` and the first 12 hex digits of the SHA-256 of its NFC text (the same text, the same document). */
export function documentIdFor(text: string): string {
  return `doc-${createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex').slice(0, 12)}`;
}

let current: Extractor = () => [];

/** Extracts proposals from a document against the graph (TEMPORARY: see the file comment). */
export function extract(document: IngestDocument & { id: string }, graph: Snapshot): Proposal[] {
  return current(document, graph);
}

/** TEMPORARY: swaps the extractor until the real one is wired here; returns the previous one. */
export function useExtractor(extractor: Extractor): Extractor {
  const previous = current;
  current = extractor;
  return previous;
}
