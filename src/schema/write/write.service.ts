import { randomUUID } from 'node:crypto';
import type { MiddlewareFn } from 'type-graphql';
import type { Actor, AuditEntry, WriteAction } from '../../domain/audit.js';
import { EDITOR_ROLE, type Caller } from '../../domain/caller.js';
import type { WriteRequest } from '../../domain/edits.js';
import {
  BadInputError,
  ForbiddenError,
  UnauthenticatedError,
  UnreachableCaseError,
} from '../../domain/errors.js';
import { normaliseText, textRefusal } from '../../domain/text.js';
import type { GraphContext } from '../shared/graph.service.js';

/** Longest reason accepted for a write. */
const NOTE_MAX = 1000;

/**
 * Who may write: an identified caller with the editor role. Anonymous callers and rejected
 * credentials get UNAUTHENTICATED; a caller without the role, or any caller while no write
 * credential is configured, gets FORBIDDEN. Returns the actor: method, id and (JWT) issuer.
 */
export function requireEditor(caller: Caller, writesEnabled: boolean): Actor {
  if (!writesEnabled)
    throw new ForbiddenError(
      'Writes are disabled on this server: no API key or JWT verification key is configured',
    );
  switch (caller.kind) {
    case 'anonymous':
      throw new UnauthenticatedError(
        'Writes need an editor credential: send Authorization: Bearer <API key or JWT>',
      );
    case 'rejected':
      throw new UnauthenticatedError(`The credential was not accepted: ${caller.reason}`);
    case 'identified':
      if (caller.role !== EDITOR_ROLE)
        throw new ForbiddenError(
          `Writes need the "${EDITOR_ROLE}" role; this credential has "${caller.role}"`,
        );
      return {
        method: caller.method,
        id: caller.id,
        ...(caller.issuer !== undefined && { issuer: caller.issuer }),
      };
    default:
      throw new UnreachableCaseError(caller);
  }
}

/** Refuses callers who may not write before their arguments are even validated (every audited mutation uses it). */
export const EditorsOnly: MiddlewareFn<GraphContext> = ({ context }, next) => {
  requireEditor(context.caller, context.writesEnabled);
  return next();
};

/** The `note` argument every audited mutation takes. */
export const NOTE = { description: 'Why: required, kept in the audit trail.' };

/** Runs one audited write for the request's caller: one transaction, all or nothing, then fresh reads. */
export async function audited(
  ctx: GraphContext,
  action: WriteAction,
  note: string,
  reads: WriteRequest['reads'],
  plan: WriteRequest['plan'],
): Promise<AuditEntry> {
  const actor = requireEditor(ctx.caller, ctx.writesEnabled);
  const reason = normaliseText(note.trim());
  if (reason === '') throw new BadInputError('note must say why (it is kept in the audit trail)', 'note');
  const refusal = textRefusal(reason, 'lines');
  if (refusal !== null) throw new BadInputError(`note ${refusal}`, 'note');
  if (reason.length > NOTE_MAX)
    throw new BadInputError(`note must be at most ${NOTE_MAX} characters`, 'note');
  const stamp = { id: randomUUID(), at: new Date().toISOString(), actor, action, note: reason };
  return ctx.graph.applyWrite({ stamp, reads, plan });
}
