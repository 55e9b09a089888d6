/*
 * Review proposals: one (:Proposal) node per proposal, apart from the graph (no :Entity label, no
 * relationship to any node), so no read of entities, relationships, paths, supply, search, stats
 * or exports can meet one. The node holds the proposal whole as JSON (`json`) and the fields the
 * review filters and orders on (`documentId`, `status`, `type`, `id`).
 */

/** Upserts proposals by id (a batch of rows per statement): the fields filtered on and the whole proposal. */
export const UPSERT_PROPOSALS = `UNWIND $rows AS row
MERGE (p:Proposal {id: row.id})
SET p = row`;

/** Proposals by id (an unknown id yields no row). */
export const PROPOSALS_BY_ID = `UNWIND $ids AS id
MATCH (p:Proposal {id: id})
RETURN p.json AS json`;

/** Matching the review filter: document, status and type (each optional). */
const PROPOSAL_MATCH = `MATCH (p:Proposal)
WHERE ($documentId IS NULL OR p.documentId = $documentId)
AND ($status IS NULL OR p.status = $status)
AND ($type IS NULL OR p.type = $type)`;

/** How many proposals match. */
export const COUNT_PROPOSALS = `${PROPOSAL_MATCH}
RETURN count(p) AS total`;

/**
 * Up to $limit matching proposals in id order within the seek bounds (after $afterId, before
 * $beforeId, when given); descending for a backward page (the caller reverses it).
 */
export function proposalsQuery(backward: boolean): string {
  const dir = backward ? ' DESC' : '';
  return `${PROPOSAL_MATCH}
  AND ($afterId IS NULL OR p.id > $afterId)
  AND ($beforeId IS NULL OR p.id < $beforeId)
RETURN p.json AS json
ORDER BY p.id${dir}
LIMIT $limit`;
}
