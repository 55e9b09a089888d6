import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUES, cueTableMarkdown } from '../src/domain/ingest/cues.js';
import { extractProposals } from '../src/domain/ingest/extract.js';
import { documentIdFor } from '../src/domain/ingest/ids.js';
import { Gazetteer, mentionsOf } from '../src/domain/ingest/mentions.js';
import { splitSentences } from '../src/domain/ingest/nlp.js';
import { findNumbers } from '../src/domain/ingest/numbers.js';
import type { Proposal } from '../src/domain/ingest/proposal.js';
import { graphSnapshot, type GraphSnapshot, type SnapshotEntity } from '../src/domain/ingest/snapshot.js';
import { findDates } from '../src/domain/ingest/when.js';
import { allowsEnds, type EntityKind } from '../src/domain/model.js';
import { quoteRefusal } from '../src/domain/text.js';
import { DEFAULT_SEED_DIR, loadSeed, type Seed } from '../src/store/seed/seed-loader.js';
import { annotatedTexts, articleGold, evalSnapshot } from '../scripts/support/ingest-eval.js';

/*
 * Extraction (src/domain/ingest) on the founding article and our own texts, with the real NLP
 * library and the real seed: values, not shapes.
 */

let seed: Seed;
let snapshot: GraphSnapshot;
let text: string;
let article: Proposal[];
const PUBLISHED = '2025-11-02';

beforeAll(async () => {
  seed = await loadSeed();
  snapshot = evalSnapshot(seed);
  text = seed.entities.find((e) => e.id === 'source-article')!.text!.normalize('NFC');
  article = extractProposals(
    { title: 'US warns China', publisher: 'news', published: PUBLISHED, text },
    snapshot,
  );
});

const rels = (ps: Proposal[]) =>
  ps.flatMap((p) => (p.relationship ? [{ ...p.relationship, proposal: p }] : []));
const entity = (ps: Proposal[], id: string) => ps.find((p) => p.entity?.id === id)?.entity;

/** Every invariant a proposal must hold, whatever the text. */
function checkInvariants(ps: Proposal[], docText: string, graph: GraphSnapshot): void {
  const nfc = docText.normalize('NFC');
  const documentId = documentIdFor(nfc);
  const kinds = new Map<string, EntityKind>(graph.entities.map((e) => [e.id, e.kind]));
  for (const p of ps) if (p.entity) kinds.set(p.entity.id, p.entity.kind);
  const entityProposals = new Set(ps.filter((p) => p.type === 'ENTITY').map((p) => p.id));
  expect(new Set(ps.map((p) => p.id)).size).toBe(ps.length);
  for (const p of ps) {
    expect(nfc.slice(p.offset, p.offset + p.quote.length), p.rule).toBe(p.quote);
    expect(quoteRefusal(p.quote), p.quote).toBeNull();
    expect(p.documentId).toBe(documentId);
    expect(p.status).toBe('PENDING');
    expect(p.confidence).toBeGreaterThan(0);
    expect(p.confidence).toBeLessThanOrEqual(1);
    const row = CUES.find((c) => c.rule === p.rule);
    expect(row, p.rule).toBeDefined();
    for (const dep of p.dependsOn) expect(entityProposals.has(dep)).toBe(true);
    const r = p.relationship;
    if (r) {
      const [from, to] = [kinds.get(r.from)!, kinds.get(r.to)!];
      expect(allowsEnds(r.type, from, to), `${r.type} ${from} -> ${to}`).toBe(true);
      expect(r.type).toBe(row!.type);
      expect(row!.from as readonly string[]).toContain(from);
      expect(row!.to as readonly string[]).toContain(to);
      expect(r.citations).toEqual([{ sourceId: documentId, quote: p.quote }]);
      const needed = [r.from, r.to].filter((id) => !graph.entities.some((e) => e.id === id));
      expect(p.dependsOn.length).toBe(needed.length);
    }
  }
}

