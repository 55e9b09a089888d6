import type { EntityKind } from '../model.js';
import { fold, stem } from '../text-keys.js';
import type { Sentence, Span } from './nlp.js';
import type { SnapshotEntity } from './snapshot.js';

/*
 * Mentions of known entities in a text: names and aliases matched case- and accent-insensitively
 * on word stems (the search folding of text-keys.ts), person surnames, demonyms and capitals for
 * countries, and "he"/"she" for the last person named when that is unambiguous. Titles are not
 * part of a person's mention: "Treasury Secretary Scott Bessent" is the title "Treasury
 * Secretary" (read by the office cue) before the mention "Scott Bessent".
 */

/** How a mention was recognised; its confidence follows. */
export type MentionVia = 'name' | 'alias' | 'surname' | 'demonym' | 'pronoun';

export interface Mention extends Span {
  id: string;
  kind: EntityKind;
  via: MentionVia;
}

/** How sure a match is, by how it was made. */
export const MENTION_CONFIDENCE: Record<MentionVia, number> = {
  name: 1,
  alias: 0.95,
  surname: 0.9,
  demonym: 0.85,
  pronoun: 0.75,
};

/** Words that are titles, not names: a person's alias holding one is left to the office cue. */
export const TITLE_WORDS =
  /\b(President|Prime Minister|Premier|Chancellor|Secretary|Minister|Chairman|Chairwoman|Chair|Governor|Ambassador|Director|Senator|Spokesperson|Spokesman|Spokeswoman|Chief Executive|CEO|King|Queen)\b/;

/**
 * Demonyms and capitals by country name (folded): a country is mentioned by "Chinese" or
 * "Beijing" as by "China". Added to the aliases the graph holds.
 */
export const COUNTRY_FORMS: Record<string, readonly string[]> = {
  'united states': ['American', 'Americans', 'U.S.', 'US', 'USA', 'America', 'Washington'],
  china: ['Chinese', 'Beijing', 'PRC'],
  australia: ['Australian', 'Australians', 'Canberra'],
  japan: ['Japanese', 'Tokyo'],
  canada: ['Canadian', 'Canadians', 'Ottawa'],
  'south korea': ['South Korean', 'Seoul'],
  india: ['Indian', 'New Delhi'],
  russia: ['Russian', 'Moscow', 'Kremlin'],
  germany: ['German', 'Berlin'],
  france: ['French', 'Paris'],
  'united kingdom': ['British', 'UK', 'U.K.', 'Britain', 'London'],
  brazil: ['Brazilian', 'Brasilia'],
  vietnam: ['Vietnamese', 'Hanoi'],
  malaysia: ['Malaysian', 'Kuala Lumpur'],
  indonesia: ['Indonesian', 'Jakarta'],
  burma: ['Burmese', 'Myanmar'],
  estonia: ['Estonian', 'Tallinn'],
  greenland: ['Greenlandic', 'Nuuk'],
  'south africa': ['South African', 'Pretoria'],
};

interface Word extends Span {
  raw: string;
  key: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string, offset = 0): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    start: offset + m.index,
    end: offset + m.index + m[0].length,
    raw: m[0],
    key: stem(fold(m[0])),
  }));
}

/** Kinds whose one-word labels are proper names (capitalised); materials and applications are common nouns. */
const PROPER_KINDS = new Set<EntityKind>([
  'PERSON',
  'COUNTRY',
  'ORGANIZATION',
  'FACILITY',
  'ALLIANCE',
  'EVENT',
]);

const accentless = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');

interface Label {
  id: string;
  kind: EntityKind;
  via: MentionVia;
  words: string[];
  /** Short or all-capital labels ("US", "Xi", "Dy", "DEA") match only as written. */
  exactCase: boolean;
  /** One-word labels match only with the same initial case ("World" is not "world"). */
  initialCase: boolean;
}

/** A lookup of every label of a snapshot's entities, by their words' stems. */
export class Gazetteer {
  private readonly labels = new Map<string, Label[]>();
  /** The most words of a label starting with a given word's stem. */
  private readonly longest = new Map<string, number>();
  readonly kinds = new Map<string, EntityKind>();
  readonly names = new Map<string, string>();

  constructor(entities: readonly SnapshotEntity[]) {
    const surnames = new Map<string, string[]>();
    for (const e of entities) {
      this.kinds.set(e.id, e.kind);
      this.names.set(e.id, e.name);
      this.add(e, e.name, 'name');
      for (const alias of e.aliases ?? []) {
        if (e.kind === 'PERSON' && TITLE_WORDS.test(alias)) continue;
        this.add(e, alias, 'alias');
      }
      if (e.kind === 'COUNTRY')
        for (const form of COUNTRY_FORMS[fold(e.name)] ?? []) this.add(e, form, 'demonym');
      if (e.kind === 'PERSON') {
        const last = e.name.split(/\s+/).at(-1) ?? '';
        if (/^\p{Lu}\p{L}{2,}$/u.test(last)) surnames.set(last, [...(surnames.get(last) ?? []), e.id]);
      }
    }
    for (const [surname, ids] of surnames) {
      const e = entities.find((x) => x.id === ids[0])!;
      if (ids.length === 1) this.add(e, surname, 'surname');
    }
    // A label two entities share names neither ("NdPr"), unless one holds it as its name.
    for (const [key, list] of this.labels) {
      const ids = new Set(list.map((l) => l.id));
      if (ids.size === 1) continue;
      const named = list.filter((l) => l.via === 'name');
      if (new Set(named.map((l) => l.id)).size === 1) this.labels.set(key, named);
      else this.labels.delete(key);
    }
  }

