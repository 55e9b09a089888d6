import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { Entity } from '../../src/domain/entity.js';
import { extractProposals } from '../../src/domain/ingest/extract.js';
import { Gazetteer } from '../../src/domain/ingest/mentions.js';
import type { Proposal } from '../../src/domain/ingest/proposal.js';
import { graphSnapshot, type GraphSnapshot } from '../../src/domain/ingest/snapshot.js';
import type { EntityKind } from '../../src/domain/model.js';
import type { Relationship } from '../../src/domain/relationship.js';
import { stem, words } from '../../src/domain/text-keys.js';
import { DEFAULT_SEED_DIR, loadSeed, type Seed } from '../../src/store/seed/seed-loader.js';

/*
 * The extraction benchmark (npm run ingest:eval), shared with its tests. Gold: every seed
 * relationship citing the founding article, and the hand annotations of our own texts. The graph
 * extraction reads holds only the seed's named entities; proposed new entities are matched to
 * gold entities by MATCH RULE (see {@link matchEntities}).
 */

/** The founding article's SOURCE id in the seed. */
export const ARTICLE_SOURCE = 'source-article';
/** Kinds the eval's graph holds: the named entities (places are countries and facilities). */
export const NAMED_KINDS: readonly EntityKind[] = [
  'PERSON',
  'ORGANIZATION',
  'COUNTRY',
  'FACILITY',
  'MATERIAL',
];
export const TEXTS_DIR = path.resolve(import.meta.dirname, '../../bench/ingest-eval/texts');

export interface Triple {
  type: string;
  from: string;
  to: string;
}
const key = (t: Triple) => `${t.type} ${t.from} ${t.to}`;

/** The gold relationships of the article: every seed relationship with a citation of it. */
export function articleGold(seed: Seed): Relationship[] {
  return seed.relationships.filter((r) => r.citations.some((c) => c.sourceId === ARTICLE_SOURCE));
}

/** The graph extraction reads: the seed's named entities, and the seed's relationships between them that do not cite the article. */
export function evalSnapshot(seed: Seed): GraphSnapshot {
  const entities = seed.entities.filter((e) => NAMED_KINDS.includes(e.kind));
  const ids = new Set(entities.map((e) => e.id));
  const relationships = seed.relationships.filter(
    (r) => ids.has(r.from) && ids.has(r.to) && !r.citations.some((c) => c.sourceId === ARTICLE_SOURCE),
  );
  return graphSnapshot(entities, relationships);
}

const STOP = new Set([
  'the',
  'of',
  'a',
  'an',
  'and',
  'to',
  'on',
  'in',
  'for',
  'with',
  'at',
  'by',
  'is',
  'are',
  'we',
  's',
  't',
  'it',
  'its',
  'that',
  'this',
  'be',
  'have',
  'has',
]);
/** The words of a label, where words naming a known entity count as that entity ("US" and "United States" are one). */
function labelBag(label: string, known: Gazetteer): string[] {
  const mentions = known.match(label);
  let rest = label;
  for (const m of [...mentions].reverse()) rest = `${rest.slice(0, m.start)} ${rest.slice(m.end)}`;
  return [
    ...mentions.map((m) => `#${m.id}`),
    ...words(rest)
      .filter((w) => !STOP.has(w))
      .map(stem),
  ];
}
const bag = (e: Pick<Entity, 'name' | 'aliases' | 'text'>, known: Gazetteer) =>
  new Set([e.name, ...(e.aliases ?? []), e.text ?? ''].flatMap((l) => labelBag(l, known)));

/**
 * MATCH RULE: a proposed new entity stands for a gold entity of the same kind when their words
 * (name, aliases, text; stop words dropped; stems; words naming an entity of the eval's graph
 * count as that entity, so "US" meets "United States") overlap: shared / smaller set >= 0.6
 * with at least two shared (one when a set has one). Pairs are taken best score first, one to one.
 */
