import {
  documentIdFor,
  extractProposals,
  type GraphSnapshot,
  type IngestDocument,
  type Proposal,
} from '../../domain/ingest/index.js';

/*
 * The one place the review API reaches extraction (src/domain/ingest): a document and the graph
 * in, proposals out.
 */

export { documentIdFor };

/** Extracts proposals from a document against the graph's extraction snapshot (`GraphStore.extractionSnapshot`). */
export function extract(document: IngestDocument, graph: GraphSnapshot): Proposal[] {
  return extractProposals(document, graph);
}
