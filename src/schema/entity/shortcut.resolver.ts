import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';
import { RelationshipObject } from '../relationship/relationship.type.js';
import type { GraphContext } from '../shared/graph.service.js';
import { ENTITY_TYPES } from './entity.type.js';
import { SHORTCUTS, type Shortcut } from './shortcut.fields.js';

type Answer = (root: Entity, ctx: GraphContext) => Promise<Entity[] | Entity | null | Relationship[]>;

/**
 * How a shortcut is answered. Each is one batched lookup (plus one batched entity lookup for
 * related entities), whatever the number of entities asking.
 */
function answer(field: Shortcut): Answer {
  if ('relationships' in field) {
    const filter = { types: [field.relationships.type], direction: field.relationships.direction };
    return (root, { graph }) => graph.relationshipsOf(root.id, filter);
  }
  if (field.one)
    return async (root, { graph }) => (await graph.related(root.id, field.hop, field.kind))[0] ?? null;
  return (root, { graph }) => graph.related(root.id, field.hop, field.kind);
}

/** The field's GraphQL type and options, as a hand-written `@FieldResolver(() => ..., {...})` would give them. */
function declared(field: Shortcut): Parameters<typeof FieldResolver> {
  if ('relationships' in field) return [() => [RelationshipObject], { description: field.description }];
  if (field.one) return [() => field.returns, { nullable: true, description: field.description }];
  return [() => [field.returns], { description: field.description }];
}

/**
 * One resolver class for an entity type, its fields built from the table in table order: the
 * decorators a class body would carry, applied in the order TypeScript applies them (parameters,
 * then the method, then the class), so the schema is the one hand-written classes gave.
 */
function shortcutResolver(typeName: string, fields: Record<string, Shortcut>): ClassType {
  const target = ENTITY_TYPES.find((type) => type.name === typeName);
  if (!target) throw new Error(`SHORTCUTS names ${typeName}, which is not an entity type`);
  const resolver = class {};
  Object.defineProperty(resolver, 'name', { value: `${typeName}ShortcutResolver` });
  for (const [name, field] of Object.entries(fields)) {
    Object.defineProperty(resolver.prototype, name, {
      value: answer(field),
      writable: true,
      configurable: true,
    });
    Ctx()(resolver.prototype, name, 1);
    Root()(resolver.prototype, name, 0);
    FieldResolver(...declared(field))(
      resolver.prototype,
      name,
      Object.getOwnPropertyDescriptor(resolver.prototype, name)!,
    );
  }
  Resolver(() => target)(resolver);
  return resolver;
}

/** The resolvers of every typed shortcut field of {@link SHORTCUTS}, one class per entity type. */
export const SHORTCUT_RESOLVERS: ClassType[] = Object.entries(SHORTCUTS).map(([typeName, fields]) =>
  shortcutResolver(typeName, fields as Record<string, Shortcut>),
);