export function matchEntities(
  proposed: readonly Pick<Entity, 'id' | 'kind' | 'name' | 'text'>[],
  gold: readonly Entity[],
  snapshot: GraphSnapshot,
): Map<string, string> {
  const known = new Gazetteer(snapshot.entities);
  const pairs: { p: string; g: string; score: number }[] = [];
  for (const p of proposed) {
    const pb = bag(p, known);
    for (const g of gold) {
      if (g.kind !== p.kind) continue;
      const gb = bag(g, known);
      const shared = [...pb].filter((w) => gb.has(w)).length;
      const smaller = Math.min(pb.size, gb.size);
      if (smaller === 0 || shared < Math.min(2, smaller)) continue;
      const score = shared / smaller;
      if (score >= 0.6) pairs.push({ p: p.id, g: g.id, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || (a.p + a.g < b.p + b.g ? -1 : 1));
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const { p, g } of pairs) {
    if (out.has(p) || taken.has(g)) continue;
    out.set(p, g);
    taken.add(g);
  }
  return out;
}

/** The relationships a set of proposals predicts, as triples with new entities mapped to gold ids. */
export function predicted(
  proposals: readonly Proposal[],
  snapshot: GraphSnapshot,
  map: ReadonlyMap<string, string>,
): Triple[] {
  const byId = new Map(snapshot.relationships.map((r) => [r.id, r]));
  const out = new Map<string, Triple>();
  for (const p of proposals) {
    const r = p.relationship ?? (p.citation ? byId.get(p.citation.relationshipId) : undefined);
    if (!r) continue;
    const t = { type: r.type, from: map.get(r.from) ?? r.from, to: map.get(r.to) ?? r.to };
    out.set(key(t), t);
  }
  return [...out.values()];
}

export interface Score {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface Scored {
  overall: Score;
  byType: Record<string, Score>;
  missed: Triple[];
  wrong: Triple[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 10);

/** Precision and recall of predicted triples against gold triples, overall and per type. */
export function score(gold: readonly Triple[], guess: readonly Triple[]): Scored {
  const goldKeys = new Set(gold.map(key));
  const guessKeys = new Set(guess.map(key));
  const types = [...new Set([...gold, ...guess].map((t) => t.type))].sort();
  const of = (g: readonly Triple[], p: readonly Triple[]): Score => {
    const correct = p.filter((t) => goldKeys.has(key(t))).length;
    return {
      gold: g.length,
      predicted: p.length,
      correct,
      precision: ratio(correct, p.length),
      recall: ratio(correct, g.length),
    };
  };
  return {
    overall: of([...new Map(gold.map((t) => [key(t), t])).values()], guess),
    byType: Object.fromEntries(
      types.map((type) => [
        type,
        of(
          [...new Map(gold.filter((t) => t.type === type).map((t) => [key(t), t])).values()],
          guess.filter((t) => t.type === type),
        ),
      ]),
    ),
    missed: gold.filter((t) => !guessKeys.has(key(t))),
    wrong: guess.filter((t) => !goldKeys.has(key(t))),
  };
}

export interface Annotated {
  name: string;
  text: string;
  document: { title: string; publisher: string; published: string };
  newEntities: Entity[];
  facts: Triple[];
}

/** Our own texts and their hand annotations (bench/ingest-eval/texts). */
export async function annotatedTexts(dir = TEXTS_DIR): Promise<Annotated[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(
    names.map(async (file) => {
      const name = file.replace(/\.txt$/, '');
      const facts = parse(await readFile(path.join(dir, `${name}.facts.yaml`), 'utf8')) as {
        document: Annotated['document'];
        new: { id: string; kind: EntityKind; name: string }[];
        facts: Triple[];
      };
      return {
        name,
        text: await readFile(path.join(dir, file), 'utf8'),
        document: facts.document,
        newEntities: facts.new.map((e) => ({ ...e, origin: 'SEED' as const })),
        facts: facts.facts.map(({ type, from, to }) => ({ type, from, to })),
      };
    }),
  );
}

export interface DocumentResult {
  name: string;
  words: number;
  proposals: Proposal[];
  scored: Scored;
  map: Map<string, string>;
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Extract one document and score it. `goldEntities`: the entities proposed new ones may stand for. */
export function evaluate(
  name: string,
  document: Annotated['document'] & { text: string },
  snapshot: GraphSnapshot,
  gold: readonly Triple[],
  goldEntities: readonly Entity[],
): DocumentResult {
  const proposals = extractProposals(document, snapshot);
  const map = matchEntities(
    proposals.flatMap((p) => (p.entity ? [p.entity] : [])),
    goldEntities,
    snapshot,
  );
  return {
    name,
    words: wordCount(document.text),
    proposals,
    map,
    scored: score(gold, predicted(proposals, snapshot, map)),
  };
}

/** The whole benchmark: the article, then each own text. */
export async function runIngestEval(seedDir = DEFAULT_SEED_DIR): Promise<{
  article: DocumentResult;
  goldCount: number;
  texts: DocumentResult[];
  textsOverall: Scored;
  msPer1000Words: number;
}> {
  const seed = await loadSeed(seedDir);
  const snapshot = evalSnapshot(seed);
  const source = seed.entities.find((e) => e.id === ARTICLE_SOURCE)!;
  const goldRels = articleGold(seed);
  const notInGraph = seed.entities.filter((e) => !NAMED_KINDS.includes(e.kind) && e.kind !== 'SOURCE');
  const article = evaluate(
    'founding article',
    { title: source.name, publisher: source.publisher ?? '', published: source.date!, text: source.text! },
    snapshot,
    goldRels.map(({ type, from, to }) => ({ type, from, to })),
    notInGraph,
  );
  const texts = (await annotatedTexts()).map((t) =>
    evaluate(t.name, { ...t.document, text: t.text }, snapshot, t.facts, [...notInGraph, ...t.newEntities]),
  );
  const textsOverall = mergeScores(texts.map((t) => t.scored));
  // Time: every document 5 times after one warm-up run.
  const docs = [
    { published: source.date!, text: source.text! },
    ...(await annotatedTexts()).map((t) => ({ published: t.document.published, text: t.text })),
  ];
  for (const d of docs) extractProposals({ title: '', publisher: '', ...d }, snapshot);
  const started = performance.now();
  for (let round = 0; round < 5; round++)
    for (const d of docs) extractProposals({ title: '', publisher: '', ...d }, snapshot);
  const ms = performance.now() - started;
  const totalWords = docs.reduce((n, d) => n + wordCount(d.text), 0) * 5;
  return {
    article,
    goldCount: goldRels.length,
    texts,
    textsOverall,
    msPer1000Words: Math.round((ms / totalWords) * 1000 * 10) / 10,
  };
}

/** Sum of several documents' scores (micro-averaged). */
function mergeScores(all: readonly Scored[]): Scored {
  const sum = (scores: Score[]): Score => {
    const gold = scores.reduce((n, s) => n + s.gold, 0);
    const predicted = scores.reduce((n, s) => n + s.predicted, 0);
    const correct = scores.reduce((n, s) => n + s.correct, 0);
    return { gold, predicted, correct, precision: ratio(correct, predicted), recall: ratio(correct, gold) };
  };
  const types = [...new Set(all.flatMap((s) => Object.keys(s.byType)))].sort();
  return {
    overall: sum(all.map((s) => s.overall)),
    byType: Object.fromEntries(
      types.map((t) => [t, sum(all.flatMap((s) => (s.byType[t] ? [s.byType[t]] : [])))]),
    ),
    missed: all.flatMap((s) => s.missed),
    wrong: all.flatMap((s) => s.wrong),
  };
}