  private add(e: SnapshotEntity, label: string, via: MentionVia): void {
    const words = wordsOf(label);
    if (words.length === 0) return;
    // A one-word alias in lower case is a common noun ("global", "opioids"), not a name.
    if (words.length === 1 && via !== 'name' && label === label.toLowerCase()) return;
    const letters = label.replace(/[^\p{L}]/gu, '');
    const exactCase =
      words.every((w) => w.raw.length <= 3) || (letters.length > 1 && letters === letters.toUpperCase());
    const key = words.map((w) => w.key).join(' ');
    const entry: Label = {
      id: e.id,
      kind: e.kind,
      via,
      words: words.map((w) => accentless(w.raw)),
      exactCase,
      initialCase: words.length === 1 && PROPER_KINDS.has(e.kind),
    };
    const list = this.labels.get(key) ?? [];
    if (!list.some((l) => l.id === e.id && l.via === via)) list.push(entry);
    this.labels.set(key, list);
    const first = words[0]!.key;
    this.longest.set(first, Math.max(this.longest.get(first) ?? 0, words.length));
  }

  /** Every mention of a known entity in `text`, longest first, never overlapping, in text order. */
  match(text: string): Mention[] {
    const words = wordsOf(text);
    const out: Mention[] = [];
    for (let i = 0; i < words.length;) {
      let found: { mention: Mention; length: number } | undefined;
      for (let n = Math.min(this.longest.get(words[i]!.key) ?? 0, words.length - i); n >= 1 && !found; n--) {
        const run = words.slice(i, i + n);
        if (!joined(text, run)) continue;
        const list = this.labels.get(run.map((w) => w.key).join(' '));
        const label = list?.find((l) => caseFits(l, run));
        if (label) {
          const end =
            run.at(-1)!.end + (text[run.at(-1)!.end] === '.' && /^\p{Lu}$/u.test(run.at(-1)!.raw) ? 1 : 0);
          found = {
            mention: { start: run[0]!.start, end, id: label.id, kind: label.kind, via: label.via },
            length: n,
          };
        }
      }
      if (found) {
        out.push(found.mention);
        i += found.length;
      } else i++;
    }
    return out;
  }
}

/** Words of one label are joined only by a space, hyphen, full stop, apostrophe or ampersand. */
function joined(text: string, run: Word[]): boolean {
  for (let k = 1; k < run.length; k++) {
    const gap = text.slice(run[k - 1]!.end, run[k]!.start);
    if (!/^[\s.\-'’&]{1,3}$/.test(gap) || gap.includes('\n')) return false;
  }
  return true;
}

function caseFits(label: Label, run: Word[]): boolean {
  if (label.exactCase) return run.every((w, k) => accentless(w.raw) === label.words[k]);
  if (label.initialCase) {
    const a = label.words[0]![0]!;
    const b = accentless(run[0]!.raw)[0]!;
    return (a === a.toUpperCase()) === (b === b.toUpperCase());
  }
  return true;
}

/**
 * Mentions in every sentence, with "he"/"she"/"his"/"her" resolved to the last person named
 * when the last sentence (or part of this one) naming persons named exactly one.
 */
export function mentionsOf(text: string, sentences: readonly Sentence[], gazetteer: Gazetteer): Mention[][] {
  let lastPersons: string[] = [];
  return sentences.map((s) => {
    const found = gazetteer
      .match(text.slice(s.start, s.end))
      .map((m) => ({ ...m, start: m.start + s.start, end: m.end + s.start }));
    const pronouns = [...text.slice(s.start, s.end).matchAll(/\b(he|she|He|She)\b/g)].map((m) => ({
      at: s.start + m.index,
      length: m[0].length,
    }));
    const all: Mention[] = [...found];
    for (const { at, length } of pronouns) {
      const before = found.filter((m) => m.kind === 'PERSON' && m.end <= at).map((m) => m.id);
      const persons = before.length > 0 ? [...new Set(before)] : lastPersons;
      if (persons.length === 1)
        all.push({ start: at, end: at + length, id: persons[0]!, kind: 'PERSON', via: 'pronoun' });
    }
    const named = [...new Set(found.filter((m) => m.kind === 'PERSON').map((m) => m.id))];
    if (named.length > 0) lastPersons = named;
    return all.sort((a, b) => a.start - b.start);
  });
}
