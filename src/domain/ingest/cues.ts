import type { EntityKind, RelationType } from '../model.js';

/*
 * THE cue table: every relationship extraction proposes comes from one row, named in the
 * proposal's `rule`. Each row names a pattern that occurs across news writing, not one sentence,
 * and says which kind of sentence of the founding article it generalises. README
 * (src/domain/ingest/README.md) shows this table; a test keeps the two equal.
 */

export interface CueRow {
  rule: string;
  /** What the sentence says, as a pattern: `<Actor>`, `<Country>` ... are mentions of those kinds. */
  pattern: string;
  type: RelationType;
  from: readonly EntityKind[];
  to: readonly EntityKind[];
  /** The article's kind of sentence this row generalises (and what else it reads). */
  generalises: string;
  /** Base confidence of the rule, before the mention matches' own. */
  confidence: number;
}

const ACTORS: EntityKind[] = ['PERSON', 'COUNTRY', 'ORGANIZATION'];

export const CUES = [
  {
    rule: 'office-title',
    pattern:
      '`[<Country>|<Org>] <Title> <Person>` (Title: President, Prime Minister, Secretary, Minister, ...)',
    type: 'HOLDS_OFFICE',
    from: ['PERSON'],
    to: ['ORGANIZATION', 'COUNTRY'],
    generalises:
      'a person introduced by title: "Treasury Secretary Scott Bessent", "Chinese President Xi Jinping"; an unqualified head-of-state title belongs to the home country (the most-mentioned country no title qualifies)',
    confidence: 0.85,
  },
  {
    rule: 'head-of-state',
    pattern: '`[<Country>] President|Prime Minister|Premier|Chancellor <Person>`',
    type: 'LEADS',
    from: ['PERSON'],
    to: ['COUNTRY'],
    generalises: 'leaders named with their title: "President Donald Trump", "Chinese President Xi Jinping"',
    confidence: 0.8,
  },
  {
    rule: 'role-at-org',
    pattern: '`<Person>, <role> at|of <Org>` or a role mention `a <role> at <Org>`',
    type: 'HOLDS_OFFICE',
    from: ['PERSON'],
    to: ['ORGANIZATION'],
    generalises:
      'attributions to an affiliated person: "said a senior fellow at the Center for Strategic and International Studies"',
    confidence: 0.75,
  },
  {
    rule: 'leader-administration',
    pattern: '`the <Surname> administration|government`',
    type: 'LEADS',
    from: ['PERSON'],
    to: ['ORGANIZATION'],
    generalises: 'a government named after its leader: "the Trump administration"',
    confidence: 0.8,
  },
  {
    rule: 'administration-of-country',
    pattern: '`the <Surname> administration` whose leader heads `<Country>` in this document',
    type: 'PART_OF',
    from: ['ORGANIZATION'],
    to: ['COUNTRY'],
    generalises:
      'an administration belongs to the country its leader heads ("the Trump administration", President Trump of the United States)',
    confidence: 0.6,
  },
  {
    rule: 'country-qualified-body',
    pattern:
      "`<Country> <government body>` in the mention or the body's name (Department, Administration, Ministry, Agency, Office, Bank, Commission, Customs...)",
    type: 'PART_OF',
    from: ['ORGANIZATION'],
    to: ['COUNTRY'],
    generalises:
      'national bodies: "the U.S. Drug Enforcement Administration", the Treasury (U.S. Department of the Treasury)',
    confidence: 0.7,
  },
  {
    rule: 'meeting-participants',
    pattern:
      '`talks|meeting|summit|call between <Actor> and <Actor> [in <Country>]`, `<Actor> met [with] <Actor>`',
    type: 'PARTICIPATED_IN',
    from: ACTORS,
    to: ['EVENT'],
    generalises:
      'summits: "talks between President Donald Trump and Chinese President Xi Jinping in South Korea"; later "the South Korea meeting" refers back to it',
    confidence: 0.85,
  },
  {
    rule: 'meeting-venue',
    pattern: 'the meeting cue above with `in <Country|capital>`',
    type: 'HELD_IN',
    from: ['EVENT'],
    to: ['COUNTRY'],
    generalises: 'where a summit took place: "... in South Korea"',
    confidence: 0.85,
  },
  {
    rule: 'agreement-parties',
    pattern:
      '`understanding|agreement|deal|truce|framework|accord|pact between <A> and <B>`, `<A>-<B> truce|deal`, `<A> and <B> signed a ... framework`',
    type: 'PARTY_TO',
    from: ['COUNTRY', 'ORGANIZATION'],
    to: ['AGREEMENT'],
    generalises:
      'bilateral deals: "the newly announced understanding between Washington and Beijing"; "the agreement", "the latest agreement", "the U.S.-China truce" refer back to it',
    confidence: 0.85,
  },
  {
    rule: 'agreement-after-event',
    pattern: 'an agreement in a sentence with `following|after the <event>`',
    type: 'RESULTED_IN',
    from: ['EVENT'],
    to: ['AGREEMENT'],
    generalises:
      'outcomes of summits: "As part of the newly announced understanding ... following the South Korea meeting"',
    confidence: 0.7,
  },
  {
    rule: 'commitment-maker',
    pattern:
      '`<Actor> [has] pledged|promised|agreed|committed|vowed to <X> [and to <Y>]`; `<Actor> will <X>` inside an agreement frame (`As part of|Under <agreement>`)',
    type: 'COMMITTED_TO',
    from: ['COUNTRY', 'ORGANIZATION', 'PERSON'],
    to: ['COMMITMENT'],
    generalises:
      'terms of a deal: "China has pledged to maintain ... and to expand ...", "the United States will reduce tariffs ...", "Beijing has committed to tighter monitoring ... and enhanced coordination ..."',
    confidence: 0.8,
  },
  {
    rule: 'commitment-term',
    pattern:
      'the commitment cue in an agreement frame: `As part of|Under <agreement>`, `In return` (the last agreement), or naming the agreement',
    type: 'PART_OF',
    from: ['COMMITMENT'],
    to: ['AGREEMENT'],
    generalises: 'commitments belong to the deal they are made under',
    confidence: 0.75,
  },
  {
    rule: 'commitment-subject',
    pattern:
      "materials, foreign countries (by name or demonym) and the first measure named in the commitment's words",
    type: 'CONCERNS',
    from: ['COMMITMENT'],
    to: ['MATERIAL', 'COUNTRY', 'MEASURE'],
    generalises:
      'what a term is about: "reduce tariffs on Chinese exports" (China), "maintain the one-year suspension on rare earth export restrictions"',
    confidence: 0.7,
  },
  {
    rule: 'agreement-subject',
    pattern: "the materials the agreement's commitments concern",
    type: 'CONCERNS',
    from: ['AGREEMENT'],
    to: ['MATERIAL'],
    generalises: 'a deal is about what its terms are about (rare earths, fentanyl)',
    confidence: 0.6,
  },
  {
    rule: 'suspension-of',
    pattern:
      '`<Actor> announced|imposed|issued a [one-year|temporary] suspension of <measure>`; `<measure> ... suspends <measure> until <date>`',
    type: 'SUSPENDS',
    from: ['MEASURE'],
    to: ['MEASURE'],
    generalises:
      'suspensions of earlier measures: "Beijing announced a one-year suspension of export restrictions imposed in October"',
    confidence: 0.8,
  },
  {
    rule: 'measure-issuer',
    pattern:
      '`<Actor> announced|imposed|issued|introduced|unveiled <measure>` (restrictions, controls, ban, suspension, tariffs, stockpile, Announcement No. N); `<measure> imposed by <Actor>`',
    type: 'ISSUED',
    from: ['COUNTRY', 'ORGANIZATION', 'PERSON'],
    to: ['MEASURE'],
    generalises:
      'who issued a measure: "Beijing announced a one-year suspension of export restrictions imposed in October"',
    confidence: 0.8,
  },
  {
    rule: 'measure-target',
    pattern: '`<Material> export restrictions|controls|ban` naming a measure of this document',
    type: 'APPLIES_TO',
    from: ['MEASURE'],
    to: ['MATERIAL', 'COUNTRY'],
    generalises: 'what a control covers: "the one-year suspension on rare earth export restrictions"',
    confidence: 0.7,
  },
  {
    rule: 'tariff-threat-issuer',
    pattern:
      '`<Actor> warned|threatened that tariffs could|would be raised|imposed|reimposed [again] if <Country> ...`',
    type: 'ISSUED',
    from: ['COUNTRY', 'ORGANIZATION', 'PERSON'],
    to: ['MEASURE'],
    generalises:
      'tariff threats: "The United States signaled ..., warning that tariffs could be raised again if Beijing fails to honor its commitments"',
    confidence: 0.75,
  },
  {
    rule: 'tariff-threat-target',
    pattern: 'the country the threat above is conditioned on or aimed at (`if <Country>`, `on <Country>`)',
    type: 'APPLIES_TO',
    from: ['MEASURE'],
    to: ['COUNTRY'],
    generalises: 'the target of a tariff threat ("if Beijing fails ...")',
    confidence: 0.7,
  },
  {
    rule: 'investment-issuer',
    pattern: '`<Actor> [has] accelerated|increased|announced|expanded investment in <...>`',
    type: 'ISSUED',
    from: ['COUNTRY', 'ORGANIZATION', 'PERSON'],
    to: ['MEASURE'],
    generalises:
      'investment programmes: "the Trump administration has accelerated investment in domestic mining, refining, and recycling of rare earth elements"',
    confidence: 0.75,
  },
  {
    rule: 'investment-target',
    pattern: 'the materials named in the invested-in phrase above',
    type: 'APPLIES_TO',
    from: ['MEASURE'],
    to: ['MATERIAL'],
    generalises: 'what an investment programme is for ("... of rare earth elements")',
    confidence: 0.7,
  },
  {
    rule: 'allies-members',
    pattern:
      '`<Actor> ... coordinate|cooperate|work|partner with [its] allies including|such as <Country>, <Country> and <Country>`',
    type: 'MEMBER_OF',
    from: ['COUNTRY', 'ORGANIZATION'],
    to: ['ALLIANCE'],
    generalises:
      'coalitions: "Washington has also sought to coordinate with allies including Australia, Japan, and Canada"',
    confidence: 0.75,
  },
  {
    rule: 'allies-purpose',
    pattern:
      "the coalition above `to build [alternative] supply chains [for <Material>]` (without a material named: the document's most-mentioned material)",
    type: 'CONCERNS',
    from: ['ALLIANCE'],
    to: ['MATERIAL'],
    generalises:
      'what a coalition is for ("to build alternative supply chains" in an article about rare earths)',
    confidence: 0.5,
  },
  {
    rule: 'reliance-on',
    pattern:
      '`<Actor> ... reduce|cut|end reliance|dependence on <Country|demonym> ...`, `<Actor> relies|depends on <Country>`',
    type: 'DEPENDS_ON',
    from: ['COUNTRY', 'ORGANIZATION'],
    to: ['COUNTRY', 'MATERIAL'],
    generalises: 'dependencies: "reduce reliance on Chinese processing facilities"',
    confidence: 0.7,
  },
  {
    rule: 'share-of-world',
    pattern:
      "`<Actor> controls|produces|processes|refines|mines|accounts for [qualifier] N percent of global|the world's [<stage>] [<Material>] [capacity|output]` (material: in the sentence, else the last named)",
    type: 'PRODUCES',
    from: ['COUNTRY', 'ORGANIZATION', 'FACILITY'],
    to: ['MATERIAL'],
    generalises:
      'market shares: "China controls nearly 90 percent of global processing capacity" (share 90, qualifier nearly, stage PROCESSING)',
    confidence: 0.8,
  },
  {
    rule: 'essential-for',
    pattern:
      '`<Material> (—|are|is) essential|vital|critical|used for|in [producing|making] [everything from] <list>`',
    type: 'USED_IN',
    from: ['MATERIAL'],
    to: ['APPLICATION'],
    generalises:
      'uses of a material: "Rare earth elements—17 minerals essential for high-tech manufacturing, electric vehicles, and advanced defense systems"; "vital for producing everything from fighter jets ... to smartphones"',
    confidence: 0.75,
  },
  {
    rule: 'source-of',
    pattern: '`<Country> is|remains the [largest|main|biggest] source of <Material> [and its <Material>]`',
    type: 'SOURCE_OF',
    from: ['COUNTRY'],
    to: ['MATERIAL'],
    generalises:
      'origins of a substance: "China remains the largest source of fentanyl and its precursor chemicals"',
    confidence: 0.8,
  },
  {
    rule: 'according-to',
    pattern: '`According to <Org|Person>, <clause>`; `<clause>, according to <Org|Person>`',
    type: 'SAID',
    from: ['PERSON', 'ORGANIZATION'],
    to: ['STATEMENT'],
    generalises:
      'reported speech of agencies: "According to the U.S. Drug Enforcement Administration (DEA), China remains the largest source of fentanyl"',
    confidence: 0.8,
  },
  {
    rule: 'quote-speaker',
    pattern:
      '`“<quote>,” he|she|<Person> said|told|added|warned` or `said <Person>` after it, or `<Person> said: “<quote>”`; a quote right after in the same paragraph keeps the speaker',
    type: 'SAID',
    from: ['PERSON', 'ORGANIZATION'],
    to: ['STATEMENT'],
    generalises:
      'direct quotations: "“We want a stable relationship with China,” he said."; "..., said a senior fellow at ..."',
    confidence: 0.85,
  },
  {
    rule: 'reported-quote',
    pattern:
      '`<Person> said [that] <clause with a “quoted phrase”>`; `<Person> described|called <X> [as] “<words>”`',
    type: 'SAID',
    from: ['PERSON', 'ORGANIZATION'],
    to: ['STATEMENT'],
    generalises:
      'partial quotations: "Bessent said the Trump administration is ready to use “maximum leverage” ..."; "Bessent described the agreement as a “step forward”"',
    confidence: 0.75,
  },
  {
    rule: 'statement-subject',
    pattern:
      "countries (names, demonyms), materials, agreements and measures named in a statement's words, or the thing it describes",
    type: 'CONCERNS',
    from: ['STATEMENT'],
    to: ['COUNTRY', 'MATERIAL', 'AGREEMENT', 'MEASURE'],
    generalises:
      'what a quotation is about: "The Chinese have cornered the market on rare earths" (China, rare earths)',
    confidence: 0.65,
  },
  {
    rule: 'interview-participants',
    pattern:
      '`Appearing on <Media>, <Person>`; `<Person> said in an interview with <Media>`; `<Person> told <Media>`',
    type: 'PARTICIPATED_IN',
    from: ['PERSON', 'ORGANIZATION'],
    to: ['EVENT'],
    generalises:
      'broadcast interviews: "Appearing on Fox News, Bessent cautioned"; "Bessent said in a separate interview with CNN"',
    confidence: 0.8,
  },
  {
    rule: 'statement-venue',
    pattern:
      'a statement its speaker makes in the paragraph of an interview cue above: the interview, and the broadcaster',
    type: 'MADE_AT',
    from: ['STATEMENT'],
    to: ['EVENT', 'ORGANIZATION'],
    generalises: 'where a quote was said: the quotes after "Appearing on Fox News, Bessent cautioned"',
    confidence: 0.65,
  },
  {
    rule: 'trade-war-sides',
    pattern:
      '`trade war [between <A> and <B>] ... in <year>`; without `between`, `both sides`/`the two sides` are the last pair named (`<A>-<B>`, `between <A> and <B>`)',
    type: 'PARTICIPATED_IN',
    from: ['COUNTRY'],
    to: ['EVENT'],
    generalises:
      'dated conflicts: "Both sides appear eager to prevent a return to the full-scale trade war that rattled global markets in 2019"',
    confidence: 0.65,
  },
  {
    rule: 'operator',
    pattern: "`<Org>'s <Facility>`; `<Org> operates|runs|will build|is building <Facility>`",
    type: 'OPERATES',
    from: ['ORGANIZATION'],
    to: ['FACILITY'],
    generalises: 'companies and their sites (none in the founding article; news on mines and plants)',
    confidence: 0.7,
  },
  {
    rule: 'money-from',
    pattern:
      '`<Actor> secured|received|won ... $N [loan|equity|investment] from <Org>`; `<Org> invested|will invest $N in <Org|Facility>`',
    type: 'INVESTED_IN',
    from: ['ORGANIZATION', 'COUNTRY'],
    to: ['ORGANIZATION', 'FACILITY'],
    generalises: 'financing with amounts (none in the founding article; news on funding rounds and loans)',
    confidence: 0.65,
  },
] as const satisfies readonly CueRow[];

export type CueRule = (typeof CUES)[number]['rule'];

/** A row by its rule name. */
export function cue(rule: CueRule): CueRow {
  return CUES.find((c) => c.rule === rule)!;
}

/** The cue table as markdown (README shows exactly this). */
export function cueTableMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = CUES.map(
    (c) =>
      `| \`${c.rule}\` | ${esc(c.pattern)} | ${c.type} | ${c.from.join(', ')} → ${c.to.join(', ')} | ${esc(c.generalises)} |`,
  );
  return ['| rule | pattern | type | ends | generalises |', '|---|---|---|---|---|', ...rows].join('\n');
}
