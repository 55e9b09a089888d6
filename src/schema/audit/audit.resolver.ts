import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { AuditEntry as AuditRecord } from '../../domain/audit.js';
import { pageWindow } from '../../domain/pagination.js';
import { toConnection } from '../shared/connection.js';
import type { GraphContext } from '../shared/graph.service.js';
import { AuditLogArgs } from './audit.args.js';
import { AuditConnection } from './audit.type.js';

/** The audit trail of writes, paged newest first. */
@Resolver()
export class AuditResolver {
  @Query(() => AuditConnection, { nullable: true, description: 'The audit trail of writes, newest first.' })
  async auditLog(@Args() args: AuditLogArgs, @Ctx() { graph }: GraphContext) {
    const { offset, limit } = pageWindow(args.first, args.after);
    const page = await graph.auditLog({ offset, limit, ...(args.targetId && { targetId: args.targetId }), ...(args.actor && { actor: args.actor }) });
    const { nodes, pageInfo, totalCount } = toConnection<AuditRecord>(page.items, offset, page.totalCount);
    return { nodes, pageInfo, totalCount };
  }
}
