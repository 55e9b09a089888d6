import type { Entity } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';

/** Where a format is being written: the absolute address of the JSON-LD context. */
export interface FormatContext {
  contextUrl: string;
}

/** One document being written: its opening, each entity and relationship (a format without `entity` or `relationship` holds none of them), its closing, as text. */
export interface FormatWriter {
  begin: () => string;
  entity?: (e: Entity) => string;
  relationship?: (r: Relationship) => string;
  end: () => string;
}

/** An export format: how it is served and how a document of it is written. */
export interface ExportFormat {
  path: string;
  contentType: string;
  fileName: string;
  writer(context: FormatContext): FormatWriter;
}
