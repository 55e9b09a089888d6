import type { EntityKind } from '../model.js';
import { fold } from '../text-keys.js';
import { COUNTRY_FORMS, Gazetteer, TITLE_WORDS, type Mention } from './mentions.js';
import type { Span } from './nlp.js';
import type { SnapshotEntity } from './snapshot.js';

/*
 * Names of entities the graph lacks: countries (the demonym table's) and materials (elements and
 * critical minerals) by a built-in list, and capitalised runs of words typed by their head word
 * ("General Administration of Customs": an organisation), the title before them ("Prime Minister
 * Anthony Albanese": a person) or the word after them ("Nolans project": a facility). Each is a
 * candidate: it becomes an ENTITY proposal only when a relationship needs it.
 */

/** A name found in a sentence, not yet an entity. */
export interface NewName extends Span {
  kind: EntityKind;
  name: string;
}

const MATERIALS = [
  'Lithium',
  'Cobalt',
  'Nickel',
  'Graphite',
  'Gallium',
  'Germanium',
  'Antimony',
  'Tungsten',
  'Copper',
  'Uranium',
  'Manganese',
  'Scandium',
  'Yttrium',
  'Lanthanum',
  'Cerium',
  'Praseodymium',
  'Neodymium',
  'Promethium',
  'Samarium',
  'Europium',
  'Gadolinium',
  'Terbium',
  'Dysprosium',
  'Holmium',
  'Erbium',
  'Thulium',
  'Ytterbium',
  'Lutetium',
];

const ORG_HEADS =
  /^(Ministry|Department|Administration|Agency|Commission|Bank|Corporation|Corp\.?|Inc\.?|Ltd\.?|Limited|Group|Company|Council|Institute|University|Materials|Resources|Technologies|Metals|Mining|Minerals|Customs|Office|Bureau|Authority|Association|Reuters|Holdings|Industries)$/;
const ALLIANCE_HEADS = /^(Alliance|Partnership|Coalition|Forum|Club)$/;
const FACILITY_AFTER = /^\s+(mine|plant|refinery|facility|project|mill|smelter|deposit)\b/;
const RUN =
  /\b\p{Lu}[\p{L}\d&'’-]*\.?(?:\s+(?:of|for|and|the|on|de)\s+\p{Lu}[\p{L}\d&'’-]*\.?|\s+\p{Lu}[\p{L}\d&'’-]*\.?)*/gu;

const capitalise = (s: string) => s.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());

/** Finds names the snapshot lacks, in one sentence at a time. */
export class NewNames {
  private readonly builtIn: Gazetteer;

  constructor(known: Gazetteer, entities: readonly SnapshotEntity[]) {
    const held = new Set(entities.map((e) => fold(e.name)));
    const candidates: SnapshotEntity[] = [
      ...Object.entries(COUNTRY_FORMS).map(([name, forms]) => ({
        id: `country:${capitalise(name)}`,
        kind: 'COUNTRY' as const,
        name: capitalise(name),
        aliases: forms,
      })),
      ...MATERIALS.map((name) => ({ id: `material:${name}`, kind: 'MATERIAL' as const, name })),
    ].filter((e) => !held.has(fold(e.name)) && known.match(e.name).length === 0);
    this.builtIn = new Gazetteer(candidates);
  }

  /** New names in `text` (a sentence starting at `offset`) outside the spans already mentioned. */
  find(text: string, offset: number, taken: readonly Mention[]): NewName[] {
    const free = (start: number, end: number) => !taken.some((m) => start < m.end && end > m.start);
    const out: NewName[] = [];
    for (const m of this.builtIn.match(text)) {
      const [start, end] = [offset + m.start, offset + m.end];
      if (free(start, end)) out.push({ start, end, kind: m.kind, name: m.id.slice(m.id.indexOf(':') + 1) });
    }
    // A person: two or three capitalised words after a title ("Prime Minister Anthony Albanese").
    const titled = new RegExp(
      String.raw`${TITLE_WORDS.source}\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\b`,
      'gu',
    );
    for (const r of text.matchAll(titled)) {
      const words = r[r.length - 1]!;
      const start = offset + r.index + r[0].length - words.length;
      const end = start + words.length;
      if (free(start, end) && !TITLE_WORDS.test(words)) out.push({ start, end, kind: 'PERSON', name: words });
    }
    for (const r of text.matchAll(RUN)) {
      let words = r[0];
      let start = offset + r.index;
      const lead = /^The\s+/.exec(words);
      if (lead) [words, start] = [words.slice(lead[0].length), start + lead[0].length];
      const end = start + words.length;
      if (!free(start, end) || out.some((n) => start < n.end && end > n.start)) continue;
      const parts = words.split(/\s+/);
      const last = parts.at(-1)!.replace(/\.$/, '');
      const after = text.slice(r.index + r[0].length);
      const facility = FACILITY_AFTER.exec(after);
      if (parts.some((w) => ORG_HEADS.test(w.replace(/\.$/, ''))) && parts.length > 1)
        out.push({ start, end, kind: 'ORGANIZATION', name: words });
      else if (ALLIANCE_HEADS.test(last) && parts.length > 1)
        out.push({ start, end, kind: 'ALLIANCE', name: words });
      else if (facility)
        out.push({ start, end: end + facility[0].length, kind: 'FACILITY', name: `${words} ${facility[1]}` });
    }
    return out.sort((a, b) => a.start - b.start);
  }
}
