import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';

export interface SchemaComparison {
  /** Removed or changed fields, types, arguments or values: a client written against the old schema may fail. */
  breaking: string[];
  /** Changes that can alter a client's results without failing it (a new enum value, a changed default). */
  dangerous: string[];
  /** The breaking changes the changelog does not record. */
  unrecorded: string[];
}

/**
 * Compares two SDL texts with graphql-js (`findBreakingChanges`, `findDangerousChanges`). A
 * breaking change counts as recorded when its description, as graphql-js words it
 * ("Query.search was removed."), appears verbatim in the changelog text.
 */
export function compareSchemas(previousSdl: string, currentSdl: string, changelog: string): SchemaComparison {
  const [before, after] = [buildSchema(previousSdl), buildSchema(currentSdl)];
  const breaking = findBreakingChanges(before, after).map((c) => c.description);
  const dangerous = findDangerousChanges(before, after).map((c) => c.description);
  return { breaking, dangerous, unrecorded: breaking.filter((d) => !changelog.includes(d)) };
}
