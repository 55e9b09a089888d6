import { ArgsType, Field, ID } from 'type-graphql';
import type { ProposalStatus, ProposalType } from '../../domain/ingest/proposal.js';
import { ConnectionArgs } from '../shared/connection.args.js';
import { ProposalStatusEnum, ProposalTypeEnum } from './ingest.type.js';

/** `proposals`' arguments. */
@ArgsType()
export class ProposalsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only proposals from this document (its source id).' })
  document?: string;

  @Field(() => ProposalStatusEnum, { nullable: true, description: 'Only proposals with this status.' })
  status?: ProposalStatus;

  @Field(() => ProposalTypeEnum, { nullable: true, description: 'Only proposals of this type.' })
  type?: ProposalType;
}
