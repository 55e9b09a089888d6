import { GraphQLError, OperationTypeNode, type ValidationRule } from 'graphql';

/**
 * Refuses, at validation, an operation whose type the schema does not have: graphql-js 16 only
 * notices at execution, with an error that carries no code.
 */
export const KnownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const root = context.getSchema().getRootType(node.operation);
    if (!root)
      context.reportError(
        new GraphQLError(`This API does not support ${node.operation} operations`, { nodes: node }),
      );
  },
});

/**
 * Refuses a subscription sent over HTTP at validation (graphql-js would run it once, with no
 * event): subscriptions are served over WebSocket (src/server/subscriptions.ts).
 */
export const SubscriptionsOverWebSocket: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === OperationTypeNode.SUBSCRIPTION)
      context.reportError(
        new GraphQLError(
          'Subscriptions are served over WebSocket at /graphql (graphql-ws protocol, subprotocol "graphql-transport-ws"), not over HTTP.',
          { nodes: node },
        ),
      );
  },
});
