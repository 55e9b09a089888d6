import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { actorKey, isActorKey, type AuditEntry as AuditRecord } from '../../domain/audit.js';
import { BadInputError } from '../../domain/errors.js';
import { pageWindow } from '../../domain/pagination.js';
import { toConnection } from '../shared/connection.js';
import type { GraphContext } from '../shared/graph.service.js';
import { AuditLogArgs } from './audit.args.js';
import { ActorMethodEnum, AuditConnection, AuditEntry } from './audit.type.js';

const METHOD_ENUM = { 'api-key': ActorMethodEnum.API_KEY, jwt: ActorMethodEnum.JWT, legacy: ActorMethodEnum.LEGACY } as const;

/** The audit trail of writes, paged newest first, and the actor fields of its entries. */
@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditConnection, { nullable: true, description: 'The audit trail of writes, newest first.' })
  async auditLog(@Args() args: AuditLogArgs, @Ctx() { graph }: GraphContext) {
    if (args.actor != null && !isActorKey(args.actor)) {
      throw new BadInputError(`actor must name the method: "api-key:<name>", "jwt:<issuer>|<subject>" or "legacy:<id>" (got "${args.actor.slice(0, 100)}")`, 'actor');
    }
    const { offset, limit } = pageWindow(args.first, args.after);
    const page = await graph.auditLog({ offset, limit, ...(args.targetId && { targetId: args.targetId }), ...(args.actor && { actor: args.actor }) });
    const { nodes, pageInfo, totalCount } = toConnection<AuditRecord>(page.items, offset, page.totalCount);
    return { nodes, pageInfo, totalCount };
  }

  @FieldResolver(() => String)
  actor(@Root() entry: AuditRecord): string {
    return actorKey(entry.actor);
  }

  @FieldResolver(() => ActorMethodEnum)
  actorMethod(@Root() entry: AuditRecord): keyof typeof ActorMethodEnum {
    return METHOD_ENUM[entry.actor.method];
  }

  @FieldResolver(() => String)
  actorId(@Root() entry: AuditRecord): string {
    return entry.actor.id;
  }

  @FieldResolver(() => String, { nullable: true })
  actorIssuer(@Root() entry: AuditRecord): string | null {
    return entry.actor.issuer ?? null;
  }
}
