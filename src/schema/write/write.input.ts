import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  Matches,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { SLUG_PATTERN } from '../../domain/entity.js';
import { windowEndsBeforeStart } from '../../domain/edits.js';
import type {
  Basis,
  Confidence,
  EntityKind,
  FacilityStatus,
  MeasureType,
  ReeClass,
  RelationType,
  SupplyStage,
} from '../../domain/model.js';
import { ATOMIC_NUMBERS, RELATIONSHIP_YEARS, SHARE_PERCENT } from '../../domain/ranges.js';
import {
  BasisEnum,
  ConfidenceEnum,
  EntityKindEnum,
  FacilityStatusEnum,
  MeasureTypeEnum,
  ReeClassEnum,
  RelationTypeEnum,
  SupplyStageEnum,
} from '../shared/enums.js';
import { PartialDateScalar } from '../shared/scalars.js';
import { InRange, QuoteText, StoredText } from '../shared/text-validators.js';

/*
 * The inputs of the write API, with their field rules as class-validator decorators (run before
 * any resolver by `validateInput`, build-schema.ts). Rules that need the graph (ends exist, kinds
 * the type allows, quotes found in their source) are the domain's plans (domain/edits.ts).
 */

const slug = (what: string) =>
  Matches(SLUG_PATTERN, {
    message: `${what} must be a slug: lower-case letters and digits in hyphen-separated words`,
  });

/** `validUntil` must not end before `validFrom` starts (the domain's rule, checked on the input). */
function NotBefore(startField: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName,
      constraints: [startField],
      options: { message: (args: ValidationArguments) => `${args.property} is before ${startField}` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as Record<string, unknown>)[startField];
          return (
            typeof value !== 'string' || typeof start !== 'string' || !windowEndsBeforeStart(start, value)
          );
        },
      },
    });
}

@InputType({
  description:
    'An entity to add or update. Fields given replace the stored ones; fields left out are kept. Sources are recorded with recordSource.',
})
export class EntityInput {
  @Field(() => ID, { description: 'Chosen by the client: a slug such as "lynas-rare-earths".' })
  @slug('id')
  @MaxLength(100)
  id: string;

  @Field(() => EntityKindEnum, { description: 'Fixed once the entity exists.' })
  kind: EntityKind;

  @Field({ description: 'Name as commonly written (one line, at most 200 characters).' })
  @StoredText('line')
  @MaxLength(200)
  name: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Other names a user may type, matched by search (at most 20); given, they replace the stored list.',
  })
  @ArrayMaxSize(20)
  @StoredText('line')
  @MaxLength(200, { each: true })
  aliases?: string[];

  @Field({ nullable: true, description: 'A short description (at most 2000 characters).' })
  @StoredText('lines')
  @MaxLength(2000)
  description?: string;

  @Field({ nullable: true, description: 'MATERIAL: chemical symbol, e.g. "Dy" (at most 3 characters).' })
  @StoredText('line')
  @MaxLength(3)
  symbol?: string;

  @Field(() => Int, { nullable: true, description: 'MATERIAL: atomic number, 1-118.' })
  @IsInt()
  @InRange(ATOMIC_NUMBERS)
  atomicNumber?: number;

  @Field(() => ReeClassEnum, { nullable: true, description: 'MATERIAL: light/heavy class, USGS convention.' })
  reeClass?: ReeClass;

  @Field({
    nullable: true,
    description: 'MATERIAL: class under the convention cited as IUPAC (Binnemans et al. 2018).',
  })
  @StoredText('line')
  @MaxLength(50)
  iupacClass?: string;

  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2 code (COUNTRY).' })
  @Matches(/^[A-Z]{2}$/, { message: 'iso2 must be two capital letters' })
  iso2?: string;

  @Field({
    nullable: true,
    description: 'ORGANIZATION: what sort of organisation, e.g. "company", "government body".',
  })
  @StoredText('line')
  @MaxLength(100)
  category?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'EVENT, STATEMENT, AGREEMENT, MEASURE: when it happened, was said, announced or issued.',
  })
  date?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'AGREEMENT, COMMITMENT, MEASURE: when it takes effect or starts to apply.',
  })
  validFrom?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'AGREEMENT, COMMITMENT, MEASURE: when it lapses; must not end before validFrom.',
  })
  @NotBefore('validFrom')
  validUntil?: string;

  @Field({
    nullable: true,
    description: 'STATEMENT: the words said, verbatim. COMMITMENT: what was promised.',
  })
  @StoredText('lines')
  @MaxLength(5000)
  text?: string;

  @Field(() => MeasureTypeEnum, { nullable: true, description: 'MEASURE: what sort of measure.' })
  measureType?: MeasureType;

  @Field({ nullable: true, description: 'MEASURE: official number, e.g. "No. 70" or "EO 14357".' })
  @StoredText('line')
  @MaxLength(100)
  number?: string;

  @Field(() => FacilityStatusEnum, { nullable: true, description: 'FACILITY: status of its output.' })
  status?: FacilityStatus;
}

