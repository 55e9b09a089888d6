import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { todayIso } from '../../domain/dates.js';
import type { Entity } from '../../domain/entity.js';
import { agreementStanding, lifecycleStatus, type LifecycleStatus } from '../../domain/lifecycle.js';
import { checkAsOf } from '../shared/arguments.js';
import type { GraphContext, GraphService } from '../shared/graph.service.js';
import { DateScalar } from '../shared/scalars.js';
import { Agreement, Measure } from './entity.type.js';
import { AgreementStanding, LifecycleStatusEnum } from './lifecycle.type.js';
import { RELATED_FIELDS } from './shortcut.fields.js';

/** Where an agreement or measure stands on `asOf` (today when absent), its suspensions one batched lookup. */
async function statusOf(
  entity: Entity,
  asOf: string | undefined,
  graph: GraphService,
): Promise<LifecycleStatus | null> {
  const day = checkAsOf(asOf) ?? todayIso();
  const suspensions = await graph.relationshipsOf(entity.id, { types: ['SUSPENDS'], direction: 'IN' });
  return lifecycleStatus(day, entity, suspensions);
}

const STATUS_DOC = 'Status on `asOf` (today when absent): null before it was announced.';

@Resolver(() => Measure)
export class MeasureStatusResolver {
  @FieldResolver(() => LifecycleStatusEnum, { nullable: true, description: STATUS_DOC })
  status(
    @Root() m: Entity,
    @Ctx() { graph }: GraphContext,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description: 'The day asked about (YYYY-MM-DD); today when absent.',
    })
    asOf?: string,
  ) {
    return statusOf(m, asOf, graph);
  }
}

/**
 * An agreement's standing on `asOf`: its terms (the commitments PART_OF it) decide once every
 * dated term has ended (EXPIRED, with the date and "no renewal recorded"); otherwise its own
 * dates and suspensions do, as for a measure. One batched lookup each for terms and suspensions.
 */
async function standingOf(agreement: Entity, asOf: string | undefined, graph: GraphService) {
  const day = checkAsOf(asOf) ?? todayIso();
  const terms = await graph.related(agreement.id, RELATED_FIELDS.Agreement!.commitments!.hop, 'COMMITMENT');
  const standing = agreementStanding(day, agreement, terms);
  const byId = new Map(terms.map((t) => [t.id, t]));
  const entities = (ids: string[]) => ids.map((id) => byId.get(id)!);
  const status = standing.endedOn === null ? await statusOf(agreement, day, graph) : standing.status;
  return {
    ...standing,
    status,
    lastTerms: entities(standing.lastTerms),
    openTerms: entities(standing.openTerms),
  };
}

@Resolver(() => Agreement)
export class AgreementStatusResolver {
  @FieldResolver(() => LifecycleStatusEnum, {
    nullable: true,
    description: `${STATUS_DOC} EXPIRED once every dated term has ended (see \`standing\` for the date and why).`,
  })
  async status(
    @Root() a: Entity,
    @Ctx() { graph }: GraphContext,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description: 'The day asked about (YYYY-MM-DD); today when absent.',
    })
    asOf?: string,
  ) {
    return (await standingOf(a, asOf, graph)).status;
  }

  @FieldResolver(() => AgreementStanding, {
    description: 'Status on `asOf` (today when absent) with the date and reason when its terms decide it.',
  })
  standing(
    @Root() a: Entity,
    @Ctx() { graph }: GraphContext,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description: 'The day asked about (YYYY-MM-DD); today when absent.',
    })
    asOf?: string,
  ) {
    return standingOf(a, asOf, graph);
  }
}