describe('extraction of the founding article', () => {
  it('proposes quotes that occur verbatim at their offsets, allowed ends, known rules', () => {
    expect(article.length).toBeGreaterThan(100);
    checkInvariants(article, text, snapshot);
  });

  it('reads offices and leaders from titles, with the home country for an unqualified "President"', () => {
    const r = rels(article);
    expect(r.find((x) => x.type === 'HOLDS_OFFICE' && x.from === 'scott-bessent')).toMatchObject({
      to: 'us-treasury',
      title: 'Treasury Secretary',
    });
    expect(r.find((x) => x.type === 'HOLDS_OFFICE' && x.from === 'xi-jinping')).toMatchObject({
      to: 'china',
      title: 'President',
    });
    expect(
      r.find((x) => x.type === 'LEADS' && x.from === 'donald-trump' && x.to === 'united-states')?.proposal
        .quote,
    ).toBe('President Donald Trump');
    expect(r.find((x) => x.type === 'HOLDS_OFFICE' && x.from === 'csis-senior-fellow')).toMatchObject({
      to: 'csis',
      title: 'senior fellow',
    });
  });

  it('keeps the number, its qualifier, stage and year of a market share', () => {
    const share = rels(article).find((x) => x.type === 'PRODUCES')!;
    expect(share).toMatchObject({
      from: 'china',
      to: 'rare-earth-elements',
      share: 90,
      qualifier: 'nearly',
      stage: 'PROCESSING',
      year: 2025,
    });
    expect(share.proposal.quote).toBe('China controls nearly 90 percent of global processing capacity');
  });

  it('dates the suspension to the Thursday before publication and the threat to the Sunday', () => {
    const suspends = rels(article).find((x) => x.type === 'SUSPENDS')!;
    expect(entity(article, suspends.from)).toMatchObject({
      kind: 'MEASURE',
      measureType: 'SUSPENSION',
      date: '2025-10-30',
    });
    expect(suspends.validFrom).toBe('2025-10-30');
    expect(entity(article, suspends.to)).toMatchObject({
      kind: 'MEASURE',
      measureType: 'EXPORT_CONTROL',
      date: '2025-10',
    });
    const threat = rels(article).find((x) => x.proposal.rule === 'tariff-threat-issuer')!;
    expect(threat.from).toBe('united-states');
    expect(entity(article, threat.to)).toMatchObject({ measureType: 'TARIFF_THREAT', date: '2025-11-02' });
  });

  it('attributes quotations through "he said" and to the same speaker for the quote that follows', () => {
    const said = rels(article).filter((x) => x.type === 'SAID');
    const texts = said.map((x) => [x.from, entity(article, x.to)!.text]);
    expect(texts).toContainEqual(['scott-bessent', 'We want a stable relationship with China']);
    expect(texts).toContainEqual([
      'scott-bessent',
      'But stability has to be built on trust and fairness, not dependency and coercion.',
    ]);
    expect(texts).toContainEqual([
      'csis-senior-fellow',
      'Even with political will, catching up will be costly and complex.',
    ]);
    expect(texts).toContainEqual([
      'dea',
      'China remains the largest source of fentanyl and its precursor chemicals',
    ]);
    expect(
      said.every((x) => x.from === 'scott-bessent' || x.from === 'csis-senior-fellow' || x.from === 'dea'),
    ).toBe(true);
  });

  it('builds the agreement with its parties and terms, and the meeting it came from', () => {
    const r = rels(article);
    const deal = r.find((x) => x.type === 'PARTY_TO')!.to;
    expect(
      r
        .filter((x) => x.type === 'PARTY_TO' && x.to === deal)
        .map((x) => x.from)
        .sort(),
    ).toEqual(['china', 'united-states']);
    expect(r.filter((x) => x.type === 'PART_OF' && x.to === deal)).toHaveLength(5);
    const meeting = r.find((x) => x.type === 'RESULTED_IN')!;
    expect(meeting.to).toBe(deal);
    expect(
      r
        .filter((x) => x.type === 'PARTICIPATED_IN' && x.to === meeting.from)
        .map((x) => x.from)
        .sort(),
    ).toEqual(['donald-trump', 'xi-jinping']);
    expect(r.find((x) => x.type === 'HELD_IN' && x.from === meeting.from)?.to).toBe('south-korea');
    const cut = r.find((x) => x.type === 'COMMITTED_TO' && x.from === 'united-states')!;
    expect(entity(article, cut.to)!.text).toBe('reduce tariffs on Chinese exports by 10 percent');
  });

  it('gives the same proposals and ids when extracted again, and for the decomposed (NFD) text', () => {
    const again = extractProposals(
      { title: 'other title', publisher: 'x', published: PUBLISHED, text },
      snapshot,
    );
    expect(again).toEqual(article);
    const nfd = extractProposals(
      { title: 'US warns China', publisher: 'news', published: PUBLISHED, text: text.normalize('NFD') },
      snapshot,
    );
    expect(nfd.map((p) => p.id)).toEqual(article.map((p) => p.id));
    expect(documentIdFor(text)).toBe(
      `doc-${createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 12)}`,
    );
    expect(documentIdFor(text.normalize('NFD'))).toBe(documentIdFor(text));
  });
});

