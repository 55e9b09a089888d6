import {
  documentIdFor,
  extractProposals,
  graphSnapshot,
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

/** Extracts proposals from a document against the graph as stored (SOURCEs and retracted relationships left out). */
export function extract(
  document: IngestDocument,
  graph: { entities: readonly Entity[]; relationships: readonly Relationship[] },
): Proposal[] {
  return extractProposals(document, graphSnapshot(graph.entities, graph.relationships));
}
