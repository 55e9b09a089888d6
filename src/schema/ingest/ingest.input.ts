import { Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PartialDateScalar } from '../shared/scalars.js';
import { StoredText } from '../shared/text-validators.js';

/*
 * The inputs of the review API. The document's text is checked by the domain
 * (domain/ingest/review.ts `checkedDocument`): empty, too long, binary, bad date.
 */

@InputType({
  description: 'A document to ingest: it becomes a source, and extraction proposes facts from it.',
})
export class IngestDocumentInput {
  @Field({
    description:
      'The full text, verbatim (at most INGEST_MAX_TEXT_CHARS characters; no control characters but tab and line breaks).',
  })
  text: string;

  @Field({ description: "Title (at most 300 characters); the source's name." })
  @MaxLength(300)
  title: string;

  @Field({ description: 'Who published it (at most 200 characters).' })
  @MaxLength(200)
  publisher: string;

  @Field({ description: 'Publication day, YYYY-MM-DD: relative dates in the text resolve against it.' })
  @MaxLength(40)
  published: string;

  @Field(() => String, { nullable: true, description: 'Where it can be read: an http(s) address.' })
  @MaxLength(2000)
  url?: string;
}

@InputType({
  description: 'What to change in a proposal when accepting it (fields left out keep what was proposed).',
})
export class ProposalEditsInput {
  @Field(() => ID, { nullable: true, description: 'ENTITY: the id to give the entity (a slug).' })
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'id must be a slug: lower-case letters and digits in hyphen-separated words',
  })
  @MaxLength(100)
  id?: string;

  @Field(() => String, { nullable: true, description: 'ENTITY: its name.' })
  @StoredText('line')
  @MaxLength(300)
  name?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'ENTITY: its other names (replacing those proposed).',
  })
  aliases?: string[];

  @Field(() => ID, { nullable: true, description: 'RELATIONSHIP: id of the entity it starts from.' })
  @MaxLength(100)
  from?: string;

  @Field(() => ID, { nullable: true, description: 'RELATIONSHIP: id of the entity it goes to.' })
  @MaxLength(100)
  to?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'RELATIONSHIP: first day (or period) it holds.',
  })
  validFrom?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'RELATIONSHIP: last day (or period) it holds.',
  })
  validUntil?: string;

  @Field(() => ID, { nullable: true, description: 'CITATION: the relationship it corroborates.' })
  @MaxLength(400)
  relationshipId?: string;
}
