import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed client operations for frontends: the schema file and the named operations in
 * examples/ become TypeScript types in examples/generated/graphql.ts, and the schema's
 * interfaces Apollo Client's `possibleTypes` in examples/generated/possible-types.ts. `npm run codegen`
 * writes it; CI (`npm run codegen:check`) and tests/codegen.test.ts fail when it drifts.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['examples/**/*.graphql'],
  generates: {
    'examples/generated/graphql.ts': {
      plugins: ['typescript-operations'],
      config: {
        onlyOperationTypes: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: {
          Date: 'string',
          PartialDate: 'string',
          DateTime: 'string',
          ID: 'string',
          SafeInt: 'number',
        },
        useTypeImports: true,
        mergeFragmentTypes: true,
      },
    },
    // The concrete types behind the `Entity` interface, for Apollo Client's `possibleTypes`.
    'examples/generated/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
  },
  silent: true,
};

export default config;
