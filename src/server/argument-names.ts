import type { ApolloServerPlugin } from '@apollo/server';
import { visit, type ArgumentNode, type GraphQLError } from 'graphql';

/**
 * Names the argument in graphql-js's "Expected value of type ..." validation errors for a bad
 * literal (a bad variable is already named by graphql-js; a literal carries only its location):
 * `Argument "asOf" has an invalid value: Expected value of type "Date", found "2025-Q4"; ...`.
 */
export function argumentNamesPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    requestDidStart() {
      return Promise.resolve({
        validationDidStart(requestContext) {
          return Promise.resolve((errors?: readonly Error[]) => {
            const document = requestContext.document;
            const bad = (errors ?? []).filter(
              (e): e is GraphQLError =>
                e.message.startsWith('Expected value of type') &&
                (e as GraphQLError).nodes?.[0]?.loc !== undefined,
            );
            if (bad.length === 0 || !document) return Promise.resolve();
            const args: ArgumentNode[] = [];
            visit(document, { Argument: (node) => void args.push(node) });
            for (const error of bad) {
              const at = error.nodes![0]!.loc!;
              // The innermost argument whose value spans the bad literal (arguments of input fields nest).
              const arg = args
                .filter((a) => a.value.loc && a.value.loc.start <= at.start && at.end <= a.value.loc.end)
                .pop();
              if (arg) error.message = `Argument "${arg.name.value}" has an invalid value: ${error.message}`;
            }
            return Promise.resolve();
          });
        },
      });
    },
  };
}
