import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { AuditEntry as AuditRecord } from '../../domain/audit.js';
import { decodeAuditCursor, encodeAuditCursor, seekOf } from '../../domain/pagination.js';
import { toConnection } from '../shared/connection.js';
import type { GraphContext } from '../shared/graph.service.js';
import { AuditLogArgs } from './audit.args.js';
import { AuditConnection } from './audit.type.js';

/** The audit trail of writes, paged newest first by keyset cursors on (at, id). */
@Resolver()
export class AuditResolver {
  @Query(() => AuditConnection, { description: 'The audit trail of writes, newest first (then by id, descending).' })
  async auditLog(@Args() args: AuditLogArgs, @Ctx() { graph }: GraphContext) {
    const seek = seekOf(args, decodeAuditCursor);
    const page = await graph.auditLog({ seek, ...(args.targetId && { targetId: args.targetId }), ...(args.actor && { actor: args.actor }) });
    const { nodes, pageInfo, totalCount } = toConnection<AuditRecord>(page, seek, page.totalCount, (a) => encodeAuditCursor({ at: a.at, id: a.id }));
    return { nodes, pageInfo, totalCount };
  }
}
