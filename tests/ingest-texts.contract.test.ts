import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AS_EDITOR, WRITE_ENV } from '../scripts/support/credentials.js';
import { documentIdFor } from '../src/domain/ingest/ids.js';
import { graphSnapshot } from '../src/domain/ingest/snapshot.js';
import { loadSeed } from '../src/store/seed/seed-loader.js';
import { STORE_FIXTURES, useApi } from './support/stores.js';

/*
 * Issue 17, done means: the founding article and our own texts (bench/ingest-eval/texts) go
 * through ingest, review and accept over the API, with the real extractor, on both stores.
 * The founding article is ingested into the seed, which already holds most of its facts: those
 * come back as CITATION proposals corroborating the seed's relationships, not as duplicates.
 * Each own text is bulk-accepted, and the facts its hand annotation (*.facts.yaml) lists are
 * then read back over GraphQL with a citation of the document quoting its text verbatim.
 */

const TEXTS = path.resolve(import.meta.dirname, '../bench/ingest-eval/texts');

const INGEST = `mutation($input: IngestDocumentInput!) {
  ingestDocument(input: $input, note: "weekly reading") { document { id name } proposals newProposals }
}`;
const PROPOSALS = `query($document: ID!, $after: String) {
  proposals(document: $document, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id type status quote offset rule entity { id kind name } relationship { type from to }
      citation { relationshipId sourceId quote } }
  }
}`;
const BULK = `mutation($document: ID!) {
  acceptProposals(document: $document, note: "reviewed against the text") {
    accepted refused remaining outcomes { accepted code message proposal { id type } }
  }
}`;
const ENTITY = `query($id: ID!) { entity(id: $id) { id kind name } }`;
const SEARCH = `query($text: String!) { search(text: $text) { totalCount nodes { id } } }`;
const OUTGOING = `query($id: ID!, $type: RelationType!) {
  entity(id: $id) {
    relationships(types: [$type], direction: OUT, first: 100) {
      nodes { id to { id } citations { quote source { id } } }
    }
  }
}`;
const RELATIONSHIP = `query($id: ID!) { relationship(id: $id) { id type from { id } to { id } citations { quote source { id } } } }`;

interface Node {
  id: string;
  type: 'ENTITY' | 'RELATIONSHIP' | 'CITATION';
  status: string;
  quote: string;
  offset: number;
  rule: string;
  entity: { id: string; kind: string; name: string } | null;
  relationship: { type: string; from: string; to: string } | null;
  citation: { relationshipId: string; sourceId: string; quote: string } | null;
}
interface Fact {
  type: string;
  from: string;
  to: string;
}
interface Annotation {
  document: { title: string; publisher: string; published: string };
  facts: Fact[];
}

const seed = await loadSeed();
const article = seed.entities.find((e) => e.id === 'source-article')!;
const articleText = article.text!;
const articleInput = {
  text: articleText,
  title: article.name,
  // seed/sources.yaml names no publisher for the founding article.
  publisher: article.publisher ?? 'News article (seed/sources.yaml: source-article)',
  published: article.date!,
};

const ownTexts = await Promise.all(
  ['allied-frameworks', 'china-general-licences', 'us-magnet-money'].map(async (name) => ({
    name,
    text: await readFile(path.join(TEXTS, `${name}.txt`), 'utf8'),
    annotation: parse(await readFile(path.join(TEXTS, `${name}.facts.yaml`), 'utf8')) as Annotation,
  })),
);

/**
 * The annotated facts each text's accept leaves cited by it (type:from>to, all from its
 * *.facts.yaml); the rest of each annotation is what the rules miss (see src/domain/ingest/README.md).
 */
const CITED: Record<string, string[]> = {
  'allied-frameworks': [
    'HOLDS_OFFICE:donald-trump>united-states',
    'HOLDS_OFFICE:xi-jinping>china',
    'DEPENDS_ON:united-states>china',
    'OPERATES:arafura>arafura-nolans',
    'PRODUCES:china>rare-earth-elements',
  ],
  'china-general-licences': [
    'HOLDS_OFFICE:donald-trump>united-states',
    'HOLDS_OFFICE:xi-jinping>china',
    'PRODUCES:china>rare-earth-elements',
    'HOLDS_OFFICE:scott-bessent>us-treasury',
  ],
  'us-magnet-money': [
    'OPERATES:mp-materials>mp-10x-magnet-plant',
    'INVESTED_IN:us-office-of-strategic-capital>vulcan-elements',
    'INVESTED_IN:us-department-of-commerce>vulcan-elements',
    'PRODUCES:china>rare-earth-elements',
    'HOLDS_OFFICE:scott-bessent>us-treasury',
  ],
};

