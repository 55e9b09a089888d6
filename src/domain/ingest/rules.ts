import type { EntityKind, MeasureType, SupplyStage } from '../model.js';
import type { CueRule } from './cues.js';
import type { Draft, ReadingContext, SentenceView } from './context.js';
import type { Mention } from './mentions.js';
import type { Span } from './nlp.js';

/*
 * The cue rules of cues.ts, as code. Each reads one sentence (in document order, so references
 * back find what earlier sentences proposed) or, for the few marked "document", the whole
 * reading. They never see the graph's relationships: corroboration is decided afterwards.
 */

const ACTORS: EntityKind[] = ['PERSON', 'COUNTRY', 'ORGANIZATION'];
const STATES: EntityKind[] = ['COUNTRY', 'ORGANIZATION'];
const HEAD_TITLES = /^(President|Prime Minister|Premier|Chancellor)$/;
const TITLE = String.raw`(President|Prime Minister|Premier|Chancellor|Vice President|Secretary|Minister|Chairman|Chairwoman|Chair|Governor|Ambassador|Director|Senator|Spokesperson|Spokesman|Spokeswoman|Chief Executive|CEO)`;
const GOVERNMENT_BODY =
  /\b(Department|Administration|Ministry|Agency|Office|Bank|Commission|Customs|Bureau|Council|Treasury|Service|Authority)\b/;

interface Hit {
  m: RegExpExecArray;
  start: number;
  end: number;
}

/** Every match of `re` in the sentence, with offsets into the document. */
const globals = new Map<string, RegExp>();

