import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { operationCost } from './cost.js';
import { LimitError } from './limit-error.js';
import { entityRepresentations } from './representations.js';
import type { RequestRecord } from './request-log.js';

/** Charges `cost` to a client: 0 when granted, else the whole seconds to wait. */
export type ChargeCost = (client: string, cost: number) => number;

/** The limits {@link costCheck} enforces (a part of LimitsConfig). */
export interface CostCheckLimits {
  maxCost: number;
  maxListLength: number;
  maxVariableDepth: number;
  maxRepresentations: number;
}

/**
 * The longest array and the deepest nesting inside a value, walked without recursion; stops
 * looking deeper than `maxDepth + 1`. Arrays in `uncounted` add to the depth but not to the
 * longest list (their own length is bounded elsewhere); the arrays inside them count.
 */
export function variableShape(
  value: unknown,
  maxDepth: number,
  uncounted: ReadonlySet<unknown> = new Set(),
): { longestList: number; depth: number } {
  let longestList = 0;
  let depth = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== 'object') continue;
    const children: unknown[] = Array.isArray(item.value) ? item.value : Object.values(item.value);
    if (Array.isArray(item.value) && !uncounted.has(item.value))
      longestList = Math.max(longestList, item.value.length);
    depth = Math.max(depth, item.depth + 1);
    if (item.depth + 1 > maxDepth) continue;
    for (const child of children) stack.push({ value: child, depth: item.depth + 1 });
  }
  return { longestList, depth };
}

/**
 * Checks an operation before it runs: refuses a subgraph query whose `_entities` fields ask for
 * more than `maxRepresentations` representations (TOO_MANY_REPRESENTATIONS; a `representations`
 * variable is bounded by this, not by `maxListLength`), then variables nested deeper than
 * `maxVariableDepth` (VARIABLES_TOO_DEEP) or holding a list longer than `maxListLength`
 * (LIST_TOO_LONG), then an operation whose cost with these variables is above `maxCost`
 * (QUERY_TOO_COMPLEX), all HTTP 400; then charges the cost to `client` (when known), refusing
 * with 429 RATE_LIMITED and `Retry-After` when its bucket cannot pay. Throws the
 * {@link LimitError}. Shared by HTTP operations and WebSocket subscriptions.
 */
export function checkOperation(
  limits: CostCheckLimits,
  charge: ChargeCost | undefined,
  client: string | undefined,
  op: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operation: OperationDefinitionNode | null | undefined;
    variables: Record<string, unknown> | undefined;
  },
): void {
  const representations = op.operation
    ? entityRepresentations(op.document, op.operation, op.variables)
    : { count: 0, lists: new Set() };
  if (representations.count > limits.maxRepresentations)
    throw new LimitError(
      `This operation asks _entities for ${representations.count} representations; at most ${limits.maxRepresentations} are accepted (FEDERATION_MAX_REPRESENTATIONS).`,
      'TOO_MANY_REPRESENTATIONS',
    );
  const shape = variableShape(op.variables ?? {}, limits.maxVariableDepth, representations.lists);
  if (shape.depth > limits.maxVariableDepth)
    throw new LimitError(
      `The variables are nested more than ${limits.maxVariableDepth} levels deep (MAX_VARIABLE_DEPTH).`,
      'VARIABLES_TOO_DEEP',
    );
  if (shape.longestList > limits.maxListLength)
    throw new LimitError(
      `A list variable holds ${shape.longestList} items; at most ${limits.maxListLength} are accepted.`,
      'LIST_TOO_LONG',
    );
  const cost = op.operation ? operationCost(op.schema, op.document, op.operation, op.variables) : 0;
  if (cost > limits.maxCost)
    throw new LimitError(
      `Query cost limit of ${limits.maxCost} exceeded, found ${cost}.`,
      'QUERY_TOO_COMPLEX',
    );
  const wait = charge && client !== undefined ? charge(client, cost) : 0;
  if (wait > 0)
    throw new LimitError(`This operation costs ${cost}; retry after ${wait} s.`, 'RATE_LIMITED', 429, {
      'retry-after': String(wait),
    });
}

/** {@link checkOperation} in Apollo, once the operation is known and before it runs, charged to the request's client. */
export function costCheck(
  limits: CostCheckLimits,
  charge?: ChargeCost,
): ApolloServerPlugin<{ record?: RequestRecord }> {
  return {
    requestDidStart: ({ contextValue }) =>
      Promise.resolve({
        didResolveOperation({ request, document, operation, schema }) {
          checkOperation(limits, charge, contextValue.record?.client, {
            schema,
            document,
            operation,
            variables: request.variables,
          });
          return Promise.resolve();
        },
      }),
  };
}
