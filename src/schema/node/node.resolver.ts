import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AuditEntry } from '../../domain/audit.js';
import type { Entity } from '../../domain/entity.js';
import { BadInputError } from '../../domain/errors.js';
import { PAGE_SIZE } from '../../domain/pagination.js';
import type { Relationship } from '../../domain/relationship.js';
import type { GraphContext, GraphService } from '../shared/graph.service.js';
import { parseNodeId } from './node-id.js';
import { NodeInterface } from './node.type.js';

type NodeValue = Entity | Relationship | AuditEntry;

/** The nodes `ids` name, in order, null where unknown: one batched store call per kind asked. */
export async function loadNodes(graph: GraphService, ids: readonly string[]): Promise<(NodeValue | null)[]> {
  const refs = ids.map(parseNodeId);
  const auditKeys = refs.flatMap((r) => (r?.kind === 'AUDIT' ? [r.key] : []));
  const audits = new Map(
    (await graph.auditEntries(auditKeys)).flatMap((a) => (a ? [[a.id, a] as const] : [])),
  );
  return Promise.all(
    refs.map(async (ref): Promise<NodeValue | null> => {
      if (ref === null) return null;
      if (ref.kind === 'ENTITY') return graph.entity(ref.key);
      if (ref.kind === 'RELATIONSHIP') return graph.relationship(ref.key);
      return audits.get(ref.key) ?? null;
    }),
  );
}

/** `node(id:)` and `nodes(ids:)`: refetch any entity, relationship or audit entry by its global id. */
@Resolver()
export class NodeResolver {
  @Query(() => NodeInterface, {
    nullable: true,
    description: 'The entity, relationship or audit entry with this global id; null when unknown.',
  })
  async node(
    @Arg('id', () => ID, { description: 'A `Node.id`.' }) id: string,
    @Ctx() { graph }: GraphContext,
  ): Promise<NodeValue | null> {
    const [found] = await loadNodes(graph, [id]);
    return found ?? null;
  }

  @Query(() => [NodeInterface], {
    nullable: 'items',
    description: `The nodes with these global ids, in the order asked, null for each unknown id (at most ${PAGE_SIZE.max}).`,
  })
  nodes(
    @Arg('ids', () => [ID], { description: 'Global ids (`Node.id`).' }) ids: string[],
    @Ctx() { graph }: GraphContext,
  ): Promise<(NodeValue | null)[]> {
    if (ids.length > PAGE_SIZE.max)
      throw new BadInputError(`Argument "ids" holds at most ${PAGE_SIZE.max} ids (got ${ids.length})`, 'ids');
    return loadNodes(graph, ids);
  }
}
