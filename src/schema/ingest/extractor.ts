import {
  documentIdFor,
  extractProposals,
  graphSnapshot,
  type GraphSnapshot,
  type IngestDocument,
  type Proposal,
} from '../../domain/ingest/index.js';
import type { Entity } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';

/*
 * The one place the review API reaches extraction (src/domain/ingest): a document and the graph
 * in, proposals out.
 */

export { documentIdFor };

/** The extractor's signature. */
export type Extractor = (document: IngestDocument, graph: GraphSnapshot) => Proposal[];

let current: Extractor = extractProposals;

/** Extracts proposals from a document against the graph as stored (SOURCEs and retracted relationships left out). */
export function extract(
  document: IngestDocument,
  graph: { entities: readonly Entity[]; relationships: readonly Relationship[] },
): Proposal[] {
  return current(document, graphSnapshot(graph.entities, graph.relationships));
}

/** Swaps the extractor (tests only); returns the previous one. */
export function useExtractor(extractor: Extractor): Extractor {
  const previous = current;
  current = extractor;
  return previous;
}