describe('corroboration', () => {
  it('turns a restated relationship into a CITATION of it, and proposes no duplicate of any held one', () => {
    // The whole seed: every entity (so new entities never take a held id) and every relationship.
    const full = graphSnapshot(seed.entities, seed.relationships);
    const ps = extractProposals({ title: 't', publisher: 'p', published: PUBLISHED, text }, full);
    checkInvariants(ps, text, full);
    const share = ps.find((p) => p.citation?.type === 'PRODUCES');
    expect(share?.citation).toMatchObject({
      relationshipId: 'produces:china:rare-earth-elements:processing:2025',
      citation: { quote: 'China controls nearly 90 percent of global processing capacity' },
    });
    const office = ps.find(
      (p) => p.citation?.relationshipId === 'holds-office:scott-bessent:us-treasury:treasury-secretary',
    );
    expect(office?.type).toBe('CITATION');
    for (const p of ps.filter((x) => x.type === 'RELATIONSHIP')) {
      const r = p.relationship!;
      expect(
        full.relationships.some(
          (h) =>
            h.type === r.type &&
            h.from === r.from &&
            h.to === r.to &&
            (h.title ?? r.title) === r.title &&
            (h.stage ?? r.stage) === r.stage &&
            (h.year ?? r.year) === r.year,
        ),
        `${r.type} ${r.from} ${r.to}`,
      ).toBe(false);
    }
  });

  it('keeps a RELATIONSHIP when a key property differs from the held one', () => {
    const held = {
      id: 'produces:china:rare-earth-elements:processing:2024',
      type: 'PRODUCES' as const,
      from: 'china',
      to: 'rare-earth-elements',
      stage: 'PROCESSING',
      year: 2024,
    };
    const ps = extractProposals(
      { title: 't', publisher: 'p', published: PUBLISHED, text },
      { ...snapshot, relationships: [held] },
    );
    expect(ps.find((p) => p.relationship?.type === 'PRODUCES')?.relationship).toMatchObject({ year: 2025 });
    expect(ps.some((p) => p.type === 'CITATION')).toBe(false);
  });
});

describe('mentions', () => {
  const entities: SnapshotEntity[] = [
    { id: 'scott-bessent', kind: 'PERSON', name: 'Scott Bessent' },
    { id: 'xi-jinping', kind: 'PERSON', name: 'Xi Jinping', aliases: ['Xi'] },
    {
      id: 'us-treasury',
      kind: 'ORGANIZATION',
      name: 'U.S. Department of the Treasury',
      aliases: ['Treasury'],
    },
    { id: 'societe-generale', kind: 'ORGANIZATION', name: 'Société Générale' },
    { id: 'united-states', kind: 'COUNTRY', name: 'United States' },
    { id: 'china', kind: 'COUNTRY', name: 'China' },
    { id: 'australia', kind: 'COUNTRY', name: 'Australia' },
    { id: 'japan', kind: 'COUNTRY', name: 'Japan' },
    { id: 'world', kind: 'COUNTRY', name: 'World', aliases: ['global'] },
    { id: 'fentanyl', kind: 'MATERIAL', name: 'Fentanyl' },
  ];
  const gazetteer = new Gazetteer(entities);
  const found = (t: string) => gazetteer.match(t).map((m) => [t.slice(m.start, m.end), m.id, m.via]);

  it('matches a titled person by name and by surname, the title staying outside the mention', () => {
    expect(found('Treasury Secretary Scott Bessent said. Bessent added.')).toEqual([
      ['Treasury', 'us-treasury', 'alias'],
      ['Scott Bessent', 'scott-bessent', 'name'],
      ['Bessent', 'scott-bessent', 'surname'],
    ]);
  });

  it('folds case and accents on names of several words', () => {
    expect(found('shares of SOCIETE GENERALE and of société générale')).toEqual([
      ['SOCIETE GENERALE', 'societe-generale', 'name'],
      ['société générale', 'societe-generale', 'name'],
    ]);
  });

  it('reads demonyms and capitals as countries, and keeps the case of short labels and proper names', () => {
    expect(found('Chinese, U.S., American, Australian and Japanese officials in Beijing')).toEqual([
      ['Chinese', 'china', 'demonym'],
      ['U.S.', 'united-states', 'demonym'],
      ['American', 'united-states', 'demonym'],
      ['Australian', 'australia', 'demonym'],
      ['Japanese', 'japan', 'demonym'],
      ['Beijing', 'china', 'demonym'],
    ]);
    expect(found('the sword they have over us in the whole world, global markets')).toEqual([]);
    expect(found('xi and Xi; fentanyl')).toEqual([
      ['Xi', 'xi-jinping', 'alias'],
      ['fentanyl', 'fentanyl', 'name'],
    ]);
  });

  it('resolves "he" to the last person named, unless that sentence named two', () => {
    const t =
      '“We want stability,” he said. Scott Bessent spoke. “It is a step,” he said. Bessent met Xi Jinping. He left.';
    const per = mentionsOf(t, splitSentences(t), gazetteer).map((ms) =>
      ms.filter((m) => m.via === 'pronoun').map((m) => m.id),
    );
    expect(per).toEqual([[], [], ['scott-bessent'], [], []]);
  });
});

