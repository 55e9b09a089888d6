import { Field, ObjectType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';
import { AuditEntry } from '../audit/audit.type.js';
import { EntityInterface } from '../entity/entity.type.js';
import { RelationshipObject } from '../relationship/relationship.type.js';

@ObjectType({ description: 'An entity as written, with the audit entry of the write.' })
export class EntityPayload {
  @Field(() => EntityInterface, { description: 'The entity as stored after the write.' })
  entity: Entity;

  @Field(() => AuditEntry, { description: 'The audit entry recording the write.' })
  audit: AuditEntry;
}

@ObjectType({ description: 'A relationship as written, with the audit entry of the write.' })
export class RelationshipPayload {
  @Field(() => RelationshipObject, { description: 'The relationship as stored after the write.' })
  relationship: Relationship;

  @Field(() => AuditEntry, { description: 'The audit entry recording the write.' })
  audit: AuditEntry;
}
