import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  execute,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isAbstractType,
  isObjectType,
  Kind,
  OperationTypeNode,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type NamedTypeNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Apollo's gateway interface (its types are not exported by @apollo/server itself). */
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/** Which executor runs queries (GRAPHQL_EXECUTOR): graphql-jit's compiled documents, or graphql-js alone. */
export type ExecutorKind = 'jit' | 'graphql-js';

export interface ExecutorConfig {
  kind: ExecutorKind;
  /** How many times graphql-js runs a document's query before it is compiled (GRAPHQL_JIT_AFTER; 0: at once). */
  jitAfter: number;
}

/** Operations run since start: compiled (graphql-jit) and interpreted (graphql-js). */
export interface ExecutionCounts {
  compiled: number;
  interpreted: number;
}

/** The gateway Apollo runs with, and what it has run. */
export type CompiledExecution = GatewayInterface & { readonly counts: ExecutionCounts };

/**
 * The most fields (counted by {@link compiledFieldCount}) a compiled query may have: compiling
 * costs about 0.2 ms per field once warm (the benchmark's queries count 21-41 fields and compile in
 * 2-3 ms; 1,432 fields took 340 ms), and blocks the event loop while it runs.
 */
const MAX_COMPILED_FIELDS = 300;

/**
 * Apollo Server's one hook for another executor is its gateway interface: this "gateway" serves
 * `schema` as it is and runs query operations with graphql-jit, which compiles a document's
 * operation into one JavaScript function (about 2 ms, once per document; Apollo's document store
 * hands the same parsed document to every request with the same text) instead of walking the
 * document for every field of every answer. Mutations run with graphql-js (serial, rare), and so
 * does a query until graphql-js has run it `jitAfter` times (a document asked once is not worth
 * compiling) or whose compiled code would be too large ({@link MAX_COMPILED_FIELDS}). The answers
 * and errors are the same bytes either way (tests/executor.test.ts); variables are coerced once,
 * by the compiled query, and only when it refuses them again by graphql-js, so that a bad variable
 * gets graphql-js's message.
 */
export function compiledExecution(schema: GraphQLSchema, config: ExecutorConfig): CompiledExecution {
  const counts: ExecutionCounts = { compiled: 0, interpreted: 0 };
  // Per operation (a node of a parsed document Apollo keeps): how often graphql-js has run it, or,
  // once decided, its compiled query (null: it stays with graphql-js).
  const operations = new WeakMap<OperationDefinitionNode, number | CompiledQuery | null>();

  /** The compiled query for this operation, once it has run often enough; null while graphql-js runs it. */
  const compiledFor = (document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | null => {
    const known = operations.get(operation) ?? 0;
    if (typeof known !== 'number') return known;
    if (known < config.jitAfter) {
      operations.set(operation, known + 1);
      return null;
    }
    const compiled =
      compiledFieldCount(schema, document, operation, MAX_COMPILED_FIELDS) <= MAX_COMPILED_FIELDS
        ? compileQuery(schema, document, operation.name?.value, { disablingCapturingStackErrors: true })
        : null;
    // A document too large to compile, or one graphql-jit refuses (none known here), stays with graphql-js.
    const usable = compiled && isCompiledQuery(compiled) ? compiled : null;
    operations.set(operation, usable);
    return usable;
  };

  const executor: GatewayExecutor = async ({ document, operation, request, context }) => {
    // Without an operation (none by that name, or several and no name), graphql-js says what is wrong.
    const compiled =
      (operation as OperationDefinitionNode | undefined)?.operation === OperationTypeNode.QUERY
        ? compiledFor(document, operation)
        : null;
    counts[compiled ? 'compiled' : 'interpreted']++;
    if (!compiled)
      return (await execute({
        schema,
        document,
        contextValue: context,
        variableValues: request.variables,
        operationName: request.operationName,
      })) as ExecutionResult<Record<string, unknown>>;
    const variables = request.variables ?? {};
    const result = await compiled.query(undefined, context, variables);
    // graphql-jit refuses bad variables before it runs anything (errors, no data): graphql-js says why, in its words.
    if (!('data' in result)) {
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
        maxErrors: 50,
      });
      return { errors: coerced.errors ?? (result.errors ?? []).map(asGraphQLError) };
    }
    const data = result.data as Record<string, unknown> | null;
    // graphql-js's key order: errors before data.
    return result.errors?.length ? { errors: result.errors.map(asGraphQLError), data } : { data };
  };

  return {
    load: () => Promise.resolve({ executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    stop: () => Promise.resolve(),
    counts,
  };
}

/**
 * A graphql-jit error as graphql-js's `locatedError` makes it: a located GraphQLError thrown by a
 * resolver as it is, else a GraphQLError with the thrown error's message and extensions (jit's own
 * imitation has no `extensions` object when the thrown error has none), the path and the locations.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  if (original instanceof GraphQLError && Array.isArray(original.path)) return original;
  const located = new GraphQLError(error.message, {
    path: error.path,
    ...(original && { originalError: original }),
  });
  if (error.locations) Object.assign(located, { locations: error.locations });
  return located;
}

/**
 * How many fields graphql-jit would generate code for, counted up to just past `limit`: it
 * compiles an abstract type's selection once for each of its possible types, so abstract fields
 * nested in each other multiply (the hostile test's 15 aliases three entities deep: tens of
 * thousands, and half a minute of compiling).
 */
export function compiledFieldCount(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limit: number,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const applies = (condition: NamedTypeNode | undefined, type: GraphQLObjectType): boolean => {
    if (!condition) return true;
    const named = schema.getType(condition.name.value);
    return named === type || (isAbstractType(named) && schema.isSubType(named, type));
  };
  let count = 0;
  const walk = (selections: readonly SelectionNode[], type: GraphQLObjectType): void => {
    for (const selection of selections) {
      if (count > limit) return;
      if (selection.kind === Kind.FIELD) {
        count++;
        const field = selection.selectionSet && type.getFields()[selection.name.value];
        if (!field) continue;
        const named = getNamedType(field.type);
        if (isObjectType(named)) walk(selection.selectionSet.selections, named);
        else if (isAbstractType(named))
          for (const possible of schema.getPossibleTypes(named))
            walk(selection.selectionSet.selections, possible);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition, type)) walk(selection.selectionSet.selections, type);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && applies(fragment.typeCondition, type)) walk(fragment.selectionSet.selections, type);
      }
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) walk(operation.selectionSet.selections, root);
  return count;
}
