import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { SHORTCUT_RESOLVERS } from './entity/shortcut.resolver.js';
import { AgreementStatusResolver, AnalysisResolver, MeasureStatusResolver } from './supply/supply.resolver.js';
import { ENTITY_TYPES } from './entity/entity.type.js';
import { EntityResolver, SourceResolver } from './entity/entity.resolver.js';
import { QueryResolver } from './entity/entity-query.resolver.js';
import { CitationResolver, RelationshipResolver } from './relationship/relationship.resolver.js';
import { validateInput } from './shared/validate-input.js';
import { WriteResolver } from './write/write.resolver.js';

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
      ...SHORTCUT_RESOLVERS,
    ],
    orphanedTypes: ENTITY_TYPES,
    validateFn: validateInput,
  }));
}
