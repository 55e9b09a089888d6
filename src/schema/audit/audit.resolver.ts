import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { actorKey, isActorKey, type AuditEntry as AuditRecord } from '../../domain/audit.js';
import { BadInputError } from '../../domain/errors.js';
import { decodeAuditCursor, encodeAuditCursor, seekOf } from '../../domain/pagination.js';
import { auditChangeId, auditNodeId } from '../node/node-id.js';
import { toConnection } from '../shared/connection.js';
import type { GraphContext } from '../shared/graph.service.js';
import { AuditLogArgs } from './audit.args.js';
import { ActorMethodEnum, AuditChange, AuditConnection, AuditEntry } from './audit.type.js';

const METHOD_ENUM = {
  'api-key': ActorMethodEnum.API_KEY,
  jwt: ActorMethodEnum.JWT,
  legacy: ActorMethodEnum.LEGACY,
} as const;

/** The audit trail of writes, paged newest first, and the actor fields of its entries. */
@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditConnection, {
    nullable: true,
    description:
      'The audit trail of writes, newest first (then by id, descending), paged by keyset cursors on (at, id).',
  })
  async auditLog(@Args() args: AuditLogArgs, @Ctx() { graph }: GraphContext) {
    if (args.actor != null && !isActorKey(args.actor)) {
      throw new BadInputError(
        `actor must name the method: "api-key:<name>", "jwt:<issuer>|<subject>" or "legacy:<id>" (got "${args.actor.slice(0, 100)}")`,
        'actor',
      );
    }
    const seek = seekOf(args, decodeAuditCursor);
    const page = await graph.auditLog({
      seek,
      ...(args.targetId && { targetId: args.targetId }),
      ...(args.actor && { actor: args.actor }),
    });
    return toConnection<AuditRecord>(page, seek, page.totalCount, (a) =>
      encodeAuditCursor({ at: a.at, id: a.id }),
    );
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
    return entry.changes.map((c, i) => ({
      id: auditChangeId(entry.id, i),
      targetId: c.id,
      target: c.target,
      before: c.before,
      after: c.after,
    }));
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
