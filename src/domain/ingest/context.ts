import type { EntityAttributes } from '../entity.js';
import type { EntityKind, RelationType } from '../model.js';
import type { RelationshipProperties } from '../relationship.js';
import { fold } from '../text-keys.js';
import { cue, type CueRule } from './cues.js';
import { shortHash, slugOf } from './ids.js';
import { Gazetteer, MENTION_CONFIDENCE, mentionsOf, type Mention } from './mentions.js';
import { splitSentences, type Sentence, type Span } from './nlp.js';
import type { GraphSnapshot, SnapshotEntity } from './snapshot.js';
import { findNumbers, type FoundNumber } from './numbers.js';
import { findDates, type FoundDate } from './when.js';

/*
 * What the cue rules read and write while one document is read: its sentences with their
 * mentions, the quotations, the new entities proposed so far (so later sentences refer back to
 * them: "the agreement", "the South Korea meeting", "the one-year suspension"), and the
 * relationships found.
 */

/** A new entity, as the rules build it. */
export interface Draft {
  id: string;
  kind: EntityKind;
  name: string;
  attributes: Omit<EntityAttributes, 'aliases'>;
  rule: CueRule;
  quote: Span;
  confidence: number;
  /** Words later mentions refer back by ("meeting", "suspension", a country's id...). */
  heads: string[];
}

/** A relationship a rule found. */
export interface Candidate {
  rule: CueRule;
  type: RelationType;
  from: string;
  to: string;
  props: Omit<RelationshipProperties, 'milestones' | 'retractedAt' | 'retractionNote'>;
  quote: Span;
  confidence: number;
}

/** One gazetteer per snapshot's entity list (a batch of documents against one snapshot builds it once). */
const gazetteers = new WeakMap<readonly SnapshotEntity[], Gazetteer>();
function gazetteerOf(entities: readonly SnapshotEntity[]): Gazetteer {
  return gazetteers.get(entities) ?? gazetteers.set(entities, new Gazetteer(entities)).get(entities)!;
}

/** A quotation in the text: the marks' span and the words inside. */
export interface Quotation extends Span {
  inner: Span;
  paragraph: number;
}

/** One sentence as rules read it. */
export interface SentenceView extends Sentence {
  index: number;
  text: string;
  mentions: Mention[];
  dates: FoundDate[];
  numbers: FoundNumber[];
}

const QUOTE_PAIRS: [string, string][] = [
  ['\u201C', '\u201D'],
  ['"', '"'],
];

export class ReadingContext {
  readonly gazetteer: Gazetteer;
  readonly sentences: SentenceView[];
  readonly quotations: Quotation[];
  readonly drafts = new Map<string, Draft>();
  readonly candidates: Candidate[] = [];
  /** The document's home country: see {@link homeCountry}. */
  home: string | undefined;
  /** The last two countries named as a pair ("U.S.-China", "between Washington and Beijing"). */
  lastPair: [string, string] | undefined;
  private readonly snapshotIds: Set<string>;

  constructor(
    readonly text: string,
    readonly published: string,
    readonly documentId: string,
    snapshot: GraphSnapshot,
  ) {
    this.gazetteer = gazetteerOf(snapshot.entities);
    this.snapshotIds = new Set(snapshot.entities.map((e) => e.id));
    const sentences = splitSentences(text);
    const mentions = mentionsOf(text, sentences, this.gazetteer);
    this.sentences = sentences.map((s, index) => ({
      ...s,
      index,
      text: text.slice(s.start, s.end),
      mentions: mentions[index]!,
      dates: findDates(text.slice(s.start, s.end), published, s.start),
      numbers: findNumbers(text.slice(s.start, s.end), s.start),
    }));
    this.quotations = findQuotations(text);
  }

  kindOf(id: string): EntityKind | undefined {
    return this.drafts.get(id)?.kind ?? this.gazetteer.kinds.get(id);
  }

  nameOf(id: string): string {
    return this.drafts.get(id)?.name ?? this.gazetteer.names.get(id) ?? id;
  }

  isNew(id: string): boolean {
    return this.drafts.has(id);
  }

  /** Whether an offset lies inside a quotation (facts there are the speaker's words, read only by the statement cues). */
  quoted(offset: number): boolean {
    return this.quotations.some((q) => offset >= q.start && offset < q.end);
  }

