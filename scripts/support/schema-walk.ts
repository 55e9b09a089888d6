import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** The public API as committed (`schema/schema.graphql`, checked against the code by schema-file.test.ts). */
export function publicSchema(): GraphQLSchema {
  return buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
}

/**
 * One place a string reaches the server: an argument of a field (of a root type or any object
 * type), or a field of an input object under one, by path (`upsertEntity.input.aliases[]`).
 */
export interface StringSlot {
  /** The type holding the field: Query, Mutation, or an object type such as Person. */
  parent: string;
  field: string;
  /** Argument name, then input-object field names; `[]` marks a list item. */
  path: string[];
  /** The scalar's name: String, ID, Date... */
  scalar: string;
}

function inputSlots(
  type: GraphQLInputType,
  prefix: string[],
  scalars: readonly string[],
  out: (path: string[], scalar: string) => void,
  seen: Set<string>,
): void {
  const inner = getNullableType(type);
  if (isListType(inner))
    return inputSlots(
      inner.ofType,
      [...prefix.slice(0, -1), `${prefix[prefix.length - 1]}[]`],
      scalars,
      out,
      seen,
    );
  if (isScalarType(inner) && scalars.includes(inner.name)) return out(prefix, inner.name);
  if (isInputObjectType(inner) && !seen.has(inner.name)) {
    for (const field of Object.values(inner.getFields()))
      inputSlots(field.type, [...prefix, field.name], scalars, out, new Set([...seen, inner.name]));
  }
}

/**
 * Every position of the given scalars (String and ID by default) in the arguments of every
 * field of the schema, nested input fields included.
 */
export function stringSlots(
  schema: GraphQLSchema,
  scalars: readonly string[] = ['String', 'ID'],
): StringSlot[] {
  const slots: StringSlot[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type) || isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      for (const arg of field.args) {
        inputSlots(
          arg.type,
          [arg.name],
          scalars,
          (path, scalar) => slots.push({ parent: type.name, field: field.name, path, scalar }),
          new Set(),
        );
      }
    }
  }
  return slots;
}

/** The name of an argument's or input field's innermost type (`[RelationType!]` gives RelationType). */
export const namedTypeOf = (type: GraphQLInputType): string => getNamedType(type).name;
