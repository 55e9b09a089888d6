import { ArgsType, Field, ID, Int } from 'type-graphql';

/** `auditLog`'s arguments. */
@ArgsType()
export class AuditLogArgs {
  @Field(() => ID, { nullable: true, description: 'Only writes that changed this entity or relationship.' })
  targetId?: string;

  @Field({ nullable: true, description: 'Only writes by this caller.' })
  actor?: string;

  @Field(() => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}
