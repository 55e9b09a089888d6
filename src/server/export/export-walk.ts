import { holdsOn } from '../../domain/dates.js';
import type { Entity } from '../../domain/entity.js';
import type { EntityKind } from '../../domain/model.js';
import type { EntityKey } from '../../domain/pagination.js';
import { isRetracted, type Relationship } from '../../domain/relationship.js';
import { entityKey } from '../../domain/text-keys.js';
import type { GraphStore } from '../../store/graph-store.js';
import type { ExportFilter } from './export-filter.js';

/** Entities per store page of a whole-graph walk (one `listEntities`, then one `relationshipsOf` for their relationships). */
export const EXPORT_PAGE = 1000;

/** A neighbourhood export holds at most this many entities, nearest first (the `neighborhood` cut, by distance then id). */
export const NEIGHBOURHOOD_EXPORT_NODES = 5000;

/** Relationships asked by id per store call when a neighbourhood's facts are completed with their citations. */
const CITATION_BATCH = 500;

/**
 * What an export walks: its entities, then its relationships (with citations), page by page
 * from the store, so no more than a page is held at a time. `truncated` when a neighbourhood
 * was cut at {@link NEIGHBOURHOOD_EXPORT_NODES}.
 */
export interface ExportWalk {
  entities(): AsyncIterable<Entity[]>;
  relationships(): AsyncIterable<Relationship[]>;
  truncated: boolean;
}

/** The walk a filter asks for; null when `around` names no entity. */
export async function planExport(store: GraphStore, filter: ExportFilter): Promise<ExportWalk | null> {
  return filter.around ? neighbourhoodWalk(store, filter, filter.around) : graphWalk(store, filter);
}

/** Every entity (of the kinds), in list order (kind by kind when kinds are given), a store page at a time. */
async function* entityPages(store: GraphStore, kinds: readonly EntityKind[] | undefined) {
  for (const kind of kinds ?? [undefined]) {
    let after: EntityKey | undefined;
    for (;;) {
      const page = await store.listEntities({
        ...(kind && { kind }),
        seek: { limit: EXPORT_PAGE, backward: false, ...(after && { after }) },
      });
      if (page.items.length > 0) yield page.items;
      if (!page.hasMore || page.items.length === 0) break;
      after = entityKey(page.items[page.items.length - 1]!);
    }
  }
}

/**
 * The whole graph: entities by the store's keyset pages; relationships as each page's outgoing
 * ones (every relationship once, at its `from` entity), by type and asOf in the store, the
 * `to` end's kind checked with one batched lookup per page when kinds are given.
 */
function graphWalk(store: GraphStore, filter: ExportFilter): ExportWalk {
  const kinds = filter.kinds ? new Set<string>(filter.kinds) : null;
  return {
    truncated: false,
    entities: () => entityPages(store, filter.kinds),
    async *relationships() {
      for await (const entities of entityPages(store, filter.kinds)) {
        const lists = await store.relationshipsOf(
          entities.map((e) => e.id),
          {
            direction: 'OUT',
            ...(filter.types && { types: filter.types }),
            ...(filter.asOf !== undefined && { asOf: filter.asOf }),
          },
        );
        let rels = lists.flat();
        if (kinds && rels.length > 0) {
          const ends = await store.getEntities([...new Set(rels.map((r) => r.to))]);
          const kept = new Set(ends.flatMap((e) => (e && kinds.has(e.kind) ? [e.id] : [])));
          rels = rels.filter((r) => kept.has(r.to));
        }
        if (rels.length > 0) yield rels;
      }
    },
  };
}

/**
 * A neighbourhood: the store's `neighborhood` (one statement on Neo4j) gives its entities and
 * the live relationships among them without citations; those of the kept kinds and holding on
 * asOf are then read by id, a batch at a time, for their citations.
 */
async function neighbourhoodWalk(
  store: GraphStore,
  filter: ExportFilter,
  around: { id: string; depth: number },
): Promise<ExportWalk | null> {
  const found = await store.neighborhood(around.id, {
    depth: around.depth,
    limit: NEIGHBOURHOOD_EXPORT_NODES,
    ...(filter.types && { types: filter.types }),
  });
  if (!found) return null;
  const kinds = filter.kinds ? new Set<string>(filter.kinds) : null;
  const entities = found.nodes.map((n) => n.entity).filter((e) => !kinds || kinds.has(e.kind));
  const kept = new Set(entities.map((e) => e.id));
  const ids = found.relationships
    .filter(
      (r) =>
        kept.has(r.from) &&
        kept.has(r.to) &&
        (filter.asOf === undefined || holdsOn(filter.asOf, r.validFrom, r.validUntil)),
    )
    .map((r) => r.id);
  return {
    truncated: found.truncated,
    // eslint-disable-next-line @typescript-eslint/require-await
    async *entities() {
      if (entities.length > 0) yield entities;
    },
    async *relationships() {
      for (let i = 0; i < ids.length; i += CITATION_BATCH) {
        const rels = await store.getRelationships(ids.slice(i, i + CITATION_BATCH));
        // Retracted (or gone) since the neighbourhood was read: still left out.
        const live = rels.filter((r): r is Relationship => r !== null && !isRetracted(r));
        if (live.length > 0) yield live;
      }
    },
  };
}
