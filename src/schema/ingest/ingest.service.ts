import { actorKey, type AuditEntry } from '../../domain/audit.js';
import type { Entity } from '../../domain/entity.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import type { IngestDocument, Proposal } from '../../domain/ingest/proposal.js';
import {
  acceptReads,
  checkedDocument,
  edited,
  INGEST_LIMITS,
  planAcceptProposal,
  planAcceptProposals,
  planIngestDocument,
  planRejectProposal,
  planUndoAccept,
  undoReads,
  type AcceptOutcome,
  type ProposalEdits,
} from '../../domain/ingest/review.js';
import { auditNodeId } from '../node/node-id.js';
import type { GraphContext } from '../shared/graph.service.js';
import { audited, requireEditor } from '../write/write.service.js';
import { documentIdFor, extractProposals } from '../../domain/ingest/index.js';
import type { ProposalObject } from './ingest.type.js';

/*
 * The review API's work: each call is one audited write (one transaction with its facts, the
 * proposals' statuses and the audit entry), after the reads that say what the write must read.
 */

/** A proposal as the API shows it. */
export function proposalObject(p: Proposal): ProposalObject {
  return {
    id: p.id,
    documentId: p.documentId,
    type: p.type,
    status: p.status,
    quote: p.quote,
    offset: p.offset,
    confidence: p.confidence,
    rule: p.rule,
    dependsOn: p.dependsOn,
    ...(p.entity && {
      entity: {
        id: p.entity.id,
        kind: p.entity.kind,
        name: p.entity.name,
        aliases: p.entity.aliases ?? [],
        fields: p.entity,
      },
    }),
    ...(p.relationship && {
      relationship: {
        type: p.relationship.type,
        from: p.relationship.from,
        to: p.relationship.to,
        ...(p.relationship.validFrom !== undefined && { validFrom: p.relationship.validFrom }),
        ...(p.relationship.validUntil !== undefined && { validUntil: p.relationship.validUntil }),
        fields: p.relationship,
      },
    }),
    ...(p.citation && {
      citation: {
        relationshipId: p.citation.relationshipId,
        type: p.citation.type,
        sourceId: p.citation.citation.sourceId,
        ...(p.citation.citation.quote !== undefined && { quote: p.citation.citation.quote }),
      },
    }),
    ...(p.review && {
      review: {
        actor: actorKey(p.review.stamp.actor),
        at: p.review.stamp.at,
        ...(p.review.reason !== undefined && { reason: p.review.reason }),
        ...(p.review.auditEntryId !== undefined && { auditEntryId: auditNodeId(p.review.auditEntryId) }),
        writtenIds: p.review.writtenIds ?? [],
      },
    }),
  };
}

/** The proposal as stored, or NOT_FOUND naming `id`. */
async function storedProposal(ctx: GraphContext, id: string): Promise<Proposal> {
  const [found] = await ctx.graph.getProposals([id]);
  if (!found) throw new NotFoundError(`No proposal with id "${id}"`, 'id');
  return found;
}

/** How many proposals a document has. */
async function countOf(ctx: GraphContext, documentId: string): Promise<number> {
  const page = await ctx.graph.proposals({ documentId, seek: { limit: 1, backward: false } });
  return page.totalCount;
}

/**
 * Ingests a document: checks it (nothing is written when it is refused), records it as the SOURCE
 * `documentIdFor(text)` and stores the proposals extraction makes against the graph as it is,
 * in one write. The same text again finds the same document, proposes nothing and writes
 * nothing; the same text under another title is refused with CONFLICT naming the document.
 */