@InputType({
  description: 'A source document to record (or update). Quotes cited from it are checked against its text.',
})
export class SourceInput {
  @Field(() => ID, { description: 'Chosen by the client: a slug such as "usgs-mcs-2025".' })
  @slug('id')
  @MaxLength(100)
  id: string;

  @Field({ description: 'Title.' })
  @StoredText('line')
  @MaxLength(300)
  name: string;

  @Field({ nullable: true, description: 'Who published it (at most 200 characters).' })
  @StoredText('line')
  @MaxLength(200)
  publisher?: string;

  @Field({ nullable: true, description: 'Where it can be read: an http(s) address.' })
  @Matches(/^https?:\/\/\S+$/, { message: 'url must be an http(s) address' })
  @StoredText('line')
  @MaxLength(2000)
  url?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Publication date.' })
  date?: string;

  @Field({ nullable: true, description: 'A short description (at most 2000 characters).' })
  @StoredText('lines')
  @MaxLength(2000)
  description?: string;

  @Field({ nullable: true, description: 'The full text, verbatim: citation quotes must occur in it.' })
  @StoredText('lines')
  @MaxLength(60_000)
  text?: string;
}

@InputType({
  description:
    'A citation: a recorded source and the exact words (checked against its text), or where in it (a locator).',
})
export class CitationInput {
  @Field(() => ID, { description: 'Id of a recorded source (see recordSource).' })
  @slug('sourceId')
  sourceId: string;

  @Field({ nullable: true, description: 'Exact words from the source; must occur in its recorded text.' })
  @QuoteText()
  @MaxLength(2000)
  quote?: string;

  @Field({
    nullable: true,
    description: 'Where in the source: a table and row, a section (at most 200 characters).',
  })
  @StoredText('line')
  @MaxLength(200)
  locator?: string;
}

@InputType({
  description: 'A relationship to add or correct: its id follows from type, ends, stage, year and title.',
})
export class RelationshipInput {
  @Field(() => RelationTypeEnum, {
    description: 'The relationship type; decides which entity kinds may be its ends.',
  })
  type: RelationType;

  @Field(() => ID, { description: 'Id of the entity it starts from.' })
  @slug('from')
  from: string;

  @Field(() => ID, { description: 'Id of the entity it points to.' })
  @slug('to')
  to: string;

  @Field({ nullable: true, description: 'HOLDS_OFFICE: the office held; PARTY_TO / COMMITTED_TO: the role.' })
  @StoredText('line')
  @MaxLength(200)
  title?: string;

  @Field(() => SupplyStageEnum, {
    nullable: true,
    description: 'PRODUCES: the supply-chain stage of the figure.',
  })
  stage?: SupplyStage;

  @Field(() => Float, {
    nullable: true,
    description:
      'The amount, in `unit`: output (PRODUCES), reserves (HOLDS_RESERVES) or money invested (INVESTED_IN); not negative.',
  })
  @Min(0)
  volume?: number;

  @Field({
    nullable: true,
    description: 'Unit of `volume` and `capacity`, e.g. "t REO", "t/y NdPr oxide" or "US$ million".',
  })
  @StoredText('line')
  @MaxLength(50)
  unit?: string;

  @Field(() => Int, { nullable: true, description: 'The year the figure is for, 1900-2100.' })
  @InRange(RELATIONSHIP_YEARS)
  year?: number;

  @Field(() => Float, { nullable: true, description: 'Percent of the stated world total, 0-100.' })
  @InRange(SHARE_PERCENT)
  share?: number;

  @Field({
    nullable: true,
    description: 'Hedge the source puts on a figure: "nearly", "about", "estimated", "quota".',
  })
  @StoredText('line')
  @MaxLength(50)
  qualifier?: string;

  @Field(() => BasisEnum, {
    nullable: true,
    description: 'Whether the figure is for one element or for rare earths as a group.',
  })
  basis?: Basis;

  @Field(() => FacilityStatusEnum, {
    nullable: true,
    description: 'PRODUCES at a facility: the latest recorded status of the line.',
  })
  status?: FacilityStatus;

  @Field(() => Float, {
    nullable: true,
    description: 'PRODUCES at a facility: stated capacity, in `unit`; not negative.',
  })
  @Min(0)
  capacity?: number;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When the fact starts to hold.' })
  validFrom?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'When the fact stops holding; must not end before validFrom.',
  })
  @NotBefore('validFrom')
  validUntil?: string;

  @Field(() => ConfidenceEnum, { nullable: true, description: 'How sure the source is.' })
  confidence?: Confidence;

  @Field({ nullable: true, description: 'Whether another source contradicts this claim.' })
  disputed?: boolean;

  @Field({ nullable: true, description: 'A free note on the fact (at most 1000 characters).' })
  @StoredText('lines')
  @MaxLength(1000)
  note?: string;

  @Field(() => [CitationInput], { description: 'At least one.' })
  @ArrayMinSize(1, { message: 'citations must hold at least one citation' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  citations: CitationInput[];
}
