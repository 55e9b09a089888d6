import { isInterfaceType, isObjectType, type GraphQLNamedType } from 'graphql';
import { ENTITY_ATTRIBUTE_NAMES, type EntityAttributeName } from '../../domain/entity.js';
import type { AskedRule } from '../shared/asked-fields.js';
import { SHORTCUTS } from './shortcut.fields.js';

/** The GraphQL interface every entity type implements. */
const ENTITY = 'Entity';

/** Fields of an entity type that read nothing of it beyond its id, kind and name (which every read carries). */
const WITHOUT_ATTRIBUTES = new Set(['__typename', 'id', 'name', 'kind', 'relationships']);

const ATTRIBUTES: ReadonlySet<string> = new Set(ENTITY_ATTRIBUTE_NAMES);

/** A typed shortcut (shortcut.fields.ts): answered from the entity's id alone. */
function isShortcut(type: string, field: string): boolean {
  const fields = (SHORTCUTS as Record<string, Record<string, unknown>>)[type];
  return fields !== undefined && Object.hasOwn(fields, field);
}

/**
 * The entity attributes an operation can read anywhere (`askedNames(entityAttributeRule, ...)`,
 * shared/asked-fields.ts), so a store may leave the others out of the entities it returns for it
 * (a projection: see GraphStore `shortestPaths`, `neighborhood` and `supplyContext`).
 * A field of an entity type reads the attribute of its name; the id, name, kind, typename,
 * relationships and the typed shortcuts (to related entities or relationships) read none; any
 * other field (a computed one, such as an agreement's standing or a source's hasText) may read
 * every attribute.
 */
export const entityAttributeRule: AskedRule<EntityAttributeName> = {
  isRecordType: (type: GraphQLNamedType) =>
    isInterfaceType(type)
      ? type.name === ENTITY
      : isObjectType(type) && type.getInterfaces().some((i) => i.name === ENTITY),
  reads: (type, field) =>
    ATTRIBUTES.has(field)
      ? [field as EntityAttributeName]
      : WITHOUT_ATTRIBUTES.has(field) || isShortcut(type, field)
        ? []
        : undefined,
  names: ENTITY_ATTRIBUTE_NAMES,
};
