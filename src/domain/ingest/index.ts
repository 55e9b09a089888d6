/** Extraction of candidate facts from a document (issue 17): see README.md here. */
export { extractProposals } from './extract.js';
export { documentIdFor, proposalIdFor } from './ids.js';
export {
  graphSnapshot,
  type GraphSnapshot,
  type SnapshotEntity,
  type SnapshotRelationship,
} from './snapshot.js';
export { CUES, cueTableMarkdown, type CueRow } from './cues.js';
export * from './proposal.js';
