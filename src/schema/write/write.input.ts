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
import type { Basis, Confidence, EntityKind, FacilityStatus, MeasureType, ReeClass, RelationType, SupplyStage } from '../../domain/model.js';
import { ATOMIC_NUMBERS, RELATIONSHIP_YEARS, SHARE_PERCENT } from '../../domain/ranges.js';
import { BasisEnum, ConfidenceEnum, EntityKindEnum, FacilityStatusEnum, MeasureTypeEnum, ReeClassEnum, RelationTypeEnum, SupplyStageEnum } from '../shared/enums.js';
import { PartialDateScalar } from '../shared/scalars.js';
import { InRange, QuoteText, StoredText } from '../shared/text-validators.js';

/*
 * The inputs of the write API, with their field rules as class-validator decorators (run before
 * any resolver by `validateInput`, build-schema.ts). Rules that need the graph (ends exist, kinds
 * the type allows, quotes found in their source) are the domain's plans (domain/edits.ts).
 */

const slug = (what: string) => Matches(SLUG_PATTERN, { message: `${what} must be a slug: lower-case letters and digits in hyphen-separated words` });

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
          return typeof value !== 'string' || typeof start !== 'string' || !windowEndsBeforeStart(start, value);
        },
      },
    });
}

@InputType({ description: 'An entity to add or update. Fields given replace the stored ones; fields left out are kept. Sources are recorded with recordSource.' })
export class EntityInput {
  @Field(() => ID, { description: 'Chosen by the client: a slug such as "lynas-rare-earths".' })
  @slug('id')
  @MaxLength(100)
  id: string;

  @Field(() => EntityKindEnum, { description: 'Fixed once the entity exists.' })
  kind: EntityKind;

  @Field()
  @StoredText('line')
  @MaxLength(200)
  name: string;

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(20)
  @StoredText('line')
  @MaxLength(200, { each: true })
  aliases?: string[];

  @Field({ nullable: true })
  @StoredText('lines')
  @MaxLength(2000)
  description?: string;

  @Field({ nullable: true })
  @StoredText('line')
  @MaxLength(3)
  symbol?: string;

  @Field(() => Int, { nullable: true })
  @IsInt()
  @InRange(ATOMIC_NUMBERS)
  atomicNumber?: number;

  @Field(() => ReeClassEnum, { nullable: true })
  reeClass?: ReeClass;

  @Field({ nullable: true })
  @StoredText('line')
  @MaxLength(50)
  iupacClass?: string;

  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2 code (COUNTRY).' })
  @Matches(/^[A-Z]{2}$/, { message: 'iso2 must be two capital letters' })
  iso2?: string;

  @Field({ nullable: true })
  @StoredText('line')
  @MaxLength(100)
  category?: string;

  @Field(() => PartialDateScalar, { nullable: true })
  date?: string;

  @Field(() => PartialDateScalar, { nullable: true })
  validFrom?: string;

  @Field(() => PartialDateScalar, { nullable: true })
  @NotBefore('validFrom')
  validUntil?: string;

  @Field({ nullable: true, description: 'STATEMENT: the words said, verbatim. COMMITMENT: what was promised.' })
  @StoredText('lines')
  @MaxLength(5000)
  text?: string;

  @Field(() => MeasureTypeEnum, { nullable: true })
  measureType?: MeasureType;

  @Field({ nullable: true })
  @StoredText('line')
  @MaxLength(100)
  number?: string;

  @Field(() => FacilityStatusEnum, { nullable: true })
  status?: FacilityStatus;
}

@InputType({ description: 'A source document to record (or update). Quotes cited from it are checked against its text.' })
export class SourceInput {
  @Field(() => ID)
  @slug('id')
  @MaxLength(100)
  id: string;

  @Field({ description: 'Title.' })
  @StoredText('line')
  @MaxLength(300)
  name: string;

  @Field({ nullable: true })
  @StoredText('line')
  @MaxLength(200)
  publisher?: string;

  @Field({ nullable: true })
  @Matches(/^https?:\/\/\S+$/, { message: 'url must be an http(s) address' })
  @StoredText('line')
  @MaxLength(2000)
  url?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Publication date.' })
  date?: string;

  @Field({ nullable: true })
  @StoredText('lines')
  @MaxLength(2000)
  description?: string;

  @Field({ nullable: true, description: 'The full text, verbatim: citation quotes must occur in it.' })
  @StoredText('lines')
  @MaxLength(60_000)
  text?: string;
}

@InputType({ description: 'A citation: a recorded source and the exact words (checked against its text), or where in it (a locator).' })
export class CitationInput {
  @Field(() => ID)
  @slug('sourceId')
  sourceId: string;

  @Field({ nullable: true })
  @QuoteText()
  @MaxLength(2000)
  quote?: string;

  @Field({ nullable: true })
  @StoredText('line')
  @MaxLength(200)
  locator?: string;
}

@InputType({ description: 'A relationship to add or correct: its id follows from type, ends, stage, year and title.' })
export class RelationshipInput {
  @Field(() => RelationTypeEnum)
  type: RelationType;

  @Field(() => ID)
  @slug('from')
  from: string;

  @Field(() => ID)
  @slug('to')
  to: string;

  @Field({ nullable: true })
  @StoredText('line')
  @MaxLength(200)
  title?: string;

  @Field(() => SupplyStageEnum, { nullable: true })
  stage?: SupplyStage;

  @Field(() => Float, { nullable: true })
  @Min(0)
  volume?: number;

  @Field({ nullable: true })
  @StoredText('line')
  @MaxLength(50)
  unit?: string;

  @Field(() => Int, { nullable: true })
  @InRange(RELATIONSHIP_YEARS)
  year?: number;

  @Field(() => Float, { nullable: true, description: 'Percent of the stated world total, 0-100.' })
  @InRange(SHARE_PERCENT)
  share?: number;

  @Field({ nullable: true })
  @StoredText('line')
  @MaxLength(50)
  qualifier?: string;

  @Field(() => BasisEnum, { nullable: true })
  basis?: Basis;

  @Field(() => FacilityStatusEnum, { nullable: true })
  status?: FacilityStatus;

  @Field(() => Float, { nullable: true })
  @Min(0)
  capacity?: number;

  @Field(() => PartialDateScalar, { nullable: true })
  validFrom?: string;

  @Field(() => PartialDateScalar, { nullable: true })
  @NotBefore('validFrom')
  validUntil?: string;

  @Field(() => ConfidenceEnum, { nullable: true })
  confidence?: Confidence;

  @Field({ nullable: true })
  disputed?: boolean;

  @Field({ nullable: true })
  @StoredText('lines')
  @MaxLength(1000)
  note?: string;

  @Field(() => [CitationInput], { description: 'At least one.' })
  @ArrayMinSize(1, { message: 'citations must hold at least one citation' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  citations: CitationInput[];
}
