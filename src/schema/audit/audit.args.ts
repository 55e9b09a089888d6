import { ArgsType, Field, ID } from 'type-graphql';
import { ConnectionArgs } from '../shared/connection.args.js';

/** `auditLog`'s arguments. */
@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only writes that changed this entity or relationship.' })
  targetId?: string;

  @Field({
    nullable: true,
    description:
      'Only writes by this caller, given as AuditEntry.actor shows it: "api-key:<name>", "jwt:<issuer>|<subject>" or "legacy:<id>". A bare id is refused (it cannot say which credential). "legacy:<id>" matches only entries written before methods were recorded.',
  })
  actor?: string;
}
