import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';
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
import { hop, type GraphContext, type RelatedField } from '../shared/graph.service.js';
import { RelationshipNode } from '../relationship/relationship.type.js';

/**
 * The typed shortcuts that are one hop to related entities: for each GraphQL type and field, the
 * relationship type, the direction and the kind kept. The resolvers below answer from it, and the
 * look-ahead (lookahead.ts) reads it to fetch a nested selection of these fields in one round trip.
 */
export const RELATED_FIELDS = {
  Person: { leads: hop('LEADS', 'OUT'), statements: hop('SAID', 'OUT', 'STATEMENT') },
  Country: { alliances: hop('MEMBER_OF', 'OUT', 'ALLIANCE'), commitments: hop('COMMITTED_TO', 'OUT', 'COMMITMENT') },
  Organization: { partOf: hop('PART_OF', 'OUT'), facilities: hop('OPERATES', 'OUT', 'FACILITY') },
  Alliance: { members: hop('MEMBER_OF', 'IN') },
  Material: { uses: hop('USED_IN', 'OUT'), members: hop('PART_OF', 'IN', 'MATERIAL'), groups: hop('PART_OF', 'OUT', 'MATERIAL') },
  Facility: { operators: hop('OPERATES', 'IN', 'ORGANIZATION'), country: hop('LOCATED_IN', 'OUT', 'COUNTRY') },
  Event: { participants: hop('PARTICIPATED_IN', 'IN'), places: hop('HELD_IN', 'OUT', 'COUNTRY') },
  Agreement: { parties: hop('PARTY_TO', 'IN'), commitments: hop('PART_OF', 'IN', 'COMMITMENT'), origins: hop('RESULTED_IN', 'IN', 'EVENT') },
  Commitment: { committedBy: hop('COMMITTED_TO', 'IN'), agreement: hop('PART_OF', 'OUT', 'AGREEMENT'), concerns: hop('CONCERNS', 'OUT') },
  Measure: { issuedBy: hop('ISSUED', 'IN'), appliesTo: hop('APPLIES_TO', 'OUT') },
  Statement: { speakers: hop('SAID', 'IN'), venues: hop('MADE_AT', 'OUT'), concerns: hop('CONCERNS', 'OUT') },
} as const satisfies Record<string, Record<string, RelatedField>>;

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
    return graph.related(p.id, RELATED_FIELDS.Person.leads);
  }

  @FieldResolver(() => [Statement], { description: 'What this person said.' })
  statements(@Root() p: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(p.id, RELATED_FIELDS.Person.statements);
  }
}

@Resolver(() => Country)
export class CountryResolver {
  @FieldResolver(() => [Alliance], { description: 'Alliances and partnerships this country belongs to.' })
  alliances(@Root() c: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(c.id, RELATED_FIELDS.Country.alliances);
  }

  @FieldResolver(() => [Commitment], { description: 'Commitments this country made.' })
  commitments(@Root() c: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(c.id, RELATED_FIELDS.Country.commitments);
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => [EntityNode], { description: 'What this organisation is part of.' })
  partOf(@Root() o: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(o.id, RELATED_FIELDS.Organization.partOf);
  }

  @FieldResolver(() => [Facility], { description: 'Facilities this organisation operates.' })
  facilities(@Root() o: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(o.id, RELATED_FIELDS.Organization.facilities);
  }
}

@Resolver(() => Alliance)
export class AllianceResolver {
  @FieldResolver(() => [EntityNode], { description: 'Members of this alliance.' })
  members(@Root() a: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(a.id, RELATED_FIELDS.Alliance.members);
  }
}

@Resolver(() => Material)
export class MaterialResolver {
  @FieldResolver(() => [EntityNode], { description: 'Applications this material is used in.' })
  uses(@Root() m: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(m.id, RELATED_FIELDS.Material.uses);
  }

  @FieldResolver(() => [Material], { description: 'For a group (rare earth elements): its members.' })
  members(@Root() m: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(m.id, RELATED_FIELDS.Material.members);
  }

  @FieldResolver(() => [Material], { description: 'The groups this material belongs to.' })
  groups(@Root() m: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(m.id, RELATED_FIELDS.Material.groups);
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
    return graph.related(f.id, RELATED_FIELDS.Facility.operators);
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The country the site is in.' })
  async country(@Root() f: Entity, @Ctx() { graph }: GraphContext): Promise<Entity | null> {
    return (await graph.related(f.id, RELATED_FIELDS.Facility.country))[0] ?? null;
  }
}

@Resolver(() => Event)
export class EventResolver {
  @FieldResolver(() => [EntityNode], { description: 'Who took part.' })
  participants(@Root() e: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(e.id, RELATED_FIELDS.Event.participants);
  }

  @FieldResolver(() => [Country], { description: 'Where it took place.' })
  places(@Root() e: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(e.id, RELATED_FIELDS.Event.places);
  }
}

@Resolver(() => Agreement)
export class AgreementResolver {
  @FieldResolver(() => [EntityNode], { description: 'The parties (PARTY_TO).' })
  parties(@Root() a: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(a.id, RELATED_FIELDS.Agreement.parties);
  }

  @FieldResolver(() => [Commitment], { description: 'The commitments that are part of it.' })
  commitments(@Root() a: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(a.id, RELATED_FIELDS.Agreement.commitments);
  }

  @FieldResolver(() => [Event], { description: 'The events it came out of.' })
  origins(@Root() a: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(a.id, RELATED_FIELDS.Agreement.origins);
  }
}

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => [EntityNode], { description: 'Who committed to it.' })
  committedBy(@Root() c: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(c.id, RELATED_FIELDS.Commitment.committedBy);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement it is part of.' })
  async agreement(@Root() c: Entity, @Ctx() { graph }: GraphContext): Promise<Entity | null> {
    return (await graph.related(c.id, RELATED_FIELDS.Commitment.agreement))[0] ?? null;
  }

  @FieldResolver(() => [EntityNode], { description: 'What it is about.' })
  concerns(@Root() c: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(c.id, RELATED_FIELDS.Commitment.concerns);
  }
}

@Resolver(() => Measure)
export class MeasureResolver {
  @FieldResolver(() => [EntityNode], { description: 'Who issued it.' })
  issuedBy(@Root() m: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(m.id, RELATED_FIELDS.Measure.issuedBy);
  }

  @FieldResolver(() => [EntityNode], { description: 'Materials, countries or applications it controls or targets.' })
  appliesTo(@Root() m: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(m.id, RELATED_FIELDS.Measure.appliesTo);
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
    return graph.related(s.id, RELATED_FIELDS.Statement.speakers);
  }

  @FieldResolver(() => [EntityNode], { description: 'Where it was said: an interview, a broadcaster (MADE_AT).' })
  venues(@Root() s: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(s.id, RELATED_FIELDS.Statement.venues);
  }

  @FieldResolver(() => [EntityNode], { description: 'What it is about (CONCERNS).' })
  concerns(@Root() s: Entity, @Ctx() { graph }: GraphContext): Promise<Entity[]> {
    return graph.related(s.id, RELATED_FIELDS.Statement.concerns);
  }
}
