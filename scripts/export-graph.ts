/**
 * `npm run export [dir]`: writes the graph held in Neo4j back in seed format (default `export/`),
 * for backup and for flowing curated edits back into seed/. One file per entity kind, holding
 * that kind's entities and the relationships going out of them, by id; field names and order as
 * in seed/*.yaml; citations as {source, quote, locator}; relationship ids left out (derived).
 * Records edited through the API carry a `# origin: API` comment. The source texts that SOURCE
 * entities point at (`textPath`) are copied from the seed folder, so the export is itself a
 * valid seed folder (`npm run validate-seed export`).
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { ENTITY_ATTRIBUTE_NAMES, type Entity } from '../src/domain/entity.js';
import { ENTITY_KINDS, type EntityKind } from '../src/domain/model.js';
import {
  RELATIONSHIP_PROPERTY_NAMES,
  relationshipId,
  type Citation,
  type Relationship,
} from '../src/domain/relationship.js';
import { configFromEnv, createNeo4jStore } from '../src/store/neo4j/index.js';
import { DEFAULT_SEED_DIR } from '../src/store/seed/seed-loader.js';

type Graph = { entities: Entity[]; relationships: Relationship[] };
type Yamlable = Record<string, unknown>;

const DATE_KEYS = new Set(['date', 'validFrom', 'validUntil']);

/** A seed entity: id, kind, name, then the attributes in their canonical order (no origin; a source's text stays in its textPath file). */
function seedEntity(e: Entity): Yamlable {
  const out: Yamlable = { id: e.id, kind: e.kind, name: e.name };
  for (const key of ENTITY_ATTRIBUTE_NAMES)
    if (e[key] !== undefined && !(key === 'text' && e.textPath !== undefined)) out[key] = e[key];
  return out;
}

/** A seed relationship: type and ends, properties in canonical order, citations last (no id, no origin). */
function seedRelationship(r: Relationship): Yamlable {
  const out: Yamlable = { type: r.type, from: r.from, to: r.to };
  for (const key of RELATIONSHIP_PROPERTY_NAMES) if (r[key] !== undefined) out[key] = r[key];
  if (r.milestones)
    out.milestones = r.milestones.map((m) => ({
      status: m.status,
      date: m.date,
      ...(m.planned && { planned: true }),
      citation: seedCitation(m.citation),
    }));
  out.citations = r.citations.map(seedCitation);
  return out;
}

function seedCitation(c: Citation): Yamlable {
  return {
    source: c.sourceId,
    ...(c.quote !== undefined && { quote: c.quote }),
    ...(c.locator !== undefined && { locator: c.locator }),
  };
}

/** Why a record needs a note in the export: API-owned, or an id the seed would not derive. */
function note(record: Entity | Relationship, derivedId?: string): string | null {
  const notes: string[] = [];
  if (record.origin === 'API')
    notes.push(' origin: API (edited through the API; the seed never overwrites it)');
  if (derivedId !== undefined && derivedId !== record.id)
    notes.push(` id in the graph: ${record.id} (the seed derives ${derivedId})`);
  return notes.length > 0 ? notes.join('\n') : null;
}

function render(kind: EntityKind, entities: Entity[], relationships: Relationship[]): string {
  const doc = new Document({
    entities: entities.map(seedEntity),
    relationships: relationships.map(seedRelationship),
  });
  doc.commentBefore = ` ${kind} entities and the relationships going out of them, exported from Neo4j (npm run export).`;
  const notes = [
    ...entities.map((e) => note(e)),
    ...relationships.map((r) => note(r, relationshipId(r.type, r.from, r.to, r))),
  ];
  let index = 0;
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      if (pair.key.value === 'aliases' && isSeq(pair.value)) pair.value.flow = true;
      if (DATE_KEYS.has(String(pair.key.value)) && isScalar(pair.value)) pair.value.type = 'QUOTE_DOUBLE';
    },
  });
  for (const list of ['entities', 'relationships'] as const) {
    const seq = doc.get(list, true);
    if (!isSeq(seq)) continue;
    if (seq.items.length === 0) doc.delete(list);
    for (const item of seq.items) {
      const text = notes[index++];
      if (isMap(item) && text) item.commentBefore = text;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** The seed files of a graph: file name -> YAML text, one per kind that has entities. */
export function seedFiles(graph: Graph): Map<string, string> {
  const kindOf = new Map(graph.entities.map((e) => [e.id, e.kind]));
  const files = new Map<string, string>();
  for (const kind of ENTITY_KINDS) {
    const entities = graph.entities.filter((e) => e.kind === kind);
    const relationships = graph.relationships.filter((r) => kindOf.get(r.from) === kind);
    if (entities.length > 0) files.set(`${kind.toLowerCase()}.yaml`, render(kind, entities, relationships));
  }
  const orphans = graph.relationships.filter((r) => !kindOf.has(r.from));
  if (orphans.length > 0) files.set('orphan-relationships.yaml', render('SOURCE', [], orphans));
  return files;
}

/** Writes the seed files to `dir` and copies the source texts they point at from `seedDir`; returns what was written. */
export async function writeSeedFolder(
  graph: Graph,
  dir: string,
  seedDir: string,
): Promise<{ files: string[]; texts: string[]; missingTexts: string[] }> {
  await mkdir(dir, { recursive: true });
  const files = seedFiles(graph);
  for (const [name, text] of files) await writeFile(path.join(dir, name), text, 'utf8');
  const texts: string[] = [];
  const missingTexts: string[] = [];
  for (const textPath of new Set(graph.entities.flatMap((e) => (e.textPath ? [e.textPath] : [])))) {
    const from = path.resolve(seedDir, textPath);
    const to = path.resolve(dir, textPath);
    if (!from.startsWith(path.resolve(seedDir) + path.sep) || !to.startsWith(path.resolve(dir) + path.sep))
      continue;
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(from, to).then(
      () => texts.push(textPath),
      () => missingTexts.push(textPath),
    );
  }
  return { files: [...files.keys()], texts, missingTexts };
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? 'export');
  const seedDir = process.env.SEED_DIR ? path.resolve(process.env.SEED_DIR) : DEFAULT_SEED_DIR;
  const store = await createNeo4jStore(configFromEnv());
  try {
    const graph = await store.exportAll();
    const written = await writeSeedFolder(graph, dir, seedDir);
    console.log(
      `exported ${graph.entities.length} entities and ${graph.relationships.length} relationships to ${dir} ` +
        `(${written.files.length} files, ${written.texts.length} source texts)`,
    );
    for (const missing of written.missingTexts)
      console.warn(`warning: source text ${missing} not found in ${seedDir}`);
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