const key = (f: Fact) => `${f.type}:${f.from}>${f.to}`;
const count = (nodes: Node[]) =>
  Object.fromEntries(
    ['ENTITY', 'RELATIONSHIP', 'CITATION'].map((t) => [t, nodes.filter((n) => n.type === t).length]),
  );

describe.each(STORE_FIXTURES)(
  'real texts through ingest, review and accept on the $name store',
  (fixture) => {
    const ctx = useApi(fixture, WRITE_ENV);
    const all = async (document: string) => {
      const nodes: Node[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = (
          await ctx.api.data(PROPOSALS, { document, after }, AS_EDITOR)
        ).proposals;
        nodes.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) return nodes;
        after = page.pageInfo.endCursor;
      }
    };
    /** The citations of `fact` (an outgoing relationship of its type between its ends) by `document`. */
    const citationsOf = async (fact: Fact, document: string) => {
      const entity = (await ctx.api.data(OUTGOING, { id: fact.from, type: fact.type })).entity;
      return (entity?.relationships.nodes ?? [])
        .filter((r: { to: { id: string } }) => r.to.id === fact.to)
        .flatMap((r: { citations: { quote: string; source: { id: string } }[] }) => r.citations)
        .filter((c: { source: { id: string } }) => c.source.id === document);
    };

    it('the extraction snapshot is the whole graph as extraction sees it, read in one call', async () => {
      const { entities, relationships } = await ctx.store.exportAll();
      const snapshot = await ctx.store.extractionSnapshot();
      expect(snapshot).toEqual(graphSnapshot(entities, relationships));
      expect(snapshot.entities.length).toBe(entities.filter((e) => e.kind !== 'SOURCE').length);
      expect(snapshot.entities.find((e) => e.id === 'mt-weld')).toEqual({
        id: 'mt-weld',
        kind: 'FACILITY',
        name: 'Mt Weld mine',
        aliases: ['Mount Weld'],
      });
      expect(
        snapshot.relationships.find((r) => r.id === 'produces:china:rare-earth-elements:processing:2025'),
      ).toMatchObject({
        type: 'PRODUCES',
        from: 'china',
        to: 'rare-earth-elements',
        stage: 'PROCESSING',
        year: 2025,
      });
    });

    it('the founding article against the seed: the facts the seed holds come back as citations of them', async () => {
      const docId = documentIdFor(articleText);
      const out = (await ctx.api.data(INGEST, { input: articleInput }, AS_EDITOR)).ingestDocument;
      expect(out).toEqual({
        document: { id: docId, name: article.name },
        proposals: 112,
        newProposals: 112,
      });
      const nodes = await all(docId);
      expect(nodes).toHaveLength(112);
      expect(count(nodes)).toEqual({ ENTITY: 27, RELATIONSHIP: 64, CITATION: 21 });
      for (const n of nodes) expect(articleText.slice(n.offset, n.offset + n.quote.length)).toBe(n.quote);

      // Every CITATION proposal names a seed relationship, one the seed already cites the article for.
      const cited = nodes.filter((n) => n.type === 'CITATION').map((n) => n.citation!.relationshipId);
      const seedRels = new Map(seed.relationships.map((r) => [r.id, r]));
      for (const id of cited) {
        expect(seedRels.has(id), id).toBe(true);
        expect(seedRels.get(id)!.citations.some((c) => c.sourceId === 'source-article')).toBe(true);
      }
      // China's share of processing, the fentanyl source and the reliance on China: citations, not duplicates.
      expect(cited).toEqual(
        expect.arrayContaining([
          'produces:china:rare-earth-elements:processing:2025',
          'source-of:china:fentanyl',
          'depends-on:united-states:china',
          'holds-office:scott-bessent:us-treasury:treasury-secretary',
        ]),
      );
      const produces = nodes.find((n) => n.citation?.relationshipId.startsWith('produces:china:'))!;
      expect(produces).toMatchObject({
        rule: 'share-of-world',
        quote: 'China controls nearly 90 percent of global processing capacity',
        citation: { sourceId: docId },
      });
      const duplicates = nodes.filter(
        (n) =>
          n.relationship &&
          seed.relationships.some(
            (r) =>
              r.type === n.relationship!.type &&
              r.from === n.relationship!.from &&
              r.to === n.relationship!.to,
          ),
      );
      expect(duplicates).toEqual([]);
      // The suspension: the seed names its measures otherwise, so it is proposed between two new measures.
      const suspends = nodes.find((n) => n.relationship?.type === 'SUSPENDS')!;
      expect(suspends.quote).toContain('Beijing announced a one-year suspension of export restrictions');
      expect(suspends.relationship).toEqual({
        type: 'SUSPENDS',
        from: 'china-s-one-year-suspension-of-the-export-restrictions-2025',
        to: 'china-s-export-restrictions-2025-10',
      });

      // Before any accept, nothing of it is served.
      const statement = nodes.find((n) => n.entity?.id.startsWith('scott-bessent-now-this-administration'))!;
      expect((await ctx.api.data(ENTITY, { id: statement.entity!.id })).entity).toBeNull();
      expect((await ctx.api.data(SEARCH, { text: 'warp speed' })).search.nodes).not.toContainEqual({
        id: statement.entity!.id,
      });
      const before = (await ctx.api.data(RELATIONSHIP, { id: produces.citation!.relationshipId }))
        .relationship;
      expect(before.citations.map((c: { source: { id: string } }) => c.source.id)).not.toContain(docId);

      const bulk = (await ctx.api.data(BULK, { document: docId }, AS_EDITOR)).acceptProposals;
      expect({ accepted: bulk.accepted, refused: bulk.refused, remaining: bulk.remaining }).toEqual({
        accepted: 112,
        refused: 0,
        remaining: 0,
      });
      expect(bulk.outcomes[0].proposal.type).toBe('ENTITY');

      const after = (await ctx.api.data(RELATIONSHIP, { id: produces.citation!.relationshipId }))
        .relationship;
      expect(after.citations).toContainEqual({
        quote: 'China controls nearly 90 percent of global processing capacity',
        source: { id: docId },
      });
      expect((await ctx.api.data(ENTITY, { id: statement.entity!.id })).entity).toEqual({
        id: statement.entity!.id,
        kind: 'STATEMENT',
        name: statement.entity!.name,
      });
      expect((await ctx.api.data(SEARCH, { text: 'warp speed' })).search.nodes).toContainEqual({
        id: statement.entity!.id,
      });
      const said = await citationsOf(
        { type: 'SAID', from: 'scott-bessent', to: statement.entity!.id },
        docId,
      );
      expect(said).toHaveLength(1);
      expect(articleText).toContain(said[0].quote);

      const again = (await ctx.api.data(INGEST, { input: articleInput }, AS_EDITOR)).ingestDocument;
      expect(again).toMatchObject({ document: { id: docId }, newProposals: 0 });
    });

    it.each(ownTexts)(
      '$name: bulk-accepted, its annotated facts are cited by it verbatim',
      async ({ name, text, annotation }) => {
        const docId = documentIdFor(text);
        const input = { text, ...annotation.document };
        const out = (await ctx.api.data(INGEST, { input }, AS_EDITOR)).ingestDocument;
        expect(out.document).toEqual({ id: docId, name: annotation.document.title });
        expect(out.newProposals).toBe(out.proposals);
        const nodes = await all(docId);
        expect(nodes.every((n) => n.status === 'PENDING')).toBe(true);
        const facts = annotation.facts;
        const cited = async () => {
          const found: string[] = [];
          for (const fact of facts) {
            const citations = await citationsOf(fact, docId);
            for (const c of citations) expect(text).toContain(c.quote);
            if (citations.length > 0) found.push(key(fact));
          }
          return found;
        };
        expect(await cited()).toEqual([]);
        for (const n of nodes.filter((n) => n.type === 'ENTITY'))
          expect((await ctx.api.data(ENTITY, { id: n.entity!.id })).entity).toBeNull();

        const bulk = (await ctx.api.data(BULK, { document: docId }, AS_EDITOR)).acceptProposals;
        expect(bulk).toMatchObject({ accepted: nodes.length, refused: 0, remaining: 0 });
        const found = await cited();
        expect(found).toEqual(CITED[name]);
        expect(found.every((f) => facts.some((fact) => key(fact) === f))).toBe(true);

        const again = (await ctx.api.data(INGEST, { input }, AS_EDITOR)).ingestDocument;
        expect(again).toEqual({
          document: { id: docId, name: annotation.document.title },
          proposals: nodes.length,
          newProposals: 0,
        });
      },
    );
  },
);
