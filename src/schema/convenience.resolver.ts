import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Entity } from '../domain/entity.js';
import type { Relationship } from '../domain/relationship.js';
import {
  Agreement,
  Alliance,
  Commitment,
  Country,
  EntityNode,
  Event,
  Facility,
  Material,
  Measure,
  Organization,
  Person,
  Statement,
} from './entity.type.js';
import type { GraphContext } from './graph.service.js';
import { RelationshipNode } from './relationship.type.js';

// Typed shortcuts for each kind's main relations. Each is one batched relationship lookup plus
// one batched entity lookup, whatever the number of entities asking.

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [RelationshipNode], { description: 'HOLDS_OFFICE relationships: the title and where.' })
  offices(@Root() p: Entity, @Ctx() { graph }: GraphContext): Promise<Relationship[]> {
    return graph.relationshipsOf(p.id, { types: ['HOLDS_OFFICE'], direction: 'OUT' });
  }

  @FieldResolver(() => [EntityNode], { description: 'Countries and organisations this person leads.' })
  leads(@Root() p: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(p.id, 'LEADS', 'OUT');
  }

  @FieldResolver(() => [Statement], { description: 'What this person said.' })
  statements(@Root() p: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(p.id, 'SAID', 'OUT', 'STATEMENT');
  }
}

@Resolver(() => Country)
export class CountryResolver {
  @FieldResolver(() => [Alliance], { description: 'Alliances and partnerships this country belongs to.' })
  alliances(@Root() c: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(c.id, 'MEMBER_OF', 'OUT', 'ALLIANCE');
  }

  @FieldResolver(() => [Commitment], { description: 'Commitments this country made.' })
  commitments(@Root() c: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(c.id, 'COMMITTED_TO', 'OUT', 'COMMITMENT');
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => [EntityNode], { description: 'What this organisation is part of.' })
  partOf(@Root() o: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(o.id, 'PART_OF', 'OUT');
  }

  @FieldResolver(() => [Facility], { description: 'Facilities this organisation operates.' })
  facilities(@Root() o: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(o.id, 'OPERATES', 'OUT', 'FACILITY');
  }
}

@Resolver(() => Alliance)
export class AllianceResolver {
  @FieldResolver(() => [EntityNode], { description: 'Members of this alliance.' })
  members(@Root() a: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(a.id, 'MEMBER_OF', 'IN');
  }
}

@Resolver(() => Material)
export class MaterialResolver {
  @FieldResolver(() => [EntityNode], { description: 'Applications this material is used in.' })
  uses(@Root() m: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(m.id, 'USED_IN', 'OUT');
  }

  @FieldResolver(() => [Material], { description: 'For a group (rare earth elements): its members.' })
  members(@Root() m: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(m.id, 'PART_OF', 'IN', 'MATERIAL');
  }

  @FieldResolver(() => [Material], { description: 'The groups this material belongs to.' })
  groups(@Root() m: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(m.id, 'PART_OF', 'OUT', 'MATERIAL');
  }

  @FieldResolver(() => [RelationshipNode], { description: 'PRODUCES relationships into this material (who supplies it, at which stage, how much).' })
  producers(@Root() m: Entity, @Ctx() { graph }: GraphContext): Promise<Relationship[]> {
    return graph.relationshipsOf(m.id, { types: ['PRODUCES'], direction: 'IN' });
  }
}

@Resolver(() => Facility)
export class FacilityResolver {
  @FieldResolver(() => [Organization], { description: 'Who operates this facility.' })
  operators(@Root() f: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(f.id, 'OPERATES', 'IN', 'ORGANIZATION');
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The country the site is in.' })
  async country(@Root() f: Entity, @Ctx() { graph }: GraphContext): Promise<Entity | null> {
    return (await graph.related(f.id, 'LOCATED_IN', 'OUT', 'COUNTRY'))[0] ?? null;
  }
}

@Resolver(() => Event)
export class EventResolver {
  @FieldResolver(() => [EntityNode], { description: 'Who took part.' })
  participants(@Root() e: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(e.id, 'PARTICIPATED_IN', 'IN');
  }

  @FieldResolver(() => [Country], { description: 'Where it took place.' })
  places(@Root() e: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(e.id, 'HELD_IN', 'OUT', 'COUNTRY');
  }
}

@Resolver(() => Agreement)
export class AgreementResolver {
  @FieldResolver(() => [EntityNode], { description: 'The parties (PARTY_TO).' })
  parties(@Root() a: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(a.id, 'PARTY_TO', 'IN');
  }

  @FieldResolver(() => [Commitment], { description: 'The commitments that are part of it.' })
  commitments(@Root() a: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(a.id, 'PART_OF', 'IN', 'COMMITMENT');
  }

  @FieldResolver(() => [Event], { description: 'The events it came out of.' })
  origins(@Root() a: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(a.id, 'RESULTED_IN', 'IN', 'EVENT');
  }
}

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => [EntityNode], { description: 'Who committed to it.' })
  committedBy(@Root() c: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(c.id, 'COMMITTED_TO', 'IN');
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement it is part of.' })
  async agreement(@Root() c: Entity, @Ctx() { graph }: GraphContext): Promise<Entity | null> {
    return (await graph.related(c.id, 'PART_OF', 'OUT', 'AGREEMENT'))[0] ?? null;
  }

  @FieldResolver(() => [EntityNode], { description: 'What it is about.' })
  concerns(@Root() c: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(c.id, 'CONCERNS', 'OUT');
  }
}

@Resolver(() => Measure)
export class MeasureResolver {
  @FieldResolver(() => [EntityNode], { description: 'Who issued it.' })
  issuedBy(@Root() m: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(m.id, 'ISSUED', 'IN');
  }

  @FieldResolver(() => [EntityNode], { description: 'Materials, countries or applications it controls or targets.' })
  appliesTo(@Root() m: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(m.id, 'APPLIES_TO', 'OUT');
  }

  @FieldResolver(() => [RelationshipNode], { description: 'SUSPENDS relationships into this measure, with their windows.' })
  suspensions(@Root() m: Entity, @Ctx() { graph }: GraphContext): Promise<Relationship[]> {
    return graph.relationshipsOf(m.id, { types: ['SUSPENDS'], direction: 'IN' });
  }
}

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => [EntityNode], { description: 'Who said it (SAID).' })
  speakers(@Root() s: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(s.id, 'SAID', 'IN');
  }

  @FieldResolver(() => [EntityNode], { description: 'Where it was said: an interview, a broadcaster (MADE_AT).' })
  venues(@Root() s: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(s.id, 'MADE_AT', 'OUT');
  }

  @FieldResolver(() => [EntityNode], { description: 'What it is about (CONCERNS).' })
  concerns(@Root() s: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(s.id, 'CONCERNS', 'OUT');
  }
}
