import {
  isInterfaceType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ENTITY_ATTRIBUTE_NAMES, type EntityAttributeName } from '../../domain/entity.js';
import { SHORTCUTS } from './shortcut.fields.js';

/** The GraphQL interface every entity type implements. */
const ENTITY = 'Entity';

/** Fields of an entity type that read nothing of it beyond its id, kind and name (which every read carries). */
const WITHOUT_ATTRIBUTES = new Set(['__typename', 'id', 'name', 'kind', 'relationships']);

const ATTRIBUTES: ReadonlySet<string> = new Set(ENTITY_ATTRIBUTE_NAMES);

function isEntityType(type: GraphQLNamedType | null | undefined): boolean {
  if (!type) return false;
  if (isInterfaceType(type)) return type.name === ENTITY;
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === ENTITY);
}

/** A typed shortcut (shortcut.fields.ts): answered from the entity's id alone. */
function isShortcut(type: string, field: string): boolean {
  const fields = (SHORTCUTS as Record<string, Record<string, unknown>>)[type];
  return fields !== undefined && Object.hasOwn(fields, field);
}

const asked = new WeakMap<OperationDefinitionNode, readonly EntityAttributeName[] | undefined>();

/**
 * The entity attributes an operation can read anywhere (every entity it meets needs at most
 * these), so a store may leave the others out of the entities it returns for it (a projection:
 * see GraphStore `shortestPaths`, `neighborhood` and `supplyContext`); undefined for all of them.
 * Read from the operation and every fragment of its document, whatever their directives say (a
 * field under @skip still counts: a superset is safe). A field of an entity type counts as the
 * attribute of its name; the fields that read no attribute are the id, name, kind, typename,
 * relationships and the typed shortcuts (to related entities or relationships); any other field
 * (a computed one, such as an agreement's standing or a source's hasText) asks for every
 * attribute. Remembered per operation node (Apollo hands the same parsed document to every
 * request with its text).
 */
export function askedEntityAttributes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): readonly EntityAttributeName[] | undefined {
  if (asked.has(operation)) return asked.get(operation);
  const found = new Set<EntityAttributeName>();
  let all = false;
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      if (!isEntityType(parent)) return;
      const name = node.name.value;
      if (ATTRIBUTES.has(name)) found.add(name as EntityAttributeName);
      else if (!WITHOUT_ATTRIBUTES.has(name) && !isShortcut(parent!.name, name)) all = true;
    },
  });
  for (const definition of document.definitions)
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  const answer = all ? undefined : ENTITY_ATTRIBUTE_NAMES.filter((a) => found.has(a));
  asked.set(operation, answer);
  return answer;
}
