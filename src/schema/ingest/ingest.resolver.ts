import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import type { Proposal } from '../../domain/ingest/proposal.js';
import { decodeIdCursor, encodeIdCursor, seekOf } from '../../domain/pagination.js';
import { toConnection } from '../shared/connection.js';
import type { GraphContext } from '../shared/graph.service.js';
import { EditorsOnly, NOTE } from '../write/write.service.js';
import { ProposalsArgs } from './ingest.args.js';
import { IngestDocumentInput, ProposalEditsInput } from './ingest.input.js';
import {
  acceptProposal,
  acceptProposals,
  ingestDocument,
  proposalObject,
  rejectProposal,
  undoAcceptProposal,
} from './ingest.service.js';
import { AcceptProposalsPayload, IngestPayload, ProposalConnection, ProposalPayload } from './ingest.type.js';

/**
 * Growing the graph from documents: ingest a document (it becomes a source, extraction proposes
 * facts), list the proposals, and accept, reject or undo them. For editors only, reads included:
 * proposals are not facts, and no other query shows them.
 */
@Resolver()
export class IngestResolver {
  @Query(() => ProposalConnection, {
    description:
      'Proposals extracted from ingested documents, in id order, paged by keyset cursors on the id. Editors only (UNAUTHENTICATED or FORBIDDEN otherwise).',
  })
  @UseMiddleware(EditorsOnly)
  async proposals(@Args() args: ProposalsArgs, @Ctx() ctx: GraphContext) {
    const seek = seekOf(args, decodeIdCursor);
    const page = await ctx.graph.proposals({
      seek,
      ...(args.document != null && { documentId: args.document }),
      ...(args.status != null && { status: args.status }),
      ...(args.type != null && { type: args.type }),
    });
    const connection = toConnection<Proposal>(page, seek, page.totalCount, (p) => encodeIdCursor(p.id));
    return {
      ...connection,
      edges: connection.edges.map((e) => ({ cursor: e.cursor, node: proposalObject(e.node) })),
      nodes: connection.nodes.map(proposalObject),
    };
  }

  @Mutation(() => IngestPayload, {
    description:
      'Ingest a document: it is recorded as a source with its full text (id doc-<hash of the text>), and extraction proposes entities, relationships and citations from it for review. The same text again finds the same document and proposes nothing new. Refused, changing nothing: empty, too long or binary text, a bad publication day (BAD_USER_INPUT naming the field), the same text under another title (CONFLICT).',
  })
  @UseMiddleware(EditorsOnly)
  async ingestDocument(
    @Arg('input', { description: 'The document: text, title, publisher, publication day and URL.' })
    input: IngestDocumentInput,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: GraphContext,
  ) {
    return ingestDocument(ctx, { ...input, ...(input.url == null && { url: undefined }) }, note);
  }

  @Mutation(() => ProposalPayload, {
    description:
      'Accept a pending proposal, optionally edited: its facts are written through the normal write path (validation, verbatim quote check) with the proposal ACCEPTED, in one transaction. A relationship whose entity proposal is not accepted yet is refused with CONFLICT (field dependsOn).',
  })
  @UseMiddleware(EditorsOnly)
  async acceptProposal(
    @Arg('id', () => ID, { description: 'Id of the proposal.' }) id: string,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: GraphContext,
    @Arg('edits', () => ProposalEditsInput, {
      nullable: true,
      description: 'What to change in it before accepting.',
    })
    edits?: ProposalEditsInput,
  ) {
    return acceptProposal(ctx, id, { ...edits }, note);
  }

  @Mutation(() => ProposalPayload, {
    description: 'Reject a pending proposal; the reason is kept on it and in the audit trail.',
  })
  @UseMiddleware(EditorsOnly)
  async rejectProposal(
    @Arg('id', () => ID, { description: 'Id of the proposal.' }) id: string,
    @Arg('reason', { description: 'Why it is wrong: required, kept on the proposal and in the audit trail.' })
    reason: string,
    @Ctx() ctx: GraphContext,
  ) {
    return rejectProposal(ctx, id, reason);
  }

  @Mutation(() => AcceptProposalsPayload, {
    description:
      "Accept a document's pending proposals (up to 500 per call), entity proposals first, in one transaction; each refused one stays PENDING and its outcome says why.",
  })
  @UseMiddleware(EditorsOnly)
  async acceptProposals(
    @Arg('document', () => ID, { description: 'Id of the document (its source id).' }) document: string,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: GraphContext,
  ) {
    return acceptProposals(ctx, document, note);
  }

  @Mutation(() => ProposalPayload, {
    description:
      'Undo an accept: the relationship it added is retracted (a citation it added is removed) and the proposal is PENDING again, in one transaction. An accepted entity cannot be undone (BAD_USER_INPUT).',
  })
  @UseMiddleware(EditorsOnly)
  async undoAcceptProposal(
    @Arg('id', () => ID, { description: 'Id of the accepted proposal.' }) id: string,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: GraphContext,
  ) {
    return undoAcceptProposal(ctx, id, note);
  }
}
