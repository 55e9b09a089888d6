import type { Entity } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';
import { ENTITY_FIELD_NAMES, entityFields, fieldText, RELATIONSHIP_FIELD_NAMES, relationshipFields } from './columns.js';
import type { ExportFormat } from './export-format.js';

/** Text a spreadsheet would read as a formula (or that hides one behind a tab or carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: text that a spreadsheet would run as a formula gets a leading `'` (OWASP's
 * CSV-injection defence), then RFC 4180 quoting: a cell holding a comma, a double quote, CR or
 * LF is enclosed in double quotes, its double quotes doubled. Numbers and booleans are ours and
 * written as they are (a negative figure stays a number).
 */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record: cells joined by commas, ended by CRLF (RFC 4180). */
const row = (cells: string[]) => `${cells.join(',')}\r\n`;

function cells(fields: [string, unknown][]): string[] {
  return fields.map(([name, value]) =>
    typeof value === 'number' || typeof value === 'boolean' ? csvCell(value) : csvCell(fieldText(name, value)),
  );
}

const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

/** nodes.csv: a header, then one row per entity: id, name, kind, attributes (aliases as JSON text). */
export const NODES_CSV: ExportFormat = {
  path: '/nodes.csv',
  contentType: CSV_TYPE,
  fileName: 'nodes.csv',
  writer: () => ({
    begin: () => row(['id', ...ENTITY_FIELD_NAMES]),
    entity: (e: Entity) => row([csvCell(e.id), ...cells(entityFields(e))]),
    end: () => '',
  }),
};

/**
 * edges.csv: a header, then one row per relationship: id, source and target entity ids, type,
 * properties, `sources` (cited source ids, space-separated) and `citations` (JSON text: each
 * `{sourceId, quote, locator}`).
 */
export const EDGES_CSV: ExportFormat = {
  path: '/edges.csv',
  contentType: CSV_TYPE,
  fileName: 'edges.csv',
  writer: () => ({
    begin: () => row(['id', 'source', 'target', ...RELATIONSHIP_FIELD_NAMES]),
    relationship: (r: Relationship) =>
      row([csvCell(r.id), csvCell(r.from), csvCell(r.to), ...cells(relationshipFields(r))]),
    end: () => '',
  }),
};
