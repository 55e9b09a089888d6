import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { todayIso } from '../../domain/dates.js';
import type { Entity } from '../../domain/entity.js';
import { lifecycleStatus, type LifecycleStatus } from '../../domain/lifecycle.js';
import { checkAsOf } from '../shared/arguments.js';
import type { GraphContext, GraphService } from '../shared/graph.service.js';
import { DateScalar } from '../shared/scalars.js';
import { Agreement, Measure } from './entity.type.js';
import { LifecycleStatusEnum } from './lifecycle.type.js';

/** Where an agreement or measure stands on `asOf` (today when absent), its suspensions one batched lookup. */
async function statusOf(entity: Entity, asOf: string | undefined, graph: GraphService): Promise<LifecycleStatus | null> {
  const day = checkAsOf(asOf) ?? todayIso();
  const suspensions = await graph.relationshipsOf(entity.id, { types: ['SUSPENDS'], direction: 'IN' });
  return lifecycleStatus(day, entity, suspensions);
}

const STATUS_DOC = 'Status on `asOf` (today when absent): null before it was announced.';

@Resolver(() => Measure)
export class MeasureStatusResolver {
  @FieldResolver(() => LifecycleStatusEnum, { nullable: true, description: STATUS_DOC })
  status(@Root() m: Entity, @Ctx() { graph }: GraphContext, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string) {
    return statusOf(m, asOf, graph);
  }
}

@Resolver(() => Agreement)
export class AgreementStatusResolver {
  @FieldResolver(() => LifecycleStatusEnum, { nullable: true, description: STATUS_DOC })
  status(@Root() a: Entity, @Ctx() { graph }: GraphContext, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string) {
    return statusOf(a, asOf, graph);
  }
}
