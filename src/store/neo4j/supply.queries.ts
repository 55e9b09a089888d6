import { FACT, LIVE, notRetracted, relType } from './cypher-fragments.js';

/** A live LOCATED_IN from `node`, named `l`, to a country `c`: each country's id. */
function countriesOf(node: string, indent: string): string {
  return `COLLECT {
${indent}  MATCH (${node})-[l:${relType('LOCATED_IN')}]->(c:Entity)
${indent}  WHERE ${notRetracted('l')}
${indent}  RETURN c.id
${indent}}`;
}

/** PRODUCES facts (without citations) into $materialIds (at $stage when given), with the supplier, its LOCATED_IN countries, and operators with theirs. */
export const SUPPLY_ROWS = `UNWIND $materialIds AS materialId
MATCH (s:Entity)-[r:${relType('PRODUCES')}]->(:Entity {id: materialId})
WHERE ($stage IS NULL OR r.stage = $stage) AND ${LIVE}
RETURN ${FACT} AS rel,
  s {.*} AS supplier,
  ${countriesOf('s', '  ')} AS supplierCountries,
  COLLECT {
    MATCH (op:Entity)-[o:${relType('OPERATES')}]->(s)
    WHERE ${notRetracted('o')}
    RETURN {id: op.id, countries: ${countriesOf('op', '    ')}}
  } AS operators`;
