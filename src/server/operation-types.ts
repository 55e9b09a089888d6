import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses, at validation, an operation whose type the schema does not have (this API has no
 * subscriptions): graphql-js 16 only notices at execution, with an error that carries no code.
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
