import { isIsoDay } from '../../domain/dates.js';
import type { Entity } from '../../domain/entity.js';
import { BadInputError, NotFoundError } from '../../domain/errors.js';
import type { RelatedHop } from '../../store/graph-store.js';
import type { GraphService } from './graph.service.js';

/** `asOf` must be a full day: a partial date names a period, not a moment. Refused as BAD_USER_INPUT; `null` is absent. */
export function checkAsOf(asOf: string | null | undefined): string | undefined {
  if (asOf === null || asOf === undefined) return undefined;
  if (!isIsoDay(asOf)) throw new BadInputError('Argument "asOf" must be a full day, YYYY-MM-DD', 'asOf');
  return asOf;
}

/**
 * The entity an id argument names, with the related entities `hops` reach fetched in the same
 * round trip (see GraphService.entityWith); NOT_FOUND naming the argument when there is none.
 */
export async function mustExist(
  graph: GraphService,
  id: string,
  argument: string,
  hops: readonly RelatedHop[] = [],
): Promise<Entity> {
  const entity = await graph.entityWith(id, hops);
  if (!entity) throw noEntity(id, argument);
  return entity;
}

/** NOT_FOUND for an id argument naming no entity. */
export function noEntity(id: string, argument: string): NotFoundError {
  return new NotFoundError(`No entity with id "${id}" (argument "${argument}")`, argument);
}
