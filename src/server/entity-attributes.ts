import type { ApolloServerPlugin } from '@apollo/server';
import { askedEntityAttributes } from '../schema/entity/asked-attributes.js';
import type { GraphContext } from '../schema/shared/graph.service.js';

/**
 * Once a request's operation is known and before it runs, tells its GraphService which entity
 * attributes the operation can read (schema/entity/asked-attributes.ts), so that paths,
 * neighbourhoods and supply answers fetch only those from the store.
 */
export function entityAttributesPlugin<T extends Pick<GraphContext, 'graph'>>(): ApolloServerPlugin<T> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ contextValue, schema, document, operation }) {
          if (operation)
            contextValue.graph.readAttributes(askedEntityAttributes(schema, document, operation));
          return Promise.resolve();
        },
      }),
  };
}
