import { FACT_PROPERTY_NAMES, type FactPropertyName } from '../../domain/relationship.js';
import type { AskedRule } from '../shared/asked-fields.js';

/** The GraphQL type of relationships (relationship.type.ts). */
const RELATIONSHIP = 'Relationship';

/** Fields of a relationship that read none of its properties: its id, type and ends are always there, its citations are loaded by id. */
const WITHOUT_PROPERTIES = new Set(['__typename', 'id', 'type', 'from', 'to', 'citations']);

/** Fields named otherwise than the property they read. */
const READS_OTHER: Readonly<Record<string, FactPropertyName>> = { retracted: 'retractedAt' };

const PROPERTIES: ReadonlySet<string> = new Set(FACT_PROPERTY_NAMES);

/**
 * The relationship properties an operation can read anywhere (`askedNames(relationshipPropertyRule,
 * ...)`, shared/asked-fields.ts), so a store may leave the others out of the relationships it
 * returns for it (a projection: see GraphStore `shortestPaths` and `neighborhood`).
 * A field of the relationship type reads the property of its name (`retracted`: retractedAt);
 * the id, type, ends, typename and citations read none; any other field may read every property.
 */
export const relationshipPropertyRule: AskedRule<FactPropertyName> = {
  isRecordType: (type) => type.name === RELATIONSHIP,
  reads: (_type, field) =>
    PROPERTIES.has(field)
      ? [field as FactPropertyName]
      : Object.hasOwn(READS_OTHER, field)
        ? [READS_OTHER[field]!]
        : WITHOUT_PROPERTIES.has(field)
          ? []
          : undefined,
  names: FACT_PROPERTY_NAMES,
};
