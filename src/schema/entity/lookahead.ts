import {
  getNamedType,
  isCompositeType,
  isObjectType,
  Kind,
  type GraphQLCompositeType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { RelatedHop } from '../../store/graph-store.js';
import { RELATED_FIELDS } from './shortcut.fields.js';

/** At most this many hops are fetched ahead for one root field; fields beyond fall back to their batched loaders. */
export const MAX_LOOKAHEAD_HOPS = 16;

/**
 * Hops at most this many levels below the root are fetched ahead. A tree repeats the subtree of
 * an entity reached twice (the loaders fetch it once per level), so deep trees over dense
 * neighbourhoods could multiply; two levels (`facilities { country }`) keep that bounded.
 */
export const MAX_LOOKAHEAD_DEPTH = 2;

/**
 * The related-entity hops (the shortcuts of RELATED_FIELDS) that the selection below the current field asks for,
 * nested as asked, through inline fragments and named fragments: what the resolver can fetch in
 * one round trip with its entity (GraphService.entityWith). Fields under @skip or @include are
 * left to their loaders; hops of the same type and direction are merged. At most
 * MAX_LOOKAHEAD_HOPS hops, breadth first, and MAX_LOOKAHEAD_DEPTH levels. With `through` (a connection's `nodes`), the hops
 * asked below that field.
 */
export function relatedHops(info: GraphQLResolveInfo, through?: string): RelatedHop[] {
  const roots: RelatedHop[] = [];
  let budget = MAX_LOOKAHEAD_HOPS;
  // Breadth first, so a large selection keeps its shallow hops.
  const queue: {
    set: SelectionSetNode | undefined;
    type: GraphQLCompositeType;
    into: RelatedHop[];
    level: number;
  }[] = [];
  let returnType = getNamedType(info.returnType);
  let sets = info.fieldNodes.map((node) => node.selectionSet);
  if (through !== undefined) {
    // A connection: the entities are under its `through` field (`nodes`), selected directly.
    const field = isObjectType(returnType) ? returnType.getFields()[through] : undefined;
    if (!field) return [];
    returnType = getNamedType(field.type);
    sets = sets.flatMap((set) =>
      (set?.selections ?? []).flatMap((s) =>
        s.kind === Kind.FIELD && s.name.value === through && !s.directives?.length ? [s.selectionSet] : [],
      ),
    );
  }
  for (const set of sets)
    if (isCompositeType(returnType)) queue.push({ set, type: returnType, into: roots, level: 1 });
  while (queue.length > 0) {
    const { set, type, into, level } = queue.shift()!;
    for (const selection of set?.selections ?? []) {
      if (selection.directives && selection.directives.length > 0) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
        const condition = fragment?.typeCondition
          ? info.schema.getType(fragment.typeCondition.name.value)
          : type;
        if (fragment && condition && isCompositeType(condition))
          queue.push({ set: fragment.selectionSet, type: condition, into, level });
        continue;
      }
      const related = isObjectType(type) ? RELATED_FIELDS[type.name]?.[selection.name.value]?.hop : undefined;
      if (!related || !isObjectType(type) || level > MAX_LOOKAHEAD_DEPTH) continue;
      let hop = into.find((h) => h.type === related.type && h.direction === related.direction);
      if (!hop) {
        if (budget === 0) continue;
        budget--;
        hop = { type: related.type, direction: related.direction, next: [] };
        into.push(hop);
      }
      const child = getNamedType(type.getFields()[selection.name.value]!.type);
      if (isCompositeType(child))
        queue.push({ set: selection.selectionSet, type: child, into: hop.next, level: level + 1 });
    }
  }
  return roots;
}
