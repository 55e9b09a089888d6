import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { Entity } from '../../domain/entity.js';
import { kindLabel, type EntityKind } from '../../domain/model.js';
import { NodeInterface } from '../node/node.type.js';
import { EntityKindEnum, FacilityStatusEnum, MeasureTypeEnum, ReeClassEnum } from '../shared/enums.js';
import { PartialDateScalar } from '../shared/scalars.js';

/** The `Entity` interface: what every node of the graph has. Its computed fields live in entity.resolver.ts, its typed shortcuts in shortcut.fields.ts. */
@InterfaceType('Entity', {
  implements: NodeInterface,
  description:
    'A node of the graph. Ids are human-readable slugs (scott-bessent, china, dysprosium), one id space across kinds.',
  resolveType: (value: Entity) => kindLabel(value.kind),
})
export abstract class EntityInterface {
  @Field(() => ID, {
    description:
      'Lower-case slug id a user can type (`china`, `dysprosium`, `lynas-malaysia`), unique across kinds.',
  })
  id: string;

  @Field({ description: 'Name as commonly written.' })
  name: string;

  @Field(() => EntityKindEnum, { description: 'What sort of thing it is; decides its concrete type.' })
  kind: EntityKind;

  @Field({ nullable: true, description: 'A short description, when the graph holds one.' })
  description?: string;
}

@ObjectType({
  implements: [EntityInterface, NodeInterface],
  description: 'A person (offices through `offices`, statements through `statements`).',
})
export class Person extends EntityInterface {}

@ObjectType({
  implements: [EntityInterface, NodeInterface],
  description: 'A country (its alliances through `alliances`, its commitments through `commitments`).',
})
export class Country extends EntityInterface {
  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2 code.' })
  iso2?: string;
}

@ObjectType({
  implements: [EntityInterface, NodeInterface],
  description: 'A government body, agency, company, broadcaster or think tank.',
})
export class Organization extends EntityInterface {
  @Field({
    nullable: true,
    description: 'What sort of organisation, e.g. "company", "government body", "media".',
  })
  category?: string;
}

@ObjectType({
  implements: [EntityInterface, NodeInterface],
  description: 'An alliance or partnership of countries or organisations.',
})
export class Alliance extends EntityInterface {}

@ObjectType({
  implements: [EntityInterface, NodeInterface],
  description: 'A material: a rare earth element, the rare earths as a group, fentanyl...',
})
export class Material extends EntityInterface {
  @Field({ nullable: true, description: 'Chemical symbol, e.g. "Dy"; null when it is not a single element.' })
  symbol?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Atomic number (1-118); null when it is not a single element.',
  })
  atomicNumber?: number;

  @Field(() => ReeClassEnum, { nullable: true, description: 'Light/heavy class, USGS convention.' })
  reeClass?: string;

  @Field({
    nullable: true,
    description: 'Class under the convention cited as IUPAC (Binnemans et al. 2018).',
  })
  iupacClass?: string;
}

@ObjectType({
  implements: [EntityInterface, NodeInterface],
  description: 'A use of materials: electric vehicles, wind turbines, NdFeB magnets...',
})
export class Application extends EntityInterface {}

@ObjectType({ implements: [EntityInterface, NodeInterface], description: 'A mine, plant or refinery.' })
export class Facility extends EntityInterface {
  @Field(() => FacilityStatusEnum, {
    nullable: true,
    description: 'Status of its output as recorded on the facility.',
  })
  status?: string;
}

@ObjectType({
  implements: [EntityInterface, NodeInterface],
  description: 'A meeting, interview or other dated happening.',
})
export class Event extends EntityInterface {
  @Field(() => PartialDateScalar, { nullable: true, description: 'When it happened.' })
  date?: string;
}

@ObjectType({
  implements: [EntityInterface, NodeInterface],
  description: 'An agreement or understanding between parties.',
})
export class Agreement extends EntityInterface {
  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was announced.' })
  date?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it takes effect.' })
  validFrom?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it lapses, as its source gives it.' })
  validUntil?: string;
}

@ObjectType({
  implements: [EntityInterface, NodeInterface],
  description: 'One promise by one party, part of an agreement.',
})
export class Commitment extends EntityInterface {
  @Field({ nullable: true, description: 'What was promised.' })
  text?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When the promise starts to apply.' })
  validFrom?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'The last day (or period) the promise runs to, as its source gives it.',
  })
  validUntil?: string;
}

@ObjectType({
  implements: [EntityInterface, NodeInterface],
  description: 'An export control, suspension, tariff or tariff threat.',
})
export class Measure extends EntityInterface {
  @Field(() => MeasureTypeEnum, { nullable: true, description: 'What sort of measure.' })
  measureType?: string;

  @Field({ nullable: true, description: 'Official number, e.g. "No. 70" or "EO 14357".' })
  number?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was announced or issued.' })
  date?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it takes effect.' })
  validFrom?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it lapses.' })
  validUntil?: string;
}

@ObjectType({
  implements: [EntityInterface, NodeInterface],
  description: 'Words someone said or a source claims, with when they were said.',
})
export class Statement extends EntityInterface {
  @Field({ nullable: true, description: 'The words, verbatim.' })
  text?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was said.' })
  date?: string;
}

@ObjectType({
  implements: [EntityInterface, NodeInterface],
  description: 'A document relationships cite: the article, USGS tables, official notices.',
})
export class Source extends EntityInterface {
  @Field({ nullable: true, description: 'Who published it.' })
  publisher?: string;

  @Field({ nullable: true, description: 'Where it can be read online.' })
  url?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Publication date.' })
  date?: string;

  @Field({ nullable: true, description: 'Reference code in the curated facts file (S4, S19, ...).' })
  ref?: string;

  @Field({
    nullable: true,
    description: 'The full text, verbatim, when the graph holds it: citation quotes are checked against it.',
  })
  text?: string;
}

/** Every object type implementing `Entity`, for `buildSchema({ orphanedTypes })`. */
export const ENTITY_TYPES = [
  Person,
  Country,
  Organization,
  Alliance,
  Material,
  Application,
  Facility,
  Event,
  Agreement,
  Commitment,
  Measure,
  Statement,
  Source,
];
