import type { Entity } from '../entity.js';
import type { EntityKind, RelationType } from '../model.js';
import type { Relationship } from '../relationship.js';
import type { PartialDate } from '../dates.js';

/*
 * The part of the graph extraction reads: entities to match mentions against, and relationships
 * to recognise a restated fact (corroboration). A plain value the caller fills from its store.
 */

/** An entity as extraction sees it. */
export interface SnapshotEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases?: readonly string[];
}

/** A relationship as extraction sees it: enough to tell whether a proposal restates it. */
export interface SnapshotRelationship {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  stage?: string;
  year?: number;
  title?: string;
  validFrom?: PartialDate;
  validUntil?: PartialDate;
}

/** What {@link extractProposals} matches against. */
export interface GraphSnapshot {
  entities: readonly SnapshotEntity[];
  relationships: readonly SnapshotRelationship[];
}

/**
 * The snapshot of a graph: every entity but SOURCEs (documents are not mentioned, they cite) and
 * every relationship not retracted.
 */
export function graphSnapshot(
  entities: readonly Pick<Entity, 'id' | 'kind' | 'name' | 'aliases'>[],
  relationships: readonly Pick<
    Relationship,
    'id' | 'type' | 'from' | 'to' | 'stage' | 'year' | 'title' | 'validFrom' | 'validUntil' | 'retractedAt'
  >[],
): GraphSnapshot {
  return {
    entities: entities
      .filter((e) => e.kind !== 'SOURCE')
      .map((e) => ({ id: e.id, kind: e.kind, name: e.name, ...(e.aliases && { aliases: e.aliases }) })),
    relationships: relationships
      .filter((r) => r.retractedAt === undefined)
      .map((r) => ({
        id: r.id,
        type: r.type,
        from: r.from,
        to: r.to,
        ...(r.stage !== undefined && { stage: r.stage }),
        ...(r.year !== undefined && { year: r.year }),
        ...(r.title !== undefined && { title: r.title }),
        ...(r.validFrom !== undefined && { validFrom: r.validFrom }),
        ...(r.validUntil !== undefined && { validUntil: r.validUntil }),
      })),
  };
}
