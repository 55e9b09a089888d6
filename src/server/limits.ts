import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { integer } from './env.js';
import { costCheck, type ChargeCost } from './cost-check.js';
import { LimitError, type LimitCode } from './limit-error.js';

/** Bounds every operation must respect before any resolver runs. README's limits section mirrors this. */
export interface LimitsConfig {
  /** Deepest selection nesting (fragments count as a level); introspection's `__schema` field is not counted. */
  maxDepth: number;
  /** Largest operation cost: the field values its answer may hold, with its real page sizes (see cost.ts). */
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  /** Most lexical tokens in a document (checked while parsing). */
  maxTokens: number;
  /** Most items in any list argument, literal or variable. */
  maxListLength: number;
  /** Deepest nesting of arrays and objects inside the variables. */
  maxVariableDepth: number;
  /** Most entities and relationships one answer may hold (counted while it is built). */
  maxResultObjects: number;
  /** Largest answer, bytes (estimated while it is built). */
  maxResponseBytes: number;
  /** Most representations the `_entities` fields of one operation may ask for (a federation subgraph, FEDERATION_ENABLED). */
  maxRepresentations: number;
}

/** MAX_DEPTH, MAX_COST, MAX_ALIASES, MAX_DIRECTIVES, MAX_TOKENS, MAX_LIST_LENGTH, MAX_VARIABLE_DEPTH, MAX_RESULT_OBJECTS, MAX_RESPONSE_BYTES, FEDERATION_MAX_REPRESENTATIONS. */
export function readLimits(env: NodeJS.ProcessEnv): LimitsConfig {
  return {
    maxDepth: integer(env, 'MAX_DEPTH', 10, 2, 100),
    maxCost: integer(env, 'MAX_COST', 20_000, 10, 10_000_000),
    maxAliases: integer(env, 'MAX_ALIASES', 15, 0, 1000),
    maxDirectives: integer(env, 'MAX_DIRECTIVES', 10, 0, 1000),
    maxTokens: integer(env, 'MAX_TOKENS', 2000, 100, 100_000),
    maxListLength: integer(env, 'MAX_LIST_LENGTH', 100, 1, 10_000),
    maxVariableDepth: integer(env, 'MAX_VARIABLE_DEPTH', 16, 2, 1000),
    maxResultObjects: integer(env, 'MAX_RESULT_OBJECTS', 10_000, 10, 10_000_000),
    maxResponseBytes: integer(env, 'MAX_RESPONSE_BYTES', 5_000_000, 1000, 1_000_000_000),
    maxRepresentations: integer(env, 'FEDERATION_MAX_REPRESENTATIONS', 100, 1, 10_000),
  };
}

export { LimitError, type LimitCode } from './limit-error.js';

/** graphql-js's message when a document exceeds `maxTokens` while parsing (16.x spells it "more that"). */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/** The limit error a parse failure stands for, when it is the token limit. */
export function tokenLimitError(message: string): LimitError | undefined {
  const match = TOKEN_LIMIT_MESSAGE.exec(message);
  return match ? new LimitError(`Token limit of ${match[1]} exceeded.`, 'TOO_MANY_TOKENS') : undefined;
}

/** A graphql-armor rejection reported as a validation error carrying our code (armor's own code would be BAD_USER_INPUT). */
function report(code: LimitCode) {
  return {
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, error: GraphQLError) =>
        ctx?.reportError(new LimitError(error.message.replace(/^Syntax Error: /, ''), code)),
    ],
  };
}

/** Refuses literal lists longer than `max` anywhere in the document. */
function listLengthRule(max: number): ValidationRule {
  return (ctx) => ({
    ListValue(node) {
      if (node.values.length > max)
        ctx.reportError(
          new LimitError(
            `A list argument holds ${node.values.length} items; at most ${max} are accepted.`,
            'LIST_TOO_LONG',
          ),
        );
    },
  });
}

/**
 * The validation rules, parse options and plugins that enforce {@link LimitsConfig} before execution. graphql-armor checks depth,
 * aliases and directives; tokens use graphql-js's own parse limit, which fails the parse cleanly; the variables' shape and the
 * cost (which needs the variables) are checked once the operation is resolved, and the cost is charged to the client by `charge`.
 */
export function limitProtections(limits: LimitsConfig, charge?: ChargeCost) {
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: false,
      ...report('QUERY_TOO_DEEP'),
    },
    // Cost needs the variables: variablesCheck computes it once they are known.
    costLimit: { enabled: false },
    // armor lets `__typename` aliases through by default: an alias flood of them would cost nothing to send.
    maxAliases: { n: limits.maxAliases, allowList: [], ...report('TOO_MANY_ALIASES') },
    maxDirectives: { n: limits.maxDirectives, ...report('TOO_MANY_DIRECTIVES') },
    maxTokens: { enabled: false },
    // Suggestions are stripped by the error policy instead: armor's mask leaves a stray "?".
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: [...armor.validationRules, listLengthRule(limits.maxListLength)],
    parseOptions: { maxTokens: limits.maxTokens },
    // armor's typings resolve to Apollo's CommonJS types: the same plugins, another declaration.
    plugins: [...(armor.plugins as unknown as ApolloServerPlugin[]), costCheck(limits, charge)],
  };
}
