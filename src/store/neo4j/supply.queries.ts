import type { EntityKind } from '../../domain/model.js';
import { ENTITY_FIELDS } from './neo4j-mappers.js';
import { entityValues, FACT, LIVE, notRetracted, REL, relType } from './cypher-fragments.js';

/** A supplier of this kind is its own site country (domain/supply-sites.ts), so its memberships are candidates too. */
const COUNTRY: EntityKind = 'COUNTRY';

/** A live LOCATED_IN from `node`, named `l`, to a country `c`: each country's id. */
function countriesOf(node: string, indent: string): string {
  return `COLLECT {
${indent}  MATCH (${node})-[l:${relType('LOCATED_IN')}]->(c:Entity)
${indent}  WHERE ${notRetracted('l')}
${indent}  RETURN c.id
${indent}}`;
}

/**
 * PRODUCES facts (without citations) into $materialIds (at $stage when given), each with the
 * supplier, its LOCATED_IN countries, and operators with theirs; beside them, in the same
 * statement, the live MEMBER_OF relationships (with citations) of every candidate country (the
 * suppliers that are countries, the suppliers' and their operators' countries, and $countryIds), and the entities
 * of those countries and of the operators (a supplier's own entity is in its row). Without
 * $alliances (no alliance question), neither memberships nor the operators' entities. The domain
 * then picks each row's country and keeps what it names (`supplyContext`). One record: `rows`,
 * `memberships` and `entities`, the entities as the values of `fields` (neo4j-mappers.ts `entityFields`).
 */
export function supplyContextQuery(fields: readonly string[] = ENTITY_FIELDS): string {
  return `CALL () {
  UNWIND $materialIds AS materialId
  MATCH (s:Entity)-[r:${relType('PRODUCES')}]->(:Entity {id: materialId})
  WHERE ($stage IS NULL OR r.stage = $stage) AND ${LIVE}
  RETURN collect({
    rel: ${FACT},
    supplier: ${entityValues('s', fields)},
    supplierCountries: ${countriesOf('s', '    ')},
    operators: COLLECT {
      MATCH (op:Entity)-[o:${relType('OPERATES')}]->(s)
      WHERE ${notRetracted('o')}
      RETURN {id: op.id, countries: ${countriesOf('op', '      ')}}
    }
  }) AS rows, collect(CASE WHEN s.kind = '${COUNTRY}' THEN s.id END) AS countrySuppliers
}
WITH rows, countrySuppliers,
  $countryIds + COLLECT {
    UNWIND rows AS row
    UNWIND row.supplierCountries + reduce(c = [], o IN row.operators | c + o.countries) AS id
    RETURN DISTINCT id
  } AS countryIds,
  CASE WHEN $alliances THEN COLLECT { UNWIND rows AS row UNWIND row.operators AS o RETURN DISTINCT o.id } ELSE [] END AS operatorIds
CALL (countrySuppliers, countryIds) {
  UNWIND CASE WHEN $alliances THEN countryIds + countrySuppliers ELSE [] END AS id
  WITH DISTINCT id
  MATCH (:Entity {id: id})-[r:${relType('MEMBER_OF')}]->(:Entity)
  WHERE ${LIVE}
  RETURN collect(${REL}) AS memberships
}
CALL (countryIds, operatorIds) {
  UNWIND countryIds + operatorIds AS id
  WITH DISTINCT id
  MATCH (e:Entity {id: id})
  RETURN collect(${entityValues('e', fields)}) AS entities
}
// One record: the driver reads a message that came in many parts from one buffer (bolt-messages.ts).
RETURN rows, memberships, entities`;
}

/** The supply context statement with whole entities. */
export const SUPPLY_CONTEXT = supplyContextQuery();
