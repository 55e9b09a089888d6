import { pageFlags, type Seek, type SeekPage } from '../../domain/pagination.js';

/**
 * A Relay connection over one page (in list order) of `totalCount`, each edge's cursor from
 * `cursorOf`. `hasPreviousPage` on a forward walk (and `hasNextPage` on a backward one) says
 * whether the walk started from a cursor, as Relay allows, without a second query.
 */
export function toConnection<T>(
  page: SeekPage<T>,
  seek: Seek<unknown>,
  totalCount: number,
  cursorOf: (item: T) => string,
) {
  const edges = page.items.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    nodes: [...page.items],
    totalCount,
    pageInfo: {
      ...pageFlags(seek, page.hasMore),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
