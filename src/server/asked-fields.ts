import type { ApolloServerPlugin } from '@apollo/server';
import { entityAttributeRule } from '../schema/entity/asked-attributes.js';
import { relationshipPropertyRule } from '../schema/relationship/asked-properties.js';
import { askedNames } from '../schema/shared/asked-fields.js';
import type { GraphContext } from '../schema/shared/graph.service.js';

/**
 * Once a request's operation is known and before it runs, tells its GraphService which entity
 * attributes (schema/entity/asked-attributes.ts) and relationship properties
 * (schema/relationship/asked-properties.ts) the operation can read, so that paths, neighbourhoods
 * and supply answers fetch only those from the store.
 */
export function askedFieldsPlugin<T extends Pick<GraphContext, 'graph'>>(): ApolloServerPlugin<T> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ contextValue, schema, document, operation }) {
          if (operation) {
            const { graph } = contextValue;
            graph.readAttributes(askedNames(entityAttributeRule, schema, document, operation));
            graph.readProperties(askedNames(relationshipPropertyRule, schema, document, operation));
          }
          return Promise.resolve();
        },
      }),
  };
}
