import { allowsEnds, type EntityKind } from '../model.js';
import { normaliseQuote } from '../quote.js';
import { relationshipKeyId } from '../relationship.js';
import { fold } from '../text-keys.js';
import { MIN_QUOTE_LENGTH, quoteLength } from '../text.js';
import { ReadingContext, type Candidate } from './context.js';
import { documentIdFor, proposalIdFor } from './ids.js';
import type { Span } from './nlp.js';
import type { IngestDocument, Proposal } from './proposal.js';
import { homeCountry, readDocument, readSentence } from './rules.js';
import type { GraphSnapshot, SnapshotRelationship } from './snapshot.js';

/*
 * Extraction: a document and a snapshot of the graph in, proposals out. Pure: the same
 * document and snapshot give the same proposals with the same ids.
 */

/** The order proposals come in: by offset, entities before what needs them. */
const TYPE_ORDER = { ENTITY: 0, RELATIONSHIP: 1, CITATION: 2 } as const;

/**
 * The proposals for `document` against `graph`: ENTITY proposals for entities the graph lacks
 * that a relationship needs, RELATIONSHIP proposals for facts the graph lacks, and CITATION
 * proposals where a relationship restates one the graph holds (same type and ends, and no key
 * property - stage, year, title - that differs). Every quote is a verbatim span of the NFC text.
 */
export function extractProposals(document: IngestDocument, graph: GraphSnapshot): Proposal[] {
  const text = document.text.normalize('NFC');
  const documentId = documentIdFor(text);
  const ctx = new ReadingContext(text, document.published, documentId, graph);
  ctx.home = homeCountry(ctx);
  for (const s of ctx.sentences) readSentence(ctx, s);
  readDocument(ctx);

  const kindOf = (id: string): EntityKind | undefined => ctx.kindOf(id);
  const kept = new Map<string, Candidate>();
  for (const c of ctx.candidates) {
    const [from, to] = [kindOf(c.from), kindOf(c.to)];
    if (!from || !to || !allowsEnds(c.type, from, to)) continue;
    const key = relationshipKeyId(c.type, c.from, c.to, c.props);
    const held = kept.get(key);
    if (!held || c.confidence > held.confidence) kept.set(key, c);
  }

  const proposals: Proposal[] = [];
  const entityProposal = new Map<string, string>();
  const quoteOf = (q: Span): { quote: string; offset: number } => widen(ctx, q);
  for (const c of kept.values())
    for (const end of [c.from, c.to]) {
      const d = ctx.drafts.get(end);
      if (!d || entityProposal.has(d.id)) continue;
      const { quote, offset } = quoteOf(d.quote);
      const entity = { id: d.id, kind: d.kind, name: d.name, ...d.attributes };
      const id = proposalIdFor(documentId, d.rule, ['ENTITY', d.kind, fold(d.name)]);
      entityProposal.set(d.id, id);
      proposals.push({
        id,
        documentId,
        type: 'ENTITY',
        status: 'PENDING',
        entity,
        quote,
        offset,
        confidence: d.confidence,
        rule: d.rule,
        dependsOn: [],
      });
    }
  for (const c of kept.values()) {
    const { quote, offset } = quoteOf(c.quote);
    const citation = { sourceId: documentId, quote };
    const dependsOn = [c.from, c.to].flatMap((e) => (entityProposal.has(e) ? [entityProposal.get(e)!] : []));
    const held = dependsOn.length === 0 ? corroborated(c, graph.relationships) : undefined;
    const base = {
      documentId,
      status: 'PENDING' as const,
      quote,
      offset,
      confidence: c.confidence,
      rule: c.rule,
      dependsOn,
    };
    if (held) {
      proposals.push({
        ...base,
        id: proposalIdFor(documentId, c.rule, ['CITATION', held.id, normaliseQuote(quote)]),
        type: 'CITATION',
        citation: { relationshipId: held.id, type: c.type, citation },
      });
    } else {
      proposals.push({
        ...base,
        id: proposalIdFor(documentId, c.rule, [
          'RELATIONSHIP',
          relationshipKeyId(c.type, c.from, c.to, c.props),
        ]),
        type: 'RELATIONSHIP',
        relationship: { type: c.type, from: c.from, to: c.to, ...c.props, citations: [citation] },
      });
    }
  }
  return proposals.sort(
    (a, b) => a.offset - b.offset || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || (a.id < b.id ? -1 : 1),
  );
}

/** The held relationship a candidate restates: same type and ends, no key property set on both that differs. */
function corroborated(c: Candidate, held: readonly SnapshotRelationship[]): SnapshotRelationship | undefined {
  const same = (a: string | number | undefined, b: string | number | undefined) =>
    a === undefined || b === undefined || fold(String(a)) === fold(String(b));
  return held.find(
    (r) =>
      r.type === c.type &&
      r.from === c.from &&
      r.to === c.to &&
      same(r.stage, c.props.stage) &&
      same(r.year, c.props.year) &&
      same(r.title, c.props.title),
  );
}

/** A span's text, widened to its sentence when shorter than a citation quote may be; white space trimmed. */
function widen(ctx: ReadingContext, q: Span): { quote: string; offset: number } {
  let { start, end } = q;
  if (quoteLength(ctx.text.slice(start, end)) < MIN_QUOTE_LENGTH) {
    const s = ctx.sentences.find((x) => start >= x.start && start < x.end);
    if (s) [start, end] = [Math.min(start, s.start), Math.max(end, s.end)];
  }
  const raw = ctx.text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { quote: raw.trim(), offset: start + lead };
}