describe('dates and numbers', () => {
  const on = (t: string, published = PUBLISHED) =>
    findDates(t, published).map((d) => [t.slice(d.start, d.end), d.value, d.role]);

  it('resolves weekdays, months and years against the publication day', () => {
    expect(on('The suspension announced Thursday')).toEqual([['Thursday', '2025-10-30', 'on']]);
    expect(on('The United States signaled on Sunday (Nov 2)')).toEqual([
      ['Sunday', '2025-11-02', 'on'],
      ['Nov 2', '2025-11-02', 'on'],
    ]);
    expect(on('restrictions imposed in October')).toEqual([['in October', '2025-10', 'on']]);
    expect(on('He warned last month')).toEqual([['last month', '2025-10', 'on']]);
    expect(on('controls announced in December', '2026-01-15')).toEqual([['in December', '2025-12', 'on']]);
    expect(on('suspends the controls until November 10 next year', '2025-12-05')).toEqual([
      ['November 10 next year', '2026-11-10', 'until'],
    ]);
    expect(on('effective from 10 November 2025, rattled markets in 2019')).toEqual([
      ['10 November 2025', '2025-11-10', 'from'],
      ['in 2019', '2019', 'on'],
    ]);
    expect(on('Bessent said last year', '2026-02-27')).toEqual([['last year', '2025', 'on']]);
  });

  it('keeps numbers with their unit and qualifier', () => {
    const n = (t: string) => findNumbers(t).map(({ value, unit, qualifier }) => ({ value, unit, qualifier }));
    expect(n('China controls nearly 90 percent')).toEqual([
      { value: 90, unit: 'percent', qualifier: 'nearly' },
    ]);
    expect(n('worth more than $1.25 billion')).toEqual([
      { value: 1250000000, unit: 'USD', qualifier: 'more than' },
    ]);
    expect(n('about 10,000 tonnes a year, 26 investments worth C$6.4 billion')).toEqual([
      { value: 10000, unit: 't', qualifier: 'about' },
      { value: 26, unit: '', qualifier: undefined },
      { value: 6400000000, unit: 'CAD', qualifier: undefined },
    ]);
    expect(n('a trade war in 2019')).toEqual([]);
  });
});

describe('own annotated texts', () => {
  it('hold the invariants, and resolve their relative dates against their own publication day', async () => {
    const texts = await annotatedTexts();
    expect(texts.map((t) => t.name)).toEqual([
      'allied-frameworks',
      'china-general-licences',
      'us-magnet-money',
    ]);
    for (const t of texts)
      checkInvariants(extractProposals({ ...t.document, text: t.text }, snapshot), t.text, snapshot);
    const licences = texts.find((t) => t.name === 'china-general-licences')!;
    const ps = extractProposals({ ...licences.document, text: licences.text }, snapshot);
    const suspends = rels(ps).find((x) => x.type === 'SUSPENDS')!;
    expect(suspends.validUntil).toBe('2026-11-10');
    const said = rels(ps).find((x) => x.type === 'SAID' && x.from === 'mofcom')!;
    expect(entity(ps, said.to)!.date).toBe('2025-12-04');
  });
});

describe('the eval gold set and the README', () => {
  it('has as many gold relationships as seed/ files cite the founding article', async () => {
    const files = (await readdir(DEFAULT_SEED_DIR)).filter((f) => f.endsWith('.yaml'));
    let count = 0;
    for (const f of files) {
      const doc = parse(await readFile(path.join(DEFAULT_SEED_DIR, f), 'utf8')) as {
        relationships?: { citations: { source: string }[] }[];
      } | null;
      count += (doc?.relationships ?? []).filter((r) =>
        r.citations.some((c) => c.source === 'source-article'),
      ).length;
    }
    expect(articleGold(seed)).toHaveLength(count);
    expect(count).toBe(126);
  });

  it('shows the cue table of the code in src/domain/ingest/README.md', async () => {
    const readme = await readFile(
      path.resolve(import.meta.dirname, '../src/domain/ingest/README.md'),
      'utf8',
    );
    const table = /<!-- cue-table:start -->\n([^]*?)\n<!-- cue-table:end -->/.exec(readme)?.[1];
    expect(table).toBe(cueTableMarkdown());
  });
});
