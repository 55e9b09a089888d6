import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { integer } from './env.js';

/** Bounds every operation must respect before any resolver runs. README's limits section mirrors this. */
export interface LimitsConfig {
  /** Deepest selection nesting (fragments count as a level); introspection's `__schema` field is not counted. */
  maxDepth: number;
  /** Largest graphql-armor cost (objects 2, scalars 1, ×1.5 a level, × a literal `first`). */
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  /** Most lexical tokens in a document (checked while parsing). */
  maxTokens: number;
  /** Most items in any list argument, literal or variable. */
  maxListLength: number;
}

/** MAX_DEPTH, MAX_COST, MAX_ALIASES, MAX_DIRECTIVES, MAX_TOKENS, MAX_LIST_LENGTH. */
export function readLimits(env: NodeJS.ProcessEnv): LimitsConfig {
  return {
    maxDepth: integer(env, 'MAX_DEPTH', 10, 2, 100),
    maxCost: integer(env, 'MAX_COST', 20_000, 10, 10_000_000),
    maxAliases: integer(env, 'MAX_ALIASES', 15, 0, 1000),
    maxDirectives: integer(env, 'MAX_DIRECTIVES', 10, 0, 1000),
    maxTokens: integer(env, 'MAX_TOKENS', 2000, 100, 100_000),
    maxListLength: integer(env, 'MAX_LIST_LENGTH', 100, 1, 10_000),
  };
}

/** Codes of operations refused for their size (HTTP 400). */
export type LimitCode = 'QUERY_TOO_DEEP' | 'QUERY_TOO_COMPLEX' | 'TOO_MANY_ALIASES' | 'TOO_MANY_DIRECTIVES' | 'TOO_MANY_TOKENS' | 'LIST_TOO_LONG';

/** An operation refused by a limit; its message names the limit and is safe to show. */
export class LimitError extends GraphQLError {
  constructor(
    message: string,
    readonly code: LimitCode,
  ) {
    // `http` is read by Apollo for errors raised outside validation, and stripped from the response.
    super(message, { extensions: { code, http: { status: 400 } } });
  }
}

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
    onReject: [(ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(new LimitError(error.message.replace(/^Syntax Error: /, ''), code))],
  };
}

/** Refuses literal lists longer than `max` anywhere in the document. */
function listLengthRule(max: number): ValidationRule {
  return (ctx) => ({
    ListValue(node) {
      if (node.values.length > max) ctx.reportError(new LimitError(`A list argument holds ${node.values.length} items; at most ${max} are accepted.`, 'LIST_TOO_LONG'));
    },
  });
}

/** The longest array anywhere inside a variable value. */
function longestList(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestList));
  if (value !== null && typeof value === 'object') return Math.max(0, ...Object.values(value).map(longestList));
  return 0;
}

/** Refuses variables holding lists longer than `max`, before execution. */
function listVariablesPlugin(max: number): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ request }) {
          const longest = longestList(request.variables ?? {});
          if (longest > max) throw new LimitError(`A list variable holds ${longest} items; at most ${max} are accepted.`, 'LIST_TOO_LONG');
          return Promise.resolve();
        },
      }),
  };
}

/**
 * The validation rules, parse options and plugins that enforce {@link LimitsConfig}. graphql-armor checks depth, cost, aliases and
 * directives; tokens use graphql-js's own parse limit, which fails the parse cleanly.
 */
export function limitProtections(limits: LimitsConfig) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: false, ...report('QUERY_TOO_DEEP') },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, ...report('QUERY_TOO_COMPLEX') },
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
    plugins: [...(armor.plugins as unknown as ApolloServerPlugin[]), listVariablesPlugin(limits.maxListLength)],
  };
}
