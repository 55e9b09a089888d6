import { ArgsType, Field, ID, Int } from 'type-graphql';

/** `auditLog`'s arguments. */
@ArgsType()
export class AuditLogArgs {
  @Field(() => ID, { nullable: true, description: 'Only writes that changed this entity or relationship.' })
  targetId?: string;

  @Field({
    nullable: true,
    description:
      'Only writes by this caller, given as AuditEntry.actor shows it: "api-key:<name>", "jwt:<issuer>|<subject>" or "legacy:<id>". A bare id is refused (it cannot say which credential). "legacy:<id>" matches only entries written before methods were recorded.',
  })
  actor?: string;

  @Field(() => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}
