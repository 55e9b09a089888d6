import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import {
  AgreementResolver,
  AllianceResolver,
  CommitmentResolver,
  CountryResolver,
  EventResolver,
  FacilityResolver,
  MaterialResolver,
  MeasureResolver,
  OrganizationResolver,
  PersonResolver,
  StatementResolver,
} from './convenience.resolver.js';
import { AgreementStatusResolver, AnalysisResolver, MeasureStatusResolver } from './analysis.resolver.js';
import { ENTITY_TYPES } from './entity.type.js';
import { EntityResolver, SourceResolver } from './entity.resolver.js';
import { QueryResolver } from './query.resolver.js';
import { CitationResolver, RelationshipResolver } from './relationship.resolver.js';
import { validateInput } from './validate-input.js';
import { WriteResolver } from './write.resolver.js';

let built: Promise<GraphQLSchema> | undefined;

/** The API's GraphQL schema, built once per process from the type-graphql classes. */
export function buildGraphSchema(): Promise<GraphQLSchema> {
  return (built ??= buildSchema({
    resolvers: [
      QueryResolver,
      WriteResolver,
      AnalysisResolver,
      MeasureStatusResolver,
      AgreementStatusResolver,
      EntityResolver,
      SourceResolver,
      RelationshipResolver,
      CitationResolver,
      PersonResolver,
      CountryResolver,
      OrganizationResolver,
      AllianceResolver,
      MaterialResolver,
      FacilityResolver,
      EventResolver,
      AgreementResolver,
      CommitmentResolver,
      MeasureResolver,
      StatementResolver,
    ],
    orphanedTypes: ENTITY_TYPES,
    validateFn: validateInput,
  }));
}
