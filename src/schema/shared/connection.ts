import { encodeCursor } from '../../domain/pagination.js';

/** A Relay connection over one page of items starting at `offset` of `totalCount`. */
export function toConnection<T>(items: readonly T[], offset: number, totalCount: number) {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    nodes: [...items],
    totalCount,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
