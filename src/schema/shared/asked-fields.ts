import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * What a store may leave out of the records of one kind (entities, relationships) for an
 * operation: which of their stored names its fields read, given per type by `reads`.
 */
export interface AskedRule<N extends string> {
  /** Whether a GraphQL type is one of the record's types. */
  isRecordType(type: GraphQLNamedType): boolean;
  /** The stored names a field of such a type reads: none (`[]`), some, or every one (undefined). */
  reads(type: string, field: string): readonly N[] | undefined;
  /** Every stored name, in the order an answer lists them. */
  names: readonly N[];
}

const remembered = new WeakMap<
  AskedRule<string>,
  WeakMap<OperationDefinitionNode, readonly string[] | undefined>
>();

/**
 * The stored names an operation can read anywhere of the records `rule` describes (every record
 * it meets needs at most these), in `rule.names` order; undefined for all of them. Read from the
 * operation and every fragment of its document, whatever their directives say (a field under
 * @skip still counts: a superset is safe). Remembered per operation node (Apollo hands the same
 * parsed document to every request with its text).
 */
export function askedNames<N extends string>(
  rule: AskedRule<N>,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): readonly N[] | undefined {
  let byOperation = remembered.get(rule);
  if (!byOperation) remembered.set(rule, (byOperation = new WeakMap()));
  if (byOperation.has(operation)) return byOperation.get(operation) as readonly N[] | undefined;
  const found = new Set<N>();
  let all = false;
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      if (all || !parent || !rule.isRecordType(parent)) return;
      const names = rule.reads(parent.name, node.name.value);
      if (names === undefined) all = true;
      else for (const name of names) found.add(name);
    },
  });
  for (const definition of document.definitions)
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  const answer = all ? undefined : rule.names.filter((n) => found.has(n));
  byOperation.set(operation, answer);
  return answer;
}
