import type { Entity } from './entity.js';
import { compareIds, compareText } from './order.js';
import type { RelationshipFact } from './relationship.js';
import type { SupplyRow } from './supply.js';

/** What a store fetches about a PRODUCES fact's supplier: its LOCATED_IN countries, and (for a facility) its operators' ids with their LOCATED_IN countries. */
export interface SupplierFacts {
  supplierCountries: readonly string[];
  operators: readonly { id: string; countries: readonly string[] }[];
}

/** The country of an entity LOCATED_IN several: the first by id (one rule for both stores), or null for none. */
export function firstCountry(ids: readonly string[]): string | null {
  return [...ids].sort(compareText)[0] ?? null;
}

/**
 * A supply row from fetched facts, the one rule of site country and operators: a COUNTRY is its
 * own site; a FACILITY's site is its country and its operators are those who OPERATE it (by id);
 * a company has no site and is its own operator; anything else neither.
 */
export function supplyRow(relationship: RelationshipFact, supplier: Entity, facts: SupplierFacts): SupplyRow {
  const own = firstCountry(facts.supplierCountries);
  const operators =
    supplier.kind === 'FACILITY'
      ? facts.operators.map((o) => ({ id: o.id, countryId: firstCountry(o.countries) })).sort(compareIds)
      : supplier.kind === 'ORGANIZATION'
        ? [{ id: supplier.id, countryId: own }]
        : [];
  const siteCountryId = supplier.kind === 'COUNTRY' ? supplier.id : supplier.kind === 'FACILITY' ? own : null;
  return { relationship, supplier, siteCountryId, operators };
}
