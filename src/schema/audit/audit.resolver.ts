import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { AuditEntry as AuditRecord } from '../../domain/audit.js';
import { pageWindow } from '../../domain/pagination.js';
import { auditChangeId, auditNodeId } from '../node/node-id.js';
import { toConnection } from '../shared/connection.js';
import type { GraphContext } from '../shared/graph.service.js';
import { AuditLogArgs } from './audit.args.js';
import { AuditChange, AuditConnection, AuditEntry } from './audit.type.js';

/** The audit trail of writes, paged newest first. */
@Resolver()
export class AuditResolver {
  @Query(() => AuditConnection, { description: 'The audit trail of writes, newest first.' })
  async auditLog(@Args() args: AuditLogArgs, @Ctx() { graph }: GraphContext) {
    const { offset, limit } = pageWindow(args.first, args.after);
    const page = await graph.auditLog({ offset, limit, ...(args.targetId && { targetId: args.targetId }), ...(args.actor && { actor: args.actor }) });
    return toConnection<AuditRecord>(page.items, offset, page.totalCount);
  }
}

/** The API's view of a stored audit entry: a global id, and an id of its own for each change. */
@Resolver(() => AuditEntry)
export class AuditEntryResolver {
  @FieldResolver(() => ID)
  id(@Root() entry: AuditRecord): string {
    return auditNodeId(entry.id);
  }

  @FieldResolver(() => [AuditChange])
  changes(@Root() entry: AuditRecord): AuditChange[] {
    // Stored changes carry the changed record's id as `id`; the API gives it as `targetId`.
    return entry.changes.map((c, i) => ({ id: auditChangeId(entry.id, i), targetId: c.id, target: c.target, before: c.before, after: c.after }));
  }
}