  /** Mentions of a sentence in [from, to) of the given kinds, outside quotations. */
  mentionsIn(s: SentenceView, from: number, to: number, kinds?: readonly EntityKind[]): Mention[] {
    return s.mentions.filter(
      (m) => m.start >= from && m.end <= to && (!kinds || kinds.includes(m.kind)) && !this.quoted(m.start),
    );
  }

  /** The nearest mention of one of `kinds` before `offset` in the sentence (the subject of a cue verb). */
  before(s: SentenceView, offset: number, kinds: readonly EntityKind[]): Mention | undefined {
    return this.mentionsIn(s, s.start, offset, kinds).at(-1);
  }

  /** The first mention of one of `kinds` at or after `offset` in the sentence. */
  after(s: SentenceView, offset: number, kinds: readonly EntityKind[], to = s.end): Mention | undefined {
    return this.mentionsIn(s, offset, to, kinds)[0];
  }

  /**
   * A new entity; the same kind and name again gives the same draft. Its id is the slug of its
   * name, with a short hash when a known entity or another draft holds that slug.
   */
  draft(
    kind: EntityKind,
    name: string,
    rule: CueRule,
    quote: Span,
    heads: string[],
    attributes: Draft['attributes'] = {},
  ): Draft {
    const existing = [...this.drafts.values()].find((d) => d.kind === kind && fold(d.name) === fold(name));
    if (existing) {
      for (const [k, v] of Object.entries(attributes)) {
        const key = k as keyof Draft['attributes'];
        if (existing.attributes[key] === undefined && v !== undefined)
          (existing.attributes as Record<string, unknown>)[key] = v;
      }
      return existing;
    }
    let id = slugOf(name);
    if (this.snapshotIds.has(id) || this.drafts.has(id))
      id = `${id}-${shortHash(`${this.documentId}\n${kind}\n${name}`)}`;
    const d: Draft = { id, kind, name, attributes, rule, quote, confidence: cue(rule).confidence, heads };
    this.drafts.set(id, d);
    return d;
  }

  /** The last draft of `kind` whose heads include `head` (a reference back: "the agreement", "the suspension"). */
  lastDraft(kind: EntityKind, head?: string): Draft | undefined {
    return [...this.drafts.values()]
      .reverse()
      .find((d) => d.kind === kind && (head === undefined || d.heads.includes(head)));
  }

  /** Record a relationship; confidence is the rule's times the weakest mention's. */
  propose(
    rule: CueRule,
    from: string | Mention,
    to: string | Mention,
    quote: Span,
    props: Candidate['props'] = {},
    weight = 1,
  ): void {
    const row = cue(rule);
    const end = (e: string | Mention) =>
      typeof e === 'string' ? { id: e, c: 1 } : { id: e.id, c: MENTION_CONFIDENCE[e.via] };
    const [a, b] = [end(from), end(to)];
    if (a.id === b.id) return;
    this.candidates.push({
      rule,
      type: row.type,
      from: a.id,
      to: b.id,
      props,
      quote,
      confidence: Math.round(row.confidence * Math.min(a.c, b.c) * weight * 100) / 100,
    });
  }

  /** The span of a sentence, or of a span widened to the sentences it touches. */
  sentenceSpan(s: SentenceView): Span {
    return { start: s.start, end: s.end };
  }

  /** The document's most-mentioned entity of a kind (ties: first mentioned), optionally excluding some ids. */
  mostMentioned(kind: EntityKind, exclude: ReadonlySet<string> = new Set()): string | undefined {
    const counts = new Map<string, number>();
    for (const s of this.sentences)
      for (const m of s.mentions)
        if (m.kind === kind && !exclude.has(m.id)) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    let best: string | undefined;
    for (const [id, n] of counts) if (best === undefined || n > counts.get(best)!) best = id;
    return best;
  }
}

/** Quotations: “...” pairs, and "..." pairs counted within a paragraph. */
function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  let paragraph = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const [open, close] of QUOTE_PAIRS) {
      let at = 0;
      for (;;) {
        const a = line.indexOf(open, at);
        if (a < 0) break;
        const b = line.indexOf(close, a + 1);
        if (b < 0) break;
        out.push({
          start: offset + a,
          end: offset + b + 1,
          inner: { start: offset + a + 1, end: offset + b },
          paragraph,
        });
        at = b + 1;
      }
    }
    offset += line.length + 1;
    paragraph++;
  }
  return out.sort((x, y) => x.start - y.start);
}
