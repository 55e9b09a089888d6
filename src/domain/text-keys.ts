/*
 * The one text folding of the API, used for the stored sort and search keys (both stores) and
 * for a query's text, so that a stored key and a query folded at different times always agree.
 */

/** Case and accent folding: NFD, combining marks stripped, lower-cased ("Société" -> "societe"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a text, folded: runs of letters and digits ("US-allied" -> ["us", "allied"]). */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

const VOWEL = /[aeiouy]/;

/**
 * A small English stemmer for word forms, applied to query words and name/alias words alike.
 * Words of 3 letters or fewer are kept. Otherwise, in order: -ies/-ied -> -y ("allies",
 * "allied" -> "ally"); -sses -> -ss; -ing or -ed dropped when a vowel remains ("processing" ->
 * "process"), then a doubled final consonant other than l, s, z is undoubled ("stopped" -> "stop");
 * a final -s dropped unless the word ends in -ss, -us or -is ("magnets" -> "magnet"); finally a
 * final -e is dropped ("licenses", "licensed", "license" -> "licens"). Not a full Porter stemmer:
 * it only has to map the common forms of one word onto one key.
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let w = word;
  if (/(ies|ied)$/.test(w)) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/ing$|ed$/.test(w)) {
    const base = w.endsWith('ing') ? w.slice(0, -3) : w.slice(0, -2);
    if (base.length >= 2 && VOWEL.test(base)) w = /([^aeiouylsz])\1$/.test(base) ? base.slice(0, -1) : base;
  } else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The stored sort key of a name: its fold, so "Canada" < "CNN" < "cobalt" whatever the case or accents. */
export function sortKeyOf(name: string): string {
  return fold(name);
}

/** The labels search reads, as in {@link searchKeysOf}. */
export interface Labelled {
  name: string;
  aliases?: readonly string[] | undefined;
}

/**
 * The stored search keys of an entity, one list (Neo4j property `searchKeys`): `n:` + the folded
 * name, `a:` + each folded alias, `w:` + each distinct word of them, `s:` + each distinct stem.
 */
export function searchKeysOf(entity: Labelled): string[] {
  const labels = [entity.name, ...(entity.aliases ?? [])];
  const allWords = [...new Set(labels.flatMap(words))];
  return [
    `n:${fold(entity.name)}`,
    ...(entity.aliases ?? []).map((a) => `a:${fold(a)}`),
    ...allWords.map((w) => `w:${w}`),
    ...[...new Set(allWords.map(stem))].map((s) => `s:${s}`),
  ];
}

/** A search text folded once: the whole text, its words and their stems (Cypher parameters too). */
export interface SearchText {
  folded: string;
  words: string[];
  stems: string[];
}

/** Folds a search text (trimmed) for {@link searchRank}. */
export function searchText(text: string): SearchText {
  const w = [...new Set(words(text))];
  return { folded: fold(text.trim()), words: w, stems: [...new Set(w.map(stem))] };
}

/** How well an entity matches: lower is better; {@link NO_MATCH} when it does not. */
export type SearchRank = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The rank of an entity that does not match. */
export const NO_MATCH: SearchRank = 6;

/**
 * The documented search ranking, on stored keys (entities.queries.ts mirrors it in Cypher):
 * 0 the folded name equals the text; 1 an alias equals it; 2 the name or an alias starts with
 * it; 3 every word of the text is a word of the name or an alias; 4 every word's stem is the
 * stem of such a word ("allies" finds "allied"); 5 the name or an alias contains it anywhere;
 * otherwise {@link NO_MATCH}. An empty text matches nothing.
 */
export function searchRank(keys: readonly string[], query: SearchText): SearchRank {
  if (query.folded === '') return NO_MATCH;
  const labels = keys.filter((k) => k.startsWith('n:') || k.startsWith('a:')).map((k) => k.slice(2));
  const has = new Set(keys);
  if (has.has(`n:${query.folded}`)) return 0;
  if (has.has(`a:${query.folded}`)) return 1;
  if (labels.some((l) => l.startsWith(query.folded))) return 2;
  if (query.words.length > 0 && query.words.every((w) => has.has(`w:${w}`))) return 3;
  if (query.stems.length > 0 && query.stems.every((s) => has.has(`s:${s}`))) return 4;
  if (labels.some((l) => l.includes(query.folded))) return 5;
  return NO_MATCH;
}

/** An entity's place in name order: its stored sort key, then id (what entity cursors encode). */
export function entityKey(entity: { id: string; name: string }): { sortKey: string; id: string } {
  return { sortKey: sortKeyOf(entity.name), id: entity.id };
}
