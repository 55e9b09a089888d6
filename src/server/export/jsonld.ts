import { ENTITY_ATTRIBUTE_NAMES, type Entity } from '../../domain/entity.js';
import type { EntityKind } from '../../domain/model.js';
import type { Relationship, RelationshipProperties } from '../../domain/relationship.js';
import { EXPORTED_PROPERTIES } from './columns.js';
import type { ExportFormat } from './export-format.js';

/** Where the bundled context (src/server/export/context.jsonld) is served. */
export const CONTEXT_PATH = '/context.jsonld';

/** The schema.org class of each kind (its term in the context); kinds schema.org has no class for are Things. */
const SCHEMA_TYPE: Record<EntityKind, string> = {
  PERSON: 'Person',
  COUNTRY: 'Country',
  ORGANIZATION: 'Organization',
  ALLIANCE: 'Organization',
  MATERIAL: 'Thing',
  APPLICATION: 'Thing',
  FACILITY: 'Place',
  EVENT: 'Event',
  AGREEMENT: 'Thing',
  COMMITMENT: 'Thing',
  MEASURE: 'Legislation',
  STATEMENT: 'Quotation',
  SOURCE: 'CreativeWork',
};

/** Without the fields that are absent. */
function present(fields: [string, unknown][]): Record<string, unknown> {
  return Object.fromEntries(fields.filter(([, v]) => v !== undefined));
}

/** An entity as a schema.org node (`ent:<id>`); a source is also a prov:Entity, what facts are derived from. */
export function entityNode(e: Entity): Record<string, unknown> {
  return {
    id: `ent:${e.id}`,
    type: e.kind === 'SOURCE' ? [SCHEMA_TYPE[e.kind], 'prov:Entity'] : SCHEMA_TYPE[e.kind],
    kind: e.kind,
    name: e.name,
    ...present(ENTITY_ATTRIBUTE_NAMES.map((a) => [a, e[a]])),
  };
}

/**
 * A relationship as a reified statement (`rel:<id>`: rdf:subject, rdf:predicate `reg:<TYPE>`,
 * rdf:object) that is a prov:Entity `prov:wasDerivedFrom` each source it cites; each citation a
 * `prov:qualifiedDerivation` naming the source with its quote and locator.
 */
export function relationshipNode(r: Relationship): Record<string, unknown> {
  return {
    id: `rel:${r.id}`,
    type: ['Statement', 'prov:Entity'],
    subject: `ent:${r.from}`,
    predicate: `reg:${r.type}`,
    object: `ent:${r.to}`,
    relationType: r.type,
    ...present(EXPORTED_PROPERTIES.map((p) => [p, r[p as keyof RelationshipProperties]])),
    wasDerivedFrom: [...new Set(r.citations.map((c) => `ent:${c.sourceId}`))],
    qualifiedDerivation: r.citations.map((c) => ({
      type: 'Derivation',
      source: `ent:${c.sourceId}`,
      ...present([
        ['quote', c.quote],
        ['locator', c.locator],
      ]),
    })),
  };
}

/** JSON-LD 1.1: `{"@context": <served context>, "@graph": [entities…, relationships…]}`, one node a line. */
export const JSONLD: ExportFormat = {
  path: '/graph.jsonld',
  contentType: 'application/ld+json; charset=utf-8',
  fileName: 'graph.jsonld',
  writer: ({ contextUrl }) => {
    let first = true;
    const item = (node: Record<string, unknown>) => {
      const text = `${first ? '' : ',\n'}${JSON.stringify(node)}`;
      first = false;
      return text;
    };
    return {
      begin: () => `{"@context":${JSON.stringify(contextUrl)},"@graph":[\n`,
      entity: (e) => item(entityNode(e)),
      relationship: (r) => item(relationshipNode(r)),
      end: () => '\n]}\n',
    };
  },
};
