// @ts-check
import js from '@eslint/js';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Imports flow one way: domain <- store <- schema <- server, and Neo4j's driver stays inside
 * src/store/neo4j/. Each block lists what its files may not import.
 */
const layer = (files, dirs, packages, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: packages.map((name) => ({
          name,
          message: `${files[0]} may not import ${name} (layering; Neo4j types never leave src/store/neo4j/)`,
        })),
        patterns: dirs.map((dir) => ({
          group: [`**/${dir}/*`, `**/${dir}`],
          message: `${files[0]} may not import from ${dir}/ (domain <- store <- schema <- server)`,
        })),
      },
    ],
  },
});
const UI = ['type-graphql', 'graphql', '@apollo/server', 'express'];
const SCHEMA_BANS = ['server', 'neo4j', 'memory', 'seed'];
const SCHEMA_PACKAGES = ['neo4j-driver', 'graphology', '@apollo/server', 'express'];
/** The feature folders of src/schema (src/schema/shared/ may import none of them). */
const SCHEMA_FEATURES = [
  'entity',
  'relationship',
  'traversal',
  'supply',
  'write',
  'audit',
  'federation',
  'stats',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.neo4j/',
      'data/',
      'coverage/',
      'export/',
      'bench/results/',
      'examples/generated/',
    ],
  },
  {
    // JavaScript and TypeScript rules stay off the SDL, which the GraphQL parser reads.
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // No import cycles anywhere (graphql-js keeps the same rule): `.js` specifiers resolve to the `.ts` sources.
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  layer(['src/domain/**'], ['store', 'schema', 'server'], ['neo4j-driver', 'graphology', ...UI]),
  layer(['src/store/**'], ['schema', 'server'], ['neo4j-driver', ...UI], ['src/store/neo4j/**']),
  layer(['src/store/neo4j/**'], ['schema', 'server', 'memory'], UI),
  layer(['src/schema/**'], SCHEMA_BANS, SCHEMA_PACKAGES),
  // Shared schema pieces serve every feature folder and import none (the schema's own bans restated: a later block replaces the rule).
  layer(['src/schema/shared/**'], [...SCHEMA_BANS, ...SCHEMA_FEATURES], SCHEMA_PACKAGES),
  layer(['src/server/**'], ['neo4j'], ['neo4j-driver', 'graphology'], ['src/server/store-factory.ts']),
  // Shared by tests, scripts and bench: it imports none of them back (no folder loops).
  layer(['scripts/support/**'], ['tests', 'bench'], []),
  {
    // Tests, their HTTP helpers and the benchmark read untyped JSON answers from HTTP: `any` there is the honest type.
    files: ['tests/**', 'bench/**', 'scripts/support/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // The explorer and playground run in the browser: ES modules, and the playground's UMD globals.
    files: ['src/server/web/assets/**/*.js'],
    languageOptions: {
      globals: { ...globals.browser, React: 'readonly', ReactDOM: 'readonly', GraphiQL: 'readonly' },
    },
  },
  {
    // The emitted SDL is the contract clients read: every definition described, Relay-shaped connections, house naming.
    files: ['schema/schema.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: 'schema/schema.graphql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
        },
      ],
      '@graphql-eslint/naming-convention': [
        'error',
        {
          types: 'PascalCase',
          FieldDefinition: 'camelCase',
          InputValueDefinition: 'camelCase',
          Argument: 'camelCase',
          EnumValueDefinition: 'UPPER_CASE',
        },
      ],
      '@graphql-eslint/relay-connection-types': 'error',
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: true }],
    },
  },
);
