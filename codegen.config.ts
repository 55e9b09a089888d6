import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed client operations for frontends: the schema file and the named operations in
 * examples/ become TypeScript types in examples/generated/graphql.ts. `npm run codegen`
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
        scalars: { Date: 'string', PartialDate: 'string', DateTime: 'string', ID: 'string' },
        useTypeImports: true,
        mergeFragmentTypes: true,
      },
    },
  },
  silent: true,
};

export default config;