export async function ingestDocument(
  ctx: GraphContext,
  given: IngestDocument,
  note: string,
): Promise<{ document: Entity; proposals: number; newProposals: number; audit: AuditEntry | null }> {
  requireEditor(ctx.caller, ctx.writesEnabled);
  const document = checkedDocument(given, ctx.ingestMaxTextChars ?? INGEST_LIMITS.maxTextChars);
  const id = documentIdFor(document.text);
  const existing = await ctx.graph.entity(id);
  if (existing && existing.name !== document.title)
    throw new ConflictError(
      `This text is already recorded as "${existing.name}" (${existing.id}); ingest it under that title, or change the text`,
      'title',
    );
  // The same text again is the same document: it proposes nothing new, even when the graph has
  // changed since (re-extracting after an accept would restate the accepted facts as citations).
  if (existing)
    return { document: existing, proposals: await countOf(ctx, id), newProposals: 0, audit: null };
  // Extraction names the same document id (`documentIdFor` of the text) on every proposal.
  const proposals = extractProposals(document, await ctx.graph.extractionSnapshot());
  const audit = await audited(
    ctx,
    'INGEST_DOCUMENT',
    note,
    { entityIds: [id], relationshipIds: [], proposalIds: proposals.map((p) => p.id) },
    planIngestDocument(document, id, proposals),
  );
  const document$ = await ctx.graph.entity(id);
  if (!document$) throw new Error(`document ${id} missing after its ingest`);
  return { document: document$, proposals: await countOf(ctx, id), newProposals: proposals.length, audit };
}

/** Accepts one proposal, with the editor's edits; returns it as stored after, and the audit entry. */
export async function acceptProposal(ctx: GraphContext, id: string, edits: ProposalEdits, note: string) {
  const proposal = await storedProposal(ctx, id);
  const audit = await audited(
    ctx,
    'ACCEPT_PROPOSAL',
    note,
    acceptReads(edited(proposal, edits)),
    planAcceptProposal(id, edits),
  );
  return { proposal: proposalObject(await storedProposal(ctx, id)), audit };
}

/** Rejects one pending proposal; the reason is kept on it and is the audit entry's note. */
export async function rejectProposal(ctx: GraphContext, id: string, reason: string) {
  await storedProposal(ctx, id);
  const audit = await audited(
    ctx,
    'REJECT_PROPOSAL',
    reason,
    { entityIds: [], relationshipIds: [], proposalIds: [id] },
    planRejectProposal(id, reason),
  );
  return { proposal: proposalObject(await storedProposal(ctx, id)), audit };
}

/** Undoes an accept: what it wrote is retracted and the proposal is PENDING again. */
export async function undoAcceptProposal(ctx: GraphContext, id: string, note: string) {
  const proposal = await storedProposal(ctx, id);
  const audit = await audited(ctx, 'UNDO_ACCEPT', note, undoReads(proposal), planUndoAccept(id));
  return { proposal: proposalObject(await storedProposal(ctx, id)), audit };
}

/**
 * Accepts a document's pending proposals (at most INGEST_LIMITS.bulkAccept per call), entity
 * proposals first, in one write; a proposal that is refused stays PENDING and its outcome says why.
 */
export async function acceptProposals(ctx: GraphContext, documentId: string, note: string) {
  requireEditor(ctx.caller, ctx.writesEnabled);
  const page = await ctx.graph.proposals({
    documentId,
    status: 'PENDING',
    seek: { limit: INGEST_LIMITS.bulkAccept, backward: false },
  });
  const remaining = page.totalCount - page.items.length;
  if (page.items.length === 0) return { outcomes: [], accepted: 0, refused: 0, remaining, audit: null };
  const reads = page.items.map(acceptReads);
  const outcomes: AcceptOutcome[] = [];
  const audit = await audited(
    ctx,
    'ACCEPT_PROPOSAL',
    note,
    {
      entityIds: reads.flatMap((r) => r.entityIds),
      relationshipIds: reads.flatMap((r) => r.relationshipIds),
      proposalIds: reads.flatMap((r) => r.proposalIds),
    },
    planAcceptProposals(
      page.items.map((p) => p.id),
      outcomes,
    ),
  );
  const after = await ctx.graph.getProposals(outcomes.map((o) => o.proposalId));
  return {
    outcomes: outcomes.map((o, i) => ({
      proposal: proposalObject(after[i]!),
      accepted: o.accepted,
      ...(o.code !== undefined && { code: o.code }),
      ...(o.message !== undefined && { message: o.message }),
    })),
    accepted: outcomes.filter((o) => o.accepted).length,
    refused: outcomes.filter((o) => !o.accepted).length,
    remaining,
    audit,
  };
}
