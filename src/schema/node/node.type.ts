import { Field, ID, InterfaceType } from 'type-graphql';
import { kindLabel, type EntityKind } from '../../domain/model.js';

/** Which object type a node value is: audit entries carry `changes`, entities `kind`, the rest are relationships. */
function nodeTypeName(value: object): string {
  if ('changes' in value) return 'AuditEntry';
  if ('kind' in value) return kindLabel(value.kind as EntityKind);
  return 'Relationship';
}

/** The Relay `Node` interface: implemented by every entity, every relationship and every audit entry. */
@InterfaceType('Node', {
  description:
    'An object with a global id that `node(id:)` and `nodes(ids:)` fetch again (Relay global object identification). ' +
    'Entity ids are slugs ("china"), relationship ids "type:from:to...", audit entry ids "audit:<uuid>": the form tells the kind.',
  resolveType: nodeTypeName,
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Globally unique across entities, relationships and audit entries.' })
  id: string;
}
