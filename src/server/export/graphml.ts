import type { Entity } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';
import { ENTITY_FIELD_NAMES, entityFields, FIELD_TYPES, fieldText, RELATIONSHIP_FIELD_NAMES, relationshipFields } from './columns.js';
import type { ExportFormat } from './export-format.js';

/** Characters XML 1.0 cannot hold, even escaped (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF): dropped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Whether text needs any change as an attribute value: markup characters, or characters XML cannot hold. */
// eslint-disable-next-line no-control-regex
const ATTRIBUTE_WORK = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** The same for character data, where a double quote needs no escape (JSON text rarely needs any). */
// eslint-disable-next-line no-control-regex
const CONTENT_WORK = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as an XML attribute value in double quotes (`attribute`) or as character data. */
export function xmlText(text: string, attribute = true): string {
  if (!(attribute ? ATTRIBUTE_WORK : CONTENT_WORK).test(text)) return text;
  return text.replace(NOT_XML, '').replace(attribute ? /[&<>"]/g : /[&<>]/g, (c) => ENTITIES[c]!);
}

const keyId = (scope: 'node' | 'edge', name: string) => `${scope === 'node' ? 'n' : 'e'}_${name}`;

function keys(scope: 'node' | 'edge', names: readonly string[]): string {
  return names
    .map(
      (name) =>
        `  <key id="${keyId(scope, name)}" for="${scope}" attr.name="${name}" attr.type="${FIELD_TYPES[name] ?? 'string'}"/>\n`,
    )
    .join('');
}

function data(scope: 'node' | 'edge', fields: [string, unknown][]): string {
  let out = '';
  for (const [name, value] of fields) {
    const text = fieldText(name, value);
    if (text !== undefined && text !== '')
      out += `<data key="${keyId(scope, name)}">${xmlText(text, false)}</data>`;
  }
  return out;
}

/** Node attributes: `label` (the name again, for Gephi), then the entity fields. */
const NODE_FIELDS = ['label', ...ENTITY_FIELD_NAMES];

/**
 * GraphML (graphml.graphdrawing.org): a directed graph, nodes keyed by entity id, then edges
 * keyed by relationship id; every field a typed `<key>` declared up front, lists and
 * citations as JSON text.
 */
export const GRAPHML: ExportFormat = {
  path: '/graph.graphml',
  contentType: 'application/graphml+xml; charset=utf-8',
  fileName: 'graph.graphml',
  writer: () => ({
    begin: () =>
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      keys('node', NODE_FIELDS) +
      keys('edge', RELATIONSHIP_FIELD_NAMES) +
      '  <graph id="rare-earths" edgedefault="directed">\n',
    entity: (e: Entity) =>
      `    <node id="${xmlText(e.id)}">${data('node', [['label', e.name], ...entityFields(e)])}</node>\n`,
    relationship: (r: Relationship) =>
      `    <edge id="${xmlText(r.id)}" source="${xmlText(r.from)}" target="${xmlText(r.to)}">${data('edge', relationshipFields(r))}</edge>\n`,
    end: () => '  </graph>\n</graphml>\n',
  }),
};