function hits(s: SentenceView, re: RegExp): Hit[] {
  const k = `${re.flags}/${re.source}`;
  const g =
    globals.get(k) ??
    globals.set(k, new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)).get(k)!;
  g.lastIndex = 0;
  const out: Hit[] = [];
  for (let m = g.exec(s.text); m; m = g.exec(s.text)) {
    out.push({ m, start: s.start + m.index, end: s.start + m.index + m[0].length });
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

const span = (start: number, end: number): Span => ({ start, end });
const gap = (ctx: ReadingContext, a: number, b: number) => ctx.text.slice(a, b);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A mention starting right at `offset` (after optional "the"), of the given kinds. */
function mentionAt(
  ctx: ReadingContext,
  s: SentenceView,
  offset: number,
  kinds: readonly EntityKind[],
): Mention | undefined {
  const lead = /^(?:the\s+)?/i.exec(gap(ctx, offset, s.end))![0].length;
  return s.mentions.find((m) => m.start === offset + lead && kinds.includes(m.kind));
}

/** An actor at `offset`, reading past a title: "President Donald Trump", "Chinese President Xi Jinping" are the persons. */
function actorAt(ctx: ReadingContext, s: SentenceView, offset: number): Mention | undefined {
  const titled = new RegExp(String.raw`^(?:the\s+)?((?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}?)${TITLE}\s+`, 'u').exec(
    gap(ctx, offset, s.end),
  );
  const person =
    titled && s.mentions.find((m) => m.start === offset + titled[0].length && m.kind === 'PERSON');
  return person ?? mentionAt(ctx, s, offset, ACTORS);
}

/** A list of mentions "A, B, and C" / "A and B" from `offset`. */
function mentionList(
  ctx: ReadingContext,
  s: SentenceView,
  offset: number,
  kinds: readonly EntityKind[],
): Mention[] {
  const out: Mention[] = [];
  let at = offset;
  for (;;) {
    const m = mentionAt(ctx, s, at, kinds);
    if (!m) break;
    out.push(m);
    const sep = /^(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)/.exec(gap(ctx, m.end, s.end));
    if (!sep) break;
    at = m.end + sep[0].length;
  }
  return out;
}

/** The first actor of the clause holding `offset` (clauses split at ", as|while|but|because" and ";"). */
function clauseSubject(
  ctx: ReadingContext,
  s: SentenceView,
  offset: number,
  kinds: readonly EntityKind[] = ACTORS,
): Mention | undefined {
  const head = gap(ctx, s.start, offset);
  let from = 0;
  for (const m of head.matchAll(/,\s+(?:as|while|but|because|since)\s+|;\s+/g)) from = m.index + m[0].length;
  return ctx.mentionsIn(s, s.start + from, offset, kinds)[0];
}

/** A reference back to the document's last agreement ("the agreement", "the latest deal") in [from, to). */
function agreementRef(ctx: ReadingContext, s: SentenceView, from = s.start, to = s.end): Draft | undefined {
  const text = gap(ctx, from, to);
  if (
    !/\b(?:the|this|that)\s+(?:latest\s+|new\s+|newly announced\s+|recent\s+)?(agreement|deal|truce|understanding|accord|pact)\b/i.test(
      text,
    )
  )
    return undefined;
  return ctx.lastDraft('AGREEMENT');
}

const MEASURE_HEAD = String.raw`(restrictions|controls|ban|tariffs|sanctions|curbs|quotas|stockpile|suspension)`;
const measureHead = (word: string) =>
  /^(restrictions|controls|curbs|ban)$/i.test(word) ? 'controls' : word.toLowerCase();

/** A measure of this document referred back to by its head noun ("the one-year suspension", "export restrictions"). */
function measureRef(
  ctx: ReadingContext,
  s: SentenceView,
  from = s.start,
  to = s.end,
): { draft: Draft; at: number } | undefined {
  for (const h of hits(s, new RegExp(String.raw`\b${MEASURE_HEAD}\b`, 'i'))) {
    if (h.start < from || h.end > to) continue;
    const d = ctx.lastDraft('MEASURE', measureHead(h.m[1]!));
    if (d) return { draft: d, at: h.start };
  }
  return undefined;
}

/** The materials in [from, to), with "X and its Y" read as the material "X Y" when the graph knows it ("fentanyl and its precursor chemicals"). */
function materialsIn(
  ctx: ReadingContext,
  s: SentenceView,
  from: number,
  to: number,
): { id: string; mention?: Mention }[] {
  const found: { id: string; mention?: Mention }[] = ctx
    .mentionsIn(s, from, to, ['MATERIAL'])
    .map((m) => ({ id: m.id, mention: m }));
  for (const m of gap(ctx, from, to).matchAll(
    /([\p{L}-]+)\s+and\s+(?:its|their)\s+([\p{L}\s-]+?)(?=[,.;]|$)/gu,
  )) {
    const composed = ctx.gazetteer
      .match(`${m[1]} ${m[2]}`)
      .find((x) => x.kind === 'MATERIAL' && x.start === 0);
    if (composed && !found.some((f) => f.id === composed.id)) found.push({ id: composed.id });
  }
  return found;
}

// ---- offices and leaders -------------------------------------------------------------------

/** Countries that qualify a head title somewhere ("Chinese President"): not the home country. */
export function homeCountry(ctx: ReadingContext): string | undefined {
  const qualified = new Set<string>();
  for (const s of ctx.sentences)
    for (const p of s.mentions.filter((m) => m.kind === 'PERSON' && m.via !== 'pronoun')) {
      const t = new RegExp(String.raw`(\S+)\s+(?:President|Prime Minister|Premier|Chancellor)\s+$`).exec(
        gap(ctx, s.start, p.start),
      );
      if (!t) continue;
      const q = s.mentions.find((m) => m.kind === 'COUNTRY' && m.start === s.start + t.index);
      if (q) qualified.add(q.id);
    }
  return ctx.mostMentioned('COUNTRY', qualified);
}

const leaders = new WeakMap<ReadingContext, Map<string, string>>();
const leaderOf = (ctx: ReadingContext) => leaders.get(ctx) ?? leaders.set(ctx, new Map()).get(ctx)!;

function offices(ctx: ReadingContext, s: SentenceView): void {
  for (const p of s.mentions.filter((m) => m.kind === 'PERSON' && m.via !== 'pronoun')) {
    const t = new RegExp(String.raw`((?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}?)${TITLE}\s+$`, 'u').exec(
      gap(ctx, s.start, p.start),
    );
    if (!t) {
      roleAt(ctx, s, p);
      continue;
    }
    const title = t[2]!;
    const qStart = s.start + t.index;
    const titleStart = qStart + t[1]!.length;
    const quote = span(qStart, p.end);
    const qualifiers = ctx.mentionsIn(s, qStart, titleStart, STATES);
    const head = HEAD_TITLES.test(title);
    const country = qualifiers.find((q) => q.kind === 'COUNTRY');
    const org = qualifiers.find((q) => q.kind === 'ORGANIZATION');
    if (org) {
      ctx.propose('office-title', p, org, quote, { title: `${gap(ctx, org.start, org.end)} ${title}` });
    } else if (country) {
      ctx.propose('office-title', p, country, quote, { title });
      if (head) {
        ctx.propose('head-of-state', p, country, quote, {
          title: `${gap(ctx, country.start, country.end)} ${title}`,
        });
        leaderOf(ctx).set(p.id, country.id);
      }
    } else if (head && ctx.home && qualifiers.length === 0) {
      ctx.propose('office-title', p, ctx.home, quote, { title }, 0.8);
      ctx.propose('head-of-state', p, ctx.home, quote, { title }, 0.8);
      leaderOf(ctx).set(p.id, ctx.home);
    }
  }
}

function roleAt(ctx: ReadingContext, s: SentenceView, p: Mention): void {
  const after = /^(?:,\s*(?:the\s+|a\s+|an\s+)?([\p{Ll}][\p{L} -]{2,40}?))?\s+(?:at|of)\s+/u.exec(
    gap(ctx, p.end, s.end),
  );
  if (!after) return;
  const org = mentionAt(ctx, s, p.end + after[0].length, ['ORGANIZATION']);
  if (!org) return;
  const own = gap(ctx, p.start, p.end);
  const title = after[1] ?? (own === own.toLowerCase() ? own : undefined);
  if (!title) return;
  ctx.propose('role-at-org', p, org, span(p.start, org.end), { title });
}

const administrations = new WeakMap<ReadingContext, Map<string, { person: string; quote: Span }>>();

function leaderAdministration(ctx: ReadingContext, s: SentenceView): void {
  for (const o of s.mentions.filter((m) => m.kind === 'ORGANIZATION')) {
    const t = /^(\p{Lu}\p{L}+)\s+(administration|government|cabinet)$/iu.exec(gap(ctx, o.start, o.end));
    if (!t) continue;
    const person = ctx.gazetteer.match(t[1]!).find((m) => m.kind === 'PERSON');
    if (!person) continue;
    ctx.propose('leader-administration', person.id, o, span(o.start, o.end));
    const map = administrations.get(ctx) ?? administrations.set(ctx, new Map()).get(ctx)!;
    if (!map.has(o.id)) map.set(o.id, { person: person.id, quote: span(s.start, s.end) });
  }
}

function administrationOfCountry(ctx: ReadingContext): void {
  for (const [org, { person, quote }] of administrations.get(ctx) ?? []) {
    const country = leaderOf(ctx).get(person);
    if (country) ctx.propose('administration-of-country', org, country, quote);
  }
}

function countryQualifiedBody(ctx: ReadingContext, s: SentenceView): void {
  for (const o of s.mentions.filter((m) => m.kind === 'ORGANIZATION')) {
    for (const label of [gap(ctx, o.start, o.end), ctx.nameOf(o.id)]) {
      const body = GOVERNMENT_BODY.exec(label);
      if (!body) continue;
      // The words before the body's head word: "U.S." of "U.S. Drug Enforcement Administration".
      const lead = label.slice(0, body.index).split(/\s+/).slice(0, 2).join(' ');
      const first = ctx.gazetteer.match(lead)[0];
      if (first?.kind !== 'COUNTRY' || first.start !== 0) continue;
      ctx.propose('country-qualified-body', o, first.id, span(s.start, s.end));
      break;
    }
  }
}

// ---- meetings, agreements, commitments -------------------------------------------------------

function pairs(ctx: ReadingContext, s: SentenceView): void {
  const countries = s.mentions.filter((m) => m.kind === 'COUNTRY');
  for (let i = 1; i < countries.length; i++) {
    const [a, b] = [countries[i - 1]!, countries[i]!];
    if (/^[-–]$/.test(gap(ctx, a.end, b.start)) && a.id !== b.id) ctx.lastPair = [a.id, b.id];
  }
}

/** "<kw> between A and B [in C]": the two actors and the place. */
function between(
  ctx: ReadingContext,
  s: SentenceView,
  offset: number,
): { a: Mention; b: Mention; place?: Mention; end: number } | undefined {
  const a = actorAt(ctx, s, offset);
  if (!a) return undefined;
  const and = /^\s+and\s+/.exec(gap(ctx, a.end, s.end));
  if (!and) return undefined;
  const b = actorAt(ctx, s, a.end + and[0].length);
  if (!b) return undefined;
  const inc = /^\s+in\s+/.exec(gap(ctx, b.end, s.end));
  const place = inc ? mentionAt(ctx, s, b.end + inc[0].length, ['COUNTRY']) : undefined;
  return { a, b, ...(place && { place }), end: (place ?? b).end };
}

function meetings(ctx: ReadingContext, s: SentenceView): void {
  for (const h of hits(s, /\b(talks|meeting|summit|phone call|call|negotiations)\s+between\s+/i)) {
    if (ctx.quoted(h.start)) continue;
    const found = between(ctx, s, h.end);
    if (!found) continue;
    const { a, b, place } = found;
    const kw = h.m[1]!.toLowerCase();
    const name = `${ctx.nameOf(a.id)}–${ctx.nameOf(b.id)} ${kw}${place ? ` in ${ctx.nameOf(place.id)}` : ''}`;
    const quote = span(h.start, found.end);
    const date = s.dates.find((d) => d.start >= h.start && d.start <= found.end + 20);
    const event = ctx.draft(
      'EVENT',
      name,
      'meeting-participants',
      quote,
      ['meeting', ...(place ? [place.id] : [])],
      date ? { date: date.value } : {},
    );
    ctx.propose('meeting-participants', a, event.id, quote);
    ctx.propose('meeting-participants', b, event.id, quote);
    if (place) ctx.propose('meeting-venue', event.id, place, quote);
    if (a.kind === 'COUNTRY' && b.kind === 'COUNTRY') ctx.lastPair = [a.id, b.id];
  }
}

/** "<A> met [with] <B> [in <C>]". */
function met(ctx: ReadingContext, s: SentenceView): void {
  for (const h of hits(s, /\s+met(?:\s+with)?\s+/)) {
    if (ctx.quoted(h.start)) continue;
    const a = s.mentions.find((m) => m.end === h.start && ACTORS.includes(m.kind));
    const b = a && actorAt(ctx, s, h.end);
    if (!a || !b) continue;
    const inc = /^\s+in\s+/.exec(gap(ctx, b.end, s.end));
    const place = inc ? mentionAt(ctx, s, b.end + inc[0].length, ['COUNTRY']) : undefined;
    const quote = span(a.start, (place ?? b).end);
    const name = `${ctx.nameOf(a.id)}–${ctx.nameOf(b.id)} meeting${place ? ` in ${ctx.nameOf(place.id)}` : ''}`;
    const event = ctx.draft('EVENT', name, 'meeting-participants', quote, [
      'meeting',
      ...(place ? [place.id] : []),
    ]);
    ctx.propose('meeting-participants', a, event.id, quote);
    ctx.propose('meeting-participants', b, event.id, quote);
    if (place) ctx.propose('meeting-venue', event.id, place, quote);
  }
}

/** "the <Country> meeting", "the summit": an event of this document. */
function eventRef(ctx: ReadingContext, s: SentenceView, from: number): Draft | undefined {
  const h = hits(s, /\bthe\s+(?:([\p{Lu}][\p{L}.\s-]{1,30}?)\s+)?(meeting|talks|summit)\b/u).find(
    (x) => x.start >= from,
  );
  if (!h) return undefined;
  const place = ctx.mentionsIn(s, h.start, h.end, ['COUNTRY'])[0];
  return [...ctx.drafts.values()]
    .reverse()
    .find((d) => d.kind === 'EVENT' && d.heads.includes('meeting') && (!place || d.heads.includes(place.id)));
}

const AGREEMENT_WORDS = String.raw`(understanding|agreement|deal|truce|framework|accord|pact)`;

function agreement(
  ctx: ReadingContext,
  a: Mention,
  b: Mention,
  kw: string,
  quote: Span,
  s: SentenceView,
): Draft {
  const parties = [a.id, b.id].sort().join('+');
  const known = [...ctx.drafts.values()].find((d) => d.kind === 'AGREEMENT' && d.heads.includes(parties));
  const date = s.dates.find((d) => d.role === 'on');
  const draft =
    known ??
    ctx.draft(
      'AGREEMENT',
      `${ctx.nameOf(a.id)}–${ctx.nameOf(b.id)} ${kw}`,
      'agreement-parties',
      quote,
      [parties],
      date ? { date: date.value } : {},
    );
  ctx.propose('agreement-parties', a, draft.id, quote);
  ctx.propose('agreement-parties', b, draft.id, quote);
  if (a.kind === 'COUNTRY' && b.kind === 'COUNTRY') ctx.lastPair = [a.id, b.id];
  return draft;
}

function agreements(ctx: ReadingContext, s: SentenceView): Draft | undefined {
  let made: Draft | undefined;
  for (const h of hits(s, new RegExp(String.raw`\b${AGREEMENT_WORDS}\s+between\s+`, 'i'))) {
    if (ctx.quoted(h.start)) continue;
    const found = between(ctx, s, h.end);
    if (found && found.a.kind !== 'PERSON' && found.b.kind !== 'PERSON')
      made = agreement(ctx, found.a, found.b, h.m[1]!.toLowerCase(), span(h.start, found.end), s);
  }
  const countries = s.mentions.filter((m) => m.kind === 'COUNTRY' && !ctx.quoted(m.start));
  for (let i = 1; i < countries.length; i++) {
    const [a, b] = [countries[i - 1]!, countries[i]!];
    const kw = new RegExp(String.raw`^\s+${AGREEMENT_WORDS}\b`, 'i').exec(gap(ctx, b.end, s.end));
    if (/^[-–]$/.test(gap(ctx, a.end, b.start)) && kw && a.id !== b.id)
      made = agreement(ctx, a, b, kw[1]!.toLowerCase(), span(a.start, b.end + kw[0].length), s);
    const signed = new RegExp(
      String.raw`^\s+signed\s+(?:an?\s+|the\s+)?((?:[\p{L}-]+\s+){0,3}?)${AGREEMENT_WORDS}\b`,
      'iu',
    ).exec(gap(ctx, b.end, s.end));
    if (/^\s+and\s+$/.test(gap(ctx, a.end, b.start)) && signed && a.id !== b.id) {
      const words = signed[1]!.replace(/^similar\s+/i, '').trim();
      made = agreement(
        ctx,
        a,
        b,
        `${words ? `${words} ` : ''}${signed[2]!.toLowerCase()}`,
        span(a.start, b.end + signed[0].length),
        s,
      );
    }
  }
  const target = made ?? agreementRef(ctx, s);
  const after = hits(s, /\b(?:following|after)\s+(?=the\s)/i)[0];
  if (target && after) {
    const event = eventRef(ctx, s, after.start);
    if (event) ctx.propose('agreement-after-event', event.id, target.id, span(s.start, s.end));
  }
  return made;
}

const commitmentsOf = new WeakMap<ReadingContext, Map<string, string>>();

function commitments(ctx: ReadingContext, s: SentenceView, made: Draft | undefined): void {
  const frame = /^(As part of|Under|In return|In exchange)\b/.test(s.text);
  const deal = made ?? agreementRef(ctx, s) ?? (frame ? ctx.lastDraft('AGREEMENT') : undefined);
  const cues = [
    ...hits(s, /\b(?:has\s+|have\s+|had\s+)?(pledged|promised|agreed|committed|vowed|undertook)\s+to\s+/),
    ...(frame || made ? hits(s, /\b(will|would)\s+(?!be\b|have\b)/) : []),
  ];
  for (const h of cues) {
    if (ctx.quoted(h.start)) continue;
    const subject = ctx.before(s, h.start, ['COUNTRY', 'ORGANIZATION', 'PERSON']);
    if (!subject) continue;
    // The promise ends before an appositive or relative clause about it (", a gesture meant to ...", ", which ...").
    const tail = gap(ctx, h.end, s.end)
      .replace(/[.”"’]+$/, '')
      .replace(/,\s+(?:a|an|which|who)\s[^]*$/, '');
    let parts = tail.split(/,?\s+and\s+to\s+/);
    if (parts.length === 1) parts = tail.split(/\s+and\s+(?=\p{Ll}+(?:ed|er)\s)/u);
    let at = h.end;
    for (const part of parts) {
      const start = ctx.text.indexOf(part, at);
      const end = start + part.length;
      at = end;
      const words = part.trim();
      if (words.split(/\s+/).length < 3) continue;
      const nominal = /^\p{Ll}+(?:ed|er)\s/u.test(words);
      const dates = s.dates.filter((d) => d.start >= start && d.end <= end);
      const until = dates.find((d) => d.role === 'until');
      const from = dates.find((d) => d.role === 'from');
      const quote = span(subject.start, end);
      const c = ctx.draft(
        'COMMITMENT',
        `${ctx.nameOf(subject.id)}${nominal ? ' commitment:' : ' to'} ${words}`,
        'commitment-maker',
        quote,
        ['commitment'],
        { text: words, ...(until && { validUntil: until.value }), ...(from && { validFrom: from.value }) },
      );
      ctx.propose('commitment-maker', subject, c.id, quote);
      if (deal) ctx.propose('commitment-term', c.id, deal.id, span(s.start, end));
      for (const m of materialsIn(ctx, s, start, end)) {
        ctx.propose('commitment-subject', c.id, m.mention ?? m.id, span(start, end));
        const map = commitmentsOf.get(ctx) ?? commitmentsOf.set(ctx, new Map()).get(ctx)!;
        if (deal) map.set(`${deal.id}\n${m.id}`, `${start}:${end}`);
      }
      for (const h2 of hits(s, /\b(\S+)\s+(exports|imports|goods|products|companies|firms)\b/))
        if (h2.start >= start && h2.end <= end) {
          const country = s.mentions.find(
            (m) => m.kind === 'COUNTRY' && m.start === h2.start && m.id !== subject.id,
          );
          if (country) ctx.propose('commitment-subject', c.id, country, span(start, end));
        }
      const measure = measureRef(ctx, s, start, end);
      if (measure) ctx.propose('commitment-subject', c.id, measure.draft.id, span(start, end));
    }
  }
}

function agreementSubjects(ctx: ReadingContext): void {
  for (const [key, where] of commitmentsOf.get(ctx) ?? []) {
    const [deal, material] = key.split('\n') as [string, string];
    const [start, end] = where.split(':').map(Number) as [number, number];
    ctx.propose('agreement-subject', deal, material, span(start, end));
  }
}

// ---- measures ---------------------------------------------------------------------------------

function measureType(head: string, words: string): MeasureType {
  if (/suspension/i.test(head)) return 'SUSPENSION';
  if (/tariff/i.test(head)) return 'TARIFF';
  if (/stockpile|investment/i.test(head + words)) return 'INVESTMENT';
  return 'EXPORT_CONTROL';
}

function measure(
  ctx: ReadingContext,
  issuer: Mention | undefined,
  words: string,
  head: string,
  quote: Span,
  s: SentenceView,
  dateFrom: number,
): Draft {
  const known = ctx.lastDraft('MEASURE', measureHead(head));
  const date = s.dates.find((d) => d.start >= dateFrom && d.start <= quote.end && d.role === 'on');
  if (known && (!date || known.attributes.date === date.value)) return known;
  const owner = issuer ? `${ctx.nameOf(issuer.id)}'s ` : '';
  const name = `${owner}${words ? `${words} ` : ''}${head}${date ? ` (${date.value})` : ''}`;
  return ctx.draft('MEASURE', capitalise(name), 'measure-issuer', quote, [measureHead(head)], {
    measureType: measureType(head, words),
    ...(date && { date: date.value }),
  });
}

function suspensions(ctx: ReadingContext, s: SentenceView): void {
  const re = new RegExp(
    String.raw`\b(announced|imposed|issued|introduced|unveiled|adopted)\s+(?:a|an|the)\s+((?:one|two|three|\d+)-year\s+|temporary\s+|\d+-day\s+)?suspension\s+(?:of|on)\s+(?:the\s+|its\s+)?((?:[\p{L}-]+\s+){0,3}?)${MEASURE_HEAD}((?:\s+(?:imposed|introduced|announced|issued)\s+in\s+[\p{L}\d ]+?)?)(?=[,.;]|$)`,
    'u',
  );
  for (const h of hits(s, re)) {
    if (ctx.quoted(h.start)) continue;
    const issuer = ctx.before(s, h.start, STATES);
    const quote = span(issuer?.start ?? h.start, h.end);
    const targetStart = h.end - h.m[5]!.length - h.m[4]!.length - h.m[3]!.length;
    const target = measure(ctx, issuer, h.m[3]!.trim(), h.m[4]!, quote, s, targetStart);
    const duration = (h.m[2] ?? '').trim();
    const suspension = ctx.draft(
      'MEASURE',
      `${issuer ? `${ctx.nameOf(issuer.id)}'s ` : ''}${duration ? `${duration} ` : ''}suspension of the ${target.name.replace(/^.*?'s /, '')}`,
      'suspension-of',
      quote,
      ['suspension'],
      { measureType: 'SUSPENSION' },
    );
    const until = s.dates.find((d) => d.role === 'until');
    ctx.propose('suspension-of', suspension.id, target.id, quote, until ? { validUntil: until.value } : {});
    if (issuer) {
      ctx.propose('measure-issuer', issuer, suspension.id, quote);
      ctx.propose('measure-issuer', issuer, target.id, quote);
    }
  }
  // "<named measure>, which suspends the <measure> until <date>"
  for (const h of hits(
    s,
    new RegExp(
      String.raw`\b(?:which\s+)?suspends\s+(?:the\s+|its\s+)?((?:[\p{L}-]+\s+){0,3}?)${MEASURE_HEAD}\b`,
      'u',
    ),
  )) {
    const subject = [...ctx.drafts.values()]
      .reverse()
      .find((d) => d.kind === 'MEASURE' && d.heads.includes('named') && d.quote.start >= s.start);
    if (!subject) continue;
    const target = measure(ctx, undefined, h.m[1]!.trim(), h.m[2]!, span(h.start, h.end), s, h.start);
    const until = s.dates.find((d) => d.role === 'until' && d.start >= h.start);
    ctx.propose(
      'suspension-of',
      subject.id,
      target.id,
      span(subject.quote.start, until?.end ?? h.end),
      until ? { validUntil: until.value } : {},
    );
  }
}

/** A suspension referred back with a date ("The temporary suspension announced Thursday") gets the date and its start. */
function datedReferences(ctx: ReadingContext, s: SentenceView): void {
  for (const h of hits(
    s,
    /\b(suspension|restrictions|controls|ban)\s+(?:was\s+)?(?:announced|imposed|introduced)\s+(?:on\s+)?/i,
  )) {
    const date = s.dates.find((d) => d.start === h.end);
    const d = ctx.lastDraft('MEASURE', measureHead(h.m[1]!));
    if (date && d && d.attributes.date === undefined) d.attributes.date = date.value;
  }
}

function namedMeasures(ctx: ReadingContext, s: SentenceView): void {
  for (const h of hits(
    s,
    /\b(?:issued|published|released|announced)\s+(Announcement|Order|Executive Order|Decree|Regulation)\s+No\.\s*(\d+)/,
  )) {
    const name = `${h.m[1]} No. ${h.m[2]}`;
    const issuers = ctx.mentionsIn(s, s.start, h.start, STATES);
    const date = s.dates.find((d) => d.end <= h.start);
    const d = ctx.draft(
      'MEASURE',
      name,
      'measure-issuer',
      span(h.start, h.end),
      ['named'],
      date ? { date: date.value } : {},
    );
    if (!d.heads.includes('named')) d.heads.push('named');
    for (const i of issuers) ctx.propose('measure-issuer', i, d.id, span(i.start, h.end));
  }
}

function measureTargets(ctx: ReadingContext, s: SentenceView): void {
  for (const h of hits(s, /\b((?:[\p{L}-]+\s+){1,4}?)(?:export\s+)?(restrictions|controls|ban|curbs)\b/u)) {
    if (ctx.quoted(h.start)) continue;
    const materials = ctx.mentionsIn(s, h.start, h.end, ['MATERIAL']);
    const d = ctx.lastDraft('MEASURE', 'controls');
    if (!d) continue;
    for (const m of materials) ctx.propose('measure-target', d.id, m, span(h.start, h.end));
  }
  // "<controls> imposed in April on <materials>"
  const on =
    /\b(restrictions|controls|ban|curbs)\s+(?:imposed|introduced)\s+in\s+(\p{Lu}\p{L}+)\s+on\s+([^.;]+)/u;
  for (const h of hits(s, on)) {
    const date = s.dates.find((d) => d.start >= h.start && d.end <= h.end);
    const d = ctx.draft(
      'MEASURE',
      `${capitalise(h.m[1]!)} imposed in ${h.m[2]}${date ? ` (${date.value})` : ''}`,
      'measure-target',
      span(h.start, h.end),
      [measureHead(h.m[1]!)],
      {
        measureType: 'EXPORT_CONTROL',
        ...(date && { date: date.value }),
      },
    );
    for (const m of ctx.mentionsIn(s, h.end - h.m[3]!.length, h.end, ['MATERIAL']))
      ctx.propose('measure-target', d.id, m, span(h.start, h.end));
  }
}

function tariffThreats(ctx: ReadingContext, s: SentenceView): void {
  const re =
    /\b(warn\w*|threat\w*|signal\w*)\b[^.]*?\btariffs?\b[^.]*?\b(?:could|would|will|may|might)\s+be\s+(?:raised|imposed|increased|reimposed|hiked)\b/i;
  for (const h of hits(s, re)) {
    if (ctx.quoted(h.start)) continue;
    const issuer = clauseSubject(ctx, s, h.start);
    if (!issuer) continue;
    const target = ctx.mentionsIn(s, h.start, s.end, ['COUNTRY']).find((m) => m.id !== issuer.id);
    const date = s.dates.find((d) => d.role === 'on');
    const name = `${ctx.nameOf(issuer.id)} threat to raise tariffs${target ? ` on ${ctx.nameOf(target.id)}` : ''}`;
    const quote = span(s.start, s.end);
    const d = ctx.draft('MEASURE', name, 'tariff-threat-issuer', quote, ['threat'], {
      measureType: 'TARIFF_THREAT',
      ...(date && { date: date.value }),
    });
    ctx.propose('tariff-threat-issuer', issuer, d.id, quote);
    if (target) ctx.propose('tariff-threat-target', d.id, target, span(h.start, s.end));
  }
}

function investments(ctx: ReadingContext, s: SentenceView): void {
  const re =
    /\b(?:accelerated|increased|announced|expanded|boosted|stepped up|ramped up)\s+(?:its\s+|their\s+)?investments?\s+in\s+([^.;]+)/;
  for (const h of hits(s, re)) {
    if (ctx.quoted(h.start)) continue;
    const issuer = ctx.before(s, h.start, ACTORS);
    if (!issuer) continue;
    const quote = span(s.start, h.end);
    const d = ctx.draft(
      'MEASURE',
      `${ctx.nameOf(issuer.id)} investment in ${h.m[1]!.trim()}`,
      'investment-issuer',
      quote,
      ['investment'],
      { measureType: 'INVESTMENT' },
    );
    ctx.propose('investment-issuer', issuer, d.id, quote);
    for (const m of ctx.mentionsIn(s, h.end - h.m[1]!.length, h.end, ['MATERIAL']))
      ctx.propose('investment-target', d.id, m, span(h.start, h.end));
  }
}

// ---- coalitions, dependence, supply ----------------------------------------------------------

function allies(ctx: ReadingContext, s: SentenceView): void {
  const re =
    /\b(?:coordinat|cooperat|work|partner|align)\w*\s+with\s+(?:its\s+|their\s+)?allies,?\s+(?:including|such as|like)\s+/;
  for (const h of hits(s, re)) {
    if (ctx.quoted(h.start)) continue;
    const lead = ctx.before(s, h.start, STATES);
    const members = mentionList(ctx, s, h.end, ['COUNTRY']);
    if (!lead || members.length === 0) continue;
    const listEnd = members.at(-1)!.end;
    const quote = span(lead.start, listEnd);
    const names = members.map((m) => ctx.nameOf(m.id)).join(', ');
    const purpose =
      /^\s*to\s+(?:build|develop|secure|diversify|strengthen)\b[^.;]*?\bsupply chains?\b[^.;]*/.exec(
        gap(ctx, listEnd, s.end),
      );
    const aim = purpose
      ? /^\s*(to\s+\S+\s+(?:[\p{L}-]+\s+)?supply chains?)/u.exec(purpose[0])?.[1]
      : undefined;
    const alliance = ctx.draft(
      'ALLIANCE',
      `${ctx.nameOf(lead.id)}-allied coordination${aim ? ` ${aim}` : ''} (with ${names})`,
      'allies-members',
      quote,
      ['allies'],
    );
    for (const m of [lead, ...members]) ctx.propose('allies-members', m, alliance.id, quote);
    if (!purpose) continue;
    const pStart = listEnd + purpose.index;
    const pEnd = pStart + purpose[0].length;
    const named = ctx.mentionsIn(s, pStart, pEnd, ['MATERIAL']);
    const topic = ctx.mostMentioned('MATERIAL');
    if (named.length > 0)
      for (const m of named) ctx.propose('allies-purpose', alliance.id, m, span(h.start, pEnd));
    else if (topic) ctx.propose('allies-purpose', alliance.id, topic, span(h.start, pEnd), {}, 0.8);
  }
}

function reliance(ctx: ReadingContext, s: SentenceView): void {
  const re =
    /\b(?:(?:reduce|reducing|cut|cutting|end|ending|lessen)\s+(?:its\s+|their\s+)?(?:reliance|dependence|dependency)\s+on|(?:relies|rely|depends|depend|dependent)\s+on)\s+/;
  for (const h of hits(s, re)) {
    if (ctx.quoted(h.start)) continue;
    const subject = clauseSubject(ctx, s, h.start, STATES);
    const target = mentionAt(ctx, s, h.end, ['COUNTRY', 'MATERIAL']);
    if (!subject || !target) continue;
    const rest = /^[^,.;]*/.exec(gap(ctx, target.end, s.end))![0];
    ctx.propose('reliance-on', subject, target, span(h.start, target.end + rest.length));
  }
}

const STAGES: [RegExp, SupplyStage][] = [
  [/process|refin/i, 'PROCESSING'],
  [/separat/i, 'SEPARATION'],
  [/magnet/i, 'MAGNETS'],
  [/metal/i, 'METAL'],
  [/min(?:e|es|ed|ing)\b/i, 'MINING'],
];

const lastMaterial = new WeakMap<ReadingContext, string>();

function shares(ctx: ReadingContext, s: SentenceView): void {
  for (const h of hits(
    s,
    /\b(controls|produces|processes|refines|mines|accounts for|supplies|holds|has)\s+/,
  )) {
    if (ctx.quoted(h.start)) continue;
    const n = s.numbers.find((x) => x.start === h.end && x.unit === 'percent');
    const of =
      n && /^\s+of\s+(?:the\s+)?(?:global|world['’]?s?|worldwide)\s+([^.,;]*)/.exec(gap(ctx, n.end, s.end));
    if (!n || !of) continue;
    const subject = ctx.before(s, h.start, ['COUNTRY', 'ORGANIZATION', 'FACILITY']);
    if (!subject) continue;
    const end = n.end + of[0].length;
    const tail = of[1]!;
    const material =
      ctx.mentionsIn(s, end - tail.length, end, ['MATERIAL'])[0]?.id ??
      ctx.before(s, h.start, ['MATERIAL'])?.id ??
      lastMaterial.get(ctx);
    if (!material) continue;
    const stage = STAGES.find(([re2]) => re2.test(`${h.m[1]} ${tail}`))?.[1];
    ctx.propose('share-of-world', subject, material, span(subject.start, end), {
      share: n.value,
      ...(n.qualifier && { qualifier: n.qualifier }),
      ...(stage && { stage }),
      year: Number(ctx.published.slice(0, 4)),
    });
  }
  const named = s.mentions.filter((m) => m.kind === 'MATERIAL').at(-1);
  if (named) lastMaterial.set(ctx, named.id);
}

function uses(ctx: ReadingContext, s: SentenceView): void {
  const re =
    /\b(?:essential|vital|critical|crucial|indispensable|used)\s+(?:for|in)\s+(?:producing\s+|making\s+|manufacturing\s+|building\s+)?(everything\s+from\s+)?/;
  for (const h of hits(s, re)) {
    if (ctx.quoted(h.start)) continue;
    const material = ctx.before(s, h.start, ['MATERIAL']);
    if (!material) continue;
    const list = /^[^—–;.)]*/.exec(gap(ctx, h.end, s.end))![0].replace(/[,\s]+$/, '');
    let items = h.m[1] ? list.split(/\s+to\s+/) : [list];
    items = items
      .flatMap((i) => i.split(/,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+/))
      .map((i) => i.trim().replace(/^(?:the|a|an)\s+/i, ''));
    const quote = span(material.start, h.end + list.length);
    for (const item of items) {
      if (item === '' || item.split(/\s+/).length > 5 || !/^[\p{L}]/u.test(item)) continue;
      const start = ctx.text.indexOf(item, h.end);
      const known = s.mentions.find(
        (m) => m.start === start && m.end === start + item.length && m.kind === 'APPLICATION',
      );
      if (s.mentions.some((m) => m.start === start && m.kind !== 'APPLICATION')) continue;
      const app =
        known?.id ?? ctx.draft('APPLICATION', capitalise(item), 'essential-for', quote, ['application']).id;
      ctx.propose('essential-for', material, app, quote);
    }
  }
}

function sources(ctx: ReadingContext, s: SentenceView): void {
  const re =
    /\b(?:is|remains|was|has been|became)\s+the\s+(?:world['’]s\s+)?(?:largest|biggest|main|primary|leading|top|major)?\s*source\s+of\s+([^,.;]+)/;
  for (const h of hits(s, re)) {
    if (ctx.quoted(h.start)) continue;
    const country = ctx.before(s, h.start, ['COUNTRY']);
    if (!country) continue;
    for (const m of materialsIn(ctx, s, h.end - h.m[1]!.length, h.end))
      ctx.propose('source-of', country, m.mention ?? m.id, span(country.start, h.end));
  }
}

// ---- statements -----------------------------------------------------------------------------

interface Said {
  statement: string;
  speaker: string;
  offset: number;
  paragraph: number;
}
const saidIn = new WeakMap<ReadingContext, Said[]>();
const said = (ctx: ReadingContext) => saidIn.get(ctx) ?? saidIn.set(ctx, []).get(ctx)!;

const STATEMENT_KINDS: EntityKind[] = ['COUNTRY', 'MATERIAL'];

function statement(
  ctx: ReadingContext,
  rule: CueRule,
  speaker: Mention,
  words: Span,
  quote: Span,
  s: SentenceView,
  about: Draft | undefined,
  weight = 1,
): Draft | undefined {
  const text = gap(ctx, words.start, words.end).replace(/[\s,]+$/, '');
  if (text.length === 0) return undefined;
  const short = text.length > 80 ? `${text.slice(0, 80).replace(/\s+\S*$/, '')} ...` : text;
  const date = s.dates.find((d) => d.role === 'on' && (d.start >= words.end || d.end <= words.start));
  const d = ctx.draft('STATEMENT', `${ctx.nameOf(speaker.id)}: ${short}`, rule, quote, ['statement'], {
    text,
    ...(date && { date: date.value }),
  });
  ctx.propose(rule, speaker, d.id, quote, {}, weight);
  said(ctx).push({ statement: d.id, speaker: speaker.id, offset: words.start, paragraph: s.paragraph });
  const subjects = s.mentions.filter(
    (m) => m.start >= words.start && m.end <= words.end && STATEMENT_KINDS.includes(m.kind),
  );
  for (const m of subjects) ctx.propose('statement-subject', d.id, m, quote);
  for (const m of materialsIn(ctx, s, words.start, words.end))
    if (!m.mention) ctx.propose('statement-subject', d.id, m.id, quote);
  if (about) ctx.propose('statement-subject', d.id, about.id, quote);
  const measure =
    measureRef(ctx, s, words.start, words.end)?.draft ??
    (/\bthreat\w*\b[^.]*\btariffs?\b/i.test(text) ? ctx.lastDraft('MEASURE', 'threat') : undefined);
  if (measure) ctx.propose('statement-subject', d.id, measure.id, quote);
  return d;
}

/** "described the agreement as ..." before the text names the agreement: resolved once the document is read. */
const pendingAbout = new WeakMap<ReadingContext, { statement: Draft; quote: Span }[]>();

function resolvePendingAbout(ctx: ReadingContext): void {
  const deals = [...ctx.drafts.values()].filter((d) => d.kind === 'AGREEMENT');
  if (deals.length !== 1) return;
  for (const { statement: st, quote } of pendingAbout.get(ctx) ?? [])
    ctx.propose('statement-subject', st.id, deals[0]!.id, quote, {}, 0.9);
}

function accordingTo(ctx: ReadingContext, s: SentenceView): void {
  const lead = /^According to\s+/.exec(s.text);
  if (lead) {
    const speaker = mentionAt(ctx, s, s.start + lead[0].length, ['ORGANIZATION', 'PERSON']);
    if (!speaker) return;
    const comma = ctx.text.indexOf(', ', speaker.end);
    if (comma < 0 || comma > s.end) return;
    const start = comma + 2;
    const end = start + /^[^]*?(?=,\s+which\b|[.;]?$)/.exec(gap(ctx, start, s.end))![0].length;
    statement(ctx, 'according-to', speaker, span(start, end), span(s.start, end), s, undefined);
    return;
  }
  const tail = hits(s, /,\s+according to\s+/)[0];
  if (tail) {
    const speaker = mentionAt(ctx, s, tail.end, ['ORGANIZATION', 'PERSON']);
    if (speaker)
      statement(
        ctx,
        'according-to',
        speaker,
        span(s.start, tail.start),
        span(s.start, speaker.end),
        s,
        undefined,
      );
  }
}

const SAY = String.raw`(?:said|says|told|added|warned|noted|argued|stated|explained|cautioned|emphasized|emphasised|insisted)`;

function quotes(ctx: ReadingContext): void {
  let previous: { speaker: Mention; paragraph: number } | undefined;
  for (const q of ctx.quotations) {
    const inner = gap(ctx, q.inner.start, q.inner.end);
    if (inner.trim().split(/\s+/).length < 4) continue;
    const s =
      ctx.sentences.find((x) => q.end <= x.end && q.end > x.start) ??
      ctx.sentences.find((x) => q.start >= x.start && q.start < x.end);
    if (!s) continue;
    const after = gap(ctx, q.end, s.end);
    let speaker: Mention | undefined;
    let end = q.end;
    const pron = new RegExp(String.raw`^\s*,?\s*(?:\S+\s+){1,4}?${SAY}\b[^.]*`).exec(after);
    if (pron) {
      // The speaker named before the verb: a person (a title's organisation is not the speaker), else an organisation.
      const verb = q.end + pron[0].search(new RegExp(String.raw`${SAY}\b`));
      const named = s.mentions.filter((m) => m.start >= q.end && m.end <= verb);
      speaker =
        named.filter((m) => m.kind === 'PERSON').at(-1) ?? named.find((m) => m.kind === 'ORGANIZATION');
      end = q.end + pron[0].length;
    }
    const inverted = new RegExp(String.raw`^\s*,?\s*${SAY}\s+(?:by\s+)?(?:the\s+|a\s+|an\s+)?`).exec(after);
    if (!speaker && inverted) {
      speaker = mentionAt(ctx, s, q.end + inverted[0].length, ['PERSON', 'ORGANIZATION']);
      end = q.end + /^[^.]*/.exec(after)![0].length;
    }
    const lead = new RegExp(String.raw`(\S+)\s+${SAY}\s*[:,]\s*$`).exec(gap(ctx, s.start, q.start));
    if (!speaker && lead) {
      speaker = s.mentions
        .filter((m) => m.end <= q.start && (m.kind === 'PERSON' || m.kind === 'ORGANIZATION'))
        .at(-1);
      if (speaker) end = q.end;
    }
    let weight = 1;
    const start = speaker && speaker.start < q.start ? speaker.start : q.start;
    if (!speaker && previous && previous.paragraph === q.paragraph) {
      speaker = previous.speaker;
      weight = 0.9;
    }
    if (!speaker) continue;
    previous = { speaker, paragraph: q.paragraph };
    const words = span(q.inner.start, q.inner.end - (inner.endsWith(',') ? 1 : 0));
    statement(ctx, 'quote-speaker', speaker, words, span(start, Math.max(end, q.end)), s, undefined, weight);
  }
}

function reported(ctx: ReadingContext, s: SentenceView): void {
  const when = String.raw`(?:(?:on|last|this|earlier)\s+\p{Lu}?\p{L}+\s+|yesterday\s+|today\s+)?`;
  for (const h of hits(s, new RegExp(String.raw`\b${SAY}\s+${when}(?:that\s+)?(?=[\p{Ll}\p{Lu}])`, 'u'))) {
    const speaker = s.mentions
      .filter(
        (m) => m.end <= h.start && m.end >= h.start - 2 && (m.kind === 'PERSON' || m.kind === 'ORGANIZATION'),
      )
      .at(-1);
    if (!speaker || ctx.quoted(h.start)) continue;
    const end = s.end - (/[.]$/.test(s.text) ? 1 : 0);
    const hasQuote = ctx.quotations.some((q) => q.start >= h.end && q.end <= end);
    if (!hasQuote || ctx.quotations.some((q) => q.start === h.end)) continue;
    statement(ctx, 'reported-quote', speaker, span(h.end, end), span(speaker.start, s.end), s, undefined);
  }
  for (const h of hits(
    s,
    /\b(?:described|called|termed|labell?ed)\s+(.{1,60}?)\s+(?:as\s+)?(?:an?\s+)?[“"]([^”"]+)[”"]/,
  )) {
    const speaker = s.mentions
      .filter(
        (m) => m.end <= h.start && m.end >= h.start - 2 && (m.kind === 'PERSON' || m.kind === 'ORGANIZATION'),
      )
      .at(-1);
    if (!speaker) continue;
    const objStart = h.start + h.m[0].indexOf(h.m[1]!);
    const about =
      agreementRef(ctx, s, objStart, objStart + h.m[1]!.length) ??
      measureRef(ctx, s, objStart, objStart + h.m[1]!.length)?.draft;
    const wordsStart = h.end - 1 - h.m[2]!.length;
    const st = statement(
      ctx,
      'reported-quote',
      speaker,
      span(wordsStart, h.end - 1),
      span(speaker.start, h.end),
      s,
      about,
    );
    if (st && !about && new RegExp(String.raw`\b${AGREEMENT_WORDS}\b`, 'i').test(h.m[1]!)) {
      const list = pendingAbout.get(ctx) ?? pendingAbout.set(ctx, []).get(ctx)!;
      list.push({ statement: st, quote: span(speaker.start, h.end) });
    }
  }
}

interface Venue {
  paragraph: number;
  from: number;
  speaker: string;
  event: string;
  media: string;
}
const venuesOf = new WeakMap<ReadingContext, Venue[]>();

function interviews(ctx: ReadingContext, s: SentenceView): void {
  const found: { person: Mention; media: Mention; quote: Span }[] = [];
  for (const h of hits(s, /\b(?:Appearing|Speaking)\s+(?:on|to)\s+/)) {
    const media = mentionAt(ctx, s, h.end, ['ORGANIZATION']);
    const person = media && ctx.after(s, media.end, ['PERSON']);
    if (media && person) found.push({ person, media, quote: span(h.start, person.end) });
  }
  for (const h of hits(
    s,
    /\b(?:said|spoke)\s+(?:in|during)\s+(?:a|an)\s+(?:separate\s+|exclusive\s+|televised\s+|recent\s+)?interview\s+(?:with|on)\s+/,
  )) {
    const media = mentionAt(ctx, s, h.end, ['ORGANIZATION']);
    const person = s.mentions.filter((m) => m.end <= h.start && m.kind === 'PERSON').at(-1);
    if (media && person) found.push({ person, media, quote: span(person.start, media.end) });
  }
  for (const h of hits(s, /\btold\s+/)) {
    const media = mentionAt(ctx, s, h.end, ['ORGANIZATION']);
    const person = s.mentions
      .filter((m) => m.end <= h.start && m.end >= h.start - 2 && m.kind === 'PERSON')
      .at(-1);
    if (media && person) found.push({ person, media, quote: span(person.start, media.end) });
  }
  for (const { person, media, quote } of found) {
    const date = s.dates.find((d) => d.role === 'on' && d.start >= quote.start && d.end <= quote.end + 20);
    const event = ctx.draft(
      'EVENT',
      `${ctx.nameOf(person.id)} interview on ${ctx.nameOf(media.id)}`,
      'interview-participants',
      quote,
      ['interview', media.id],
      date ? { date: date.value } : {},
    );
    ctx.propose('interview-participants', person, event.id, quote);
    ctx.propose('interview-participants', media, event.id, quote);
    const list = venuesOf.get(ctx) ?? venuesOf.set(ctx, []).get(ctx)!;
    list.push({
      paragraph: s.paragraph,
      from: s.start,
      speaker: person.id,
      event: event.id,
      media: media.id,
    });
  }
}

function statementVenues(ctx: ReadingContext): void {
  for (const v of venuesOf.get(ctx) ?? [])
    for (const st of said(ctx))
      if (st.paragraph === v.paragraph && st.speaker === v.speaker && st.offset >= v.from) {
        const draft = ctx.drafts.get(st.statement)!;
        ctx.propose('statement-venue', st.statement, v.event, draft.quote);
        ctx.propose('statement-venue', st.statement, v.media, draft.quote);
      }
}

function tradeWars(ctx: ReadingContext, s: SentenceView): void {
  for (const h of hits(s, /\btrade war\b/)) {
    if (ctx.quoted(h.start)) continue;
    const year = s.dates.find((d) => /^\d{4}$/.test(d.value) && d.start > h.start);
    if (!year) continue;
    const b = /^\s+between\s+/.exec(gap(ctx, h.end, s.end));
    const found = b ? between(ctx, s, h.end + b[0].length) : undefined;
    const sides: [string, string] | undefined = found
      ? [found.a.id, found.b.id]
      : /\b(?:both sides|the two sides|both countries|the two countries)\b/i.test(s.text)
        ? ctx.lastPair
        : undefined;
    if (!sides) continue;
    const quote = span(s.start, s.end);
    const event = ctx.draft(
      'EVENT',
      `${ctx.nameOf(sides[0])}–${ctx.nameOf(sides[1])} trade war (${year.value})`,
      'trade-war-sides',
      quote,
      ['war'],
      { date: year.value },
    );
    for (const side of sides) ctx.propose('trade-war-sides', side, event.id, quote);
  }
}

function operators(ctx: ReadingContext, s: SentenceView): void {
  for (const o of s.mentions.filter((m) => m.kind === 'ORGANIZATION')) {
    const poss = /^['’]s\s+/.exec(gap(ctx, o.end, s.end));
    const verb =
      /^\s+(?:operates|runs|owns|will build|is building|plans to build|announced[^.]*?will build)\s+(?:its\s+|the\s+|a\s+)?["“]?/.exec(
        gap(ctx, o.end, s.end),
      );
    const at = poss ? o.end + poss[0].length : verb ? o.end + verb[0].length : -1;
    if (at < 0) continue;
    const facility = s.mentions.find((m) => m.kind === 'FACILITY' && m.start >= at && m.start <= at + 2);
    if (facility) ctx.propose('operator', o, facility, span(o.start, Math.max(facility.end, o.start + 20)));
  }
}

function money(ctx: ReadingContext, s: SentenceView): void {
  for (const n of s.numbers.filter((x) => /^[A-Z]{3}$/.test(x.unit))) {
    if (ctx.quoted(n.start)) continue;
    const via = /^\s+(?:[\w-]+\s+){0,2}?(?:loan|equity|investment|grant|stake|funding)\s+(?:from|by)\s+/.exec(
      gap(ctx, n.end, s.end),
    );
    if (!via) continue;
    const investor = mentionAt(ctx, s, n.end + via[0].length, ['ORGANIZATION', 'COUNTRY']);
    const recipient = ctx.mentionsIn(s, s.start, n.start, ['ORGANIZATION', 'FACILITY'])[0];
    if (!investor || !recipient) continue;
    ctx.propose('money-from', investor, recipient, span(recipient.start, investor.end), {
      volume: n.value,
      unit: n.unit,
      ...(n.qualifier && { qualifier: n.qualifier }),
    });
  }
}

/** Every cue rule over one sentence, in an order where later rules find what earlier ones proposed. */
export function readSentence(ctx: ReadingContext, s: SentenceView): void {
  pairs(ctx, s);
  offices(ctx, s);
  leaderAdministration(ctx, s);
  countryQualifiedBody(ctx, s);
  meetings(ctx, s);
  met(ctx, s);
  namedMeasures(ctx, s);
  suspensions(ctx, s);
  datedReferences(ctx, s);
  tariffThreats(ctx, s);
  investments(ctx, s);
  const made = agreements(ctx, s);
  commitments(ctx, s, made);
  measureTargets(ctx, s);
  allies(ctx, s);
  reliance(ctx, s);
  shares(ctx, s);
  uses(ctx, s);
  sources(ctx, s);
  accordingTo(ctx, s);
  reported(ctx, s);
  interviews(ctx, s);
  tradeWars(ctx, s);
  operators(ctx, s);
  money(ctx, s);
}

/** The rules that read the whole document once the sentences are read. */
export function readDocument(ctx: ReadingContext): void {
  quotes(ctx);
  statementVenues(ctx);
  administrationOfCountry(ctx);
  agreementSubjects(ctx);
  resolvePendingAbout(ctx);
  // A suspension holds from the day it was announced, when the text dates it.
  for (const c of ctx.candidates) {
    const date = ctx.drafts.get(c.from)?.attributes.date;
    if (c.rule === 'suspension-of' && c.props.validFrom === undefined && date !== undefined)
      c.props = { validFrom: date, ...c.props };
  }
}
