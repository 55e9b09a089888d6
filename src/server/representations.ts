import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The representations a federation subgraph's `_entities` fields are asked for, counted before anything runs. */
export interface Representations {
  /** How many, over every `_entities` field of the operation (aliases included). */
  count: number;
  /** The variable values sent as `representations` (arrays, as sent): FEDERATION_MAX_REPRESENTATIONS bounds them, not MAX_LIST_LENGTH. */
  lists: Set<unknown>;
}

/**
 * Counts the representations of the `_entities` root fields of a query, from the raw variables
 * (no coercion: the variables' shape is checked after this): a variable's array by its length,
 * any other value as one (graphql-js coerces it to a list of one), a literal list by its items.
 * Root-level fragments are followed; `_entities` exists only on a subgraph's Query type.
 */
export function entityRepresentations(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Representations {
  const found: Representations = { count: 0, lists: new Set() };
  if (operation.operation !== OperationTypeNode.QUERY) return found;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          walk(fragment.selectionSet);
        }
      } else if (selection.name.value === '_entities') {
        const value = selection.arguments?.find((a) => a.name.value === 'representations')?.value;
        if (value?.kind === Kind.LIST) found.count += value.values.length;
        else if (value?.kind === Kind.VARIABLE) {
          const raw = variables?.[value.name.value];
          if (Array.isArray(raw)) {
            found.count += raw.length;
            found.lists.add(raw);
          } else if (raw !== undefined && raw !== null) found.count += 1;
        }
      }
    }
  };
  walk(operation.selectionSet);
  return found;
}
