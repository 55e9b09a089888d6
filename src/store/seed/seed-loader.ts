import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { Entity } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';
import { seedFileValidator } from './seed-schema.js';
import { checkGraph, toEntity, toRelationship, type RawEntity, type RawRelationship } from './seed-check.js';

/** The curated graph read from a seed folder. */
export interface Seed {
  entities: Entity[];
  relationships: Relationship[];
}

/** A seed that fails validation: every problem found, one line each, with its file. */
export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`seed is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`);
    this.name = 'SeedError';
  }
}

const validateFile = seedFileValidator();

/** Default seed folder: `seed/` at the project root. */
export const DEFAULT_SEED_DIR = path.resolve(import.meta.dirname, '../../../seed');

/**
 * Reads and validates every `*.yaml` file of `dir` (in name order). Throws {@link SeedError}
 * listing every problem: schema violations, duplicate ids, dangling references, types outside
 * the allow-list or between kinds it does not allow, missing citations, quotes not found in the
 * source text the seed holds, malformed dates.
 */
export async function loadSeed(dir: string = DEFAULT_SEED_DIR): Promise<Seed> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  const problems: string[] = [];
  const rawEntities: { file: string; raw: RawEntity }[] = [];
  const rawRelationships: { file: string; raw: RawRelationship }[] = [];
  for (const file of files) {
    let doc: unknown;
    try {
      doc = parse(await readFile(path.join(dir, file), 'utf8')) ?? {};
    } catch (e) {
      problems.push(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0] ?? ''}`);
      continue;
    }
    if (!validateFile(doc)) {
      for (const err of validateFile.errors ?? []) {
        const allowed = 'allowedValues' in err.params ? ` (allowed: ${String(err.params.allowedValues)})` : '';
        problems.push(`${file}${err.instancePath}: ${err.message ?? 'invalid'}${allowed}`);
      }
      continue;
    }
    const { entities = [], relationships = [] } = doc as { entities?: RawEntity[]; relationships?: RawRelationship[] };
    for (const raw of entities) rawEntities.push({ file, raw });
    for (const raw of relationships) rawRelationships.push({ file, raw });
  }
  const entities = rawEntities.map(({ raw }) => toEntity(raw));
  const relationships = rawRelationships.map(({ raw }) => toRelationship(raw));
  const texts = await readSourceTexts(dir, entities, problems);
  problems.push(
    ...checkGraph(
      rawEntities.map((e, i) => ({ file: e.file, record: entities[i]! })),
      rawRelationships.map((r, i) => ({ file: r.file, record: relationships[i]! })),
      texts,
    ),
  );
  if (problems.length > 0) throw new SeedError(problems);
  // A source's text travels with it, so quotes cited through the API are checked against the graph alone.
  return { entities: entities.map((e) => (texts.has(e.id) ? { ...e, text: texts.get(e.id) } : e)), relationships };
}

async function readSourceTexts(dir: string, entities: Entity[], problems: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const e of entities) {
    if (e.kind !== 'SOURCE' || e.textPath === undefined) continue;
    const file = path.resolve(dir, e.textPath);
    if (!file.startsWith(path.resolve(dir) + path.sep)) {
      problems.push(`source ${e.id}: textPath must stay inside the seed folder`);
      continue;
    }
    try {
      texts.set(e.id, await readFile(file, 'utf8'));
    } catch {
      problems.push(`source ${e.id}: cannot read its text at ${e.textPath}`);
    }
  }
  return texts;
}
