import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

const wrapped = new WeakSet<GraphQLFieldResolver<unknown, unknown>>();

/**
 * An optional argument given an explicit `null` (a literal or a variable) reaches resolvers as
 * absent, on every field: `asOf: null` means "today", `first: null` the default page. Only
 * top-level arguments: inside a write's input, `null` keeps its own meaning. Returns `schema`.
 */
export function nullArgumentsAsAbsent(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || field.args.length === 0 || wrapped.has(resolve)) continue;
      field.resolve = (source, args: Record<string, unknown>, context, info) =>
        resolve(source, withoutNulls(args), context, info);
      wrapped.add(field.resolve);
    }
  }
  return schema;
}

function withoutNulls(args: Record<string, unknown>): Record<string, unknown> {
  if (!Object.values(args).includes(null)) return args;
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null));
}
