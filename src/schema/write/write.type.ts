import { Field, ObjectType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';
import { AuditEntry } from '../audit/audit.type.js';
import { EntityInterface } from '../entity/entity.type.js';
import { RelationshipObject } from '../relationship/relationship.type.js';

@ObjectType({ description: 'An entity as written, with the audit entry of the write.' })
export class EntityPayload {
  @Field(() => EntityInterface)
  entity: Entity;

  @Field(() => AuditEntry)
  audit: AuditEntry;
}

@ObjectType({ description: 'A relationship as written, with the audit entry of the write.' })
export class RelationshipPayload {
  @Field(() => RelationshipObject)
  relationship: Relationship;

  @Field(() => AuditEntry)
  audit: AuditEntry;
}
