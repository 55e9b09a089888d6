import type { Proposal } from '../../src/domain/ingest/proposal.js';
import type { Extractor } from '../../src/schema/ingest/extractor.js';
import { documentIdFor } from '../../src/domain/ingest/ids.js';

/*
 * A small deterministic extractor the review tests plant in the temporary adapter
 * (src/schema/ingest/extractor.ts), so that they test review and ingest, not extraction.
 */

/**
 * The planted extractor: "<Name> now operates the Mount Weld mine" proposes the organisation
 * (unless the graph has it) and its OPERATES relationship, depending on it; "Lynas operates the
 * Mount Weld mine" proposes a citation corroborating the OPERATES fact the graph holds.
 */
export const plantedExtractor: Extractor = (document, graph) => {
  const out: Proposal[] = [];
  const base = {
    documentId: documentIdFor(document.text),
    status: 'PENDING' as const,
    confidence: 0.9,
    dependsOn: [],
  };
  const found = /([A-Z][a-z]+ Minerals) now operates the Mount Weld mine in Western Australia/.exec(
    document.text,
  );
  if (found) {
    const name = found[1]!;
    const id = name.toLowerCase().replace(/ /g, '-');
    const entityProposal = `${documentIdFor(document.text)}:entity:${id}`;
    const intro = new RegExp(`The ${name} company was founded in Perth this year\\.`).exec(document.text)!;
    if (!graph.entities.some((e) => e.id === id))
      out.push({
        ...base,
        id: entityProposal,
        type: 'ENTITY',
        entity: { id, kind: 'ORGANIZATION', name, aliases: [] },
        quote: intro[0],
        offset: intro.index,
        rule: 'new-organisation',
      });
    out.push({
      ...base,
      id: `${documentIdFor(document.text)}:rel:${id}-operates-mt-weld`,
      type: 'RELATIONSHIP',
      relationship: {
        type: 'OPERATES',
        from: id,
        to: 'mt-weld',
        citations: [{ sourceId: documentIdFor(document.text), quote: found[0] }],
      },
      quote: found[0],
      offset: found.index,
      rule: 'operates',
      dependsOn: [entityProposal],
    });
  }
  const corroborates = /Lynas operates the Mount Weld mine, as it has for years\./.exec(document.text);
  const held = graph.relationships.find((r) => r.type === 'OPERATES' && r.to === 'mt-weld');
  if (corroborates && held)
    out.push({
      ...base,
      id: `${documentIdFor(document.text)}:cite:${held.id}`,
      type: 'CITATION',
      citation: {
        relationshipId: held.id,
        type: 'OPERATES',
        citation: { sourceId: documentIdFor(document.text), quote: corroborates[0] },
      },
      quote: corroborates[0],
      offset: corroborates.index,
      rule: 'operates',
    });
  return out;
};

/** A short text the planted extractor proposes three things from: an organisation, its OPERATES fact, a citation. */
export const textAbout = (name: string) =>
  `Mining news. The ${name} company was founded in Perth this year. ${name} now operates the Mount Weld mine in Western Australia, the company said on Monday. Lynas operates the Mount Weld mine, as it has for years.`;
