import type { Entity } from '../src/domain/entity.js';
import type { EntityKind, FacilityStatus, RelationType, SupplyStage } from '../src/domain/model.js';
import {
  relationshipId,
  type Citation,
  type Relationship,
  type RelationshipProperties,
} from '../src/domain/relationship.js';
import { WORLD_ID } from '../src/domain/supply.js';

/*
 * A synthetic graph of the seed's shape (countries, alliances, companies, facilities,
 * materials, agreements, commitments, measures, events, persons, statements, sources and their
 * citations), deterministic from a seed number, at a chosen number of relationships. It grows
 * in "blocks" of about 1,000 relationships; the shared pools (countries, alliances, materials,
 * material groups) grow with the block count, so an entity's degree stays about the same
 * whatever the size: what grows is the graph, not the answer to one query.
 */

/** What a generated graph holds. */
export interface SyntheticGraph {
  entities: Entity[];
  relationships: Relationship[];
  /** Ids the benchmark's queries ask about (all exist in the graph). */
  probes: Probes;
}

/** Ids for the query mix, several of each so a load run does not ask one thing only. */
export interface Probes {
  companies: string[];
  materials: string[];
  /** Pairs joined by a short path. */
  pathPairs: [string, string][];
  /** Words of company names, for the filtered list. */
  words: string[];
  /** The country suppliers qualify through (the "United States" of the synthetic graph). */
  alliedWith: string;
  /** The country cut off (the "China" of the synthetic graph). */
  excluding: string;
}

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; same seed, same sequence. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'nor',
  'vex',
  'tal',
  'mir',
  'ora',
  'kel',
  'dun',
  'sar',
  'bri',
  'lum',
  'cor',
  'zen',
  'pra',
  'qui',
  'hal',
  'ter',
];
const STAGES: SupplyStage[] = ['MINING', 'PROCESSING', 'SEPARATION', 'METAL', 'MAGNETS'];
const STATUSES: FacilityStatus[] = ['OPERATING', 'OPERATING', 'RAMPING', 'UNDER_CONSTRUCTION', 'PLANNED'];
const pad = (n: number, width = 5) => String(n).padStart(width, '0');

/** Relationships a block adds, measured (with its share of the pools): blocks = target / this. */
const RELATIONSHIPS_PER_BLOCK = 833;

class Builder {
  readonly entities: Entity[] = [];
  readonly relationships: Relationship[] = [];
  private readonly relIds = new Set<string>();
  readonly random: () => number;

  constructor(seed: number) {
    this.random = prng(seed);
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  word(): string {
    const w = this.pick(SYLLABLES) + this.pick(SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  }

  entity(kind: EntityKind, id: string, name: string, attributes: Partial<Entity> = {}): string {
    this.entities.push({ ...attributes, id, kind, name, origin: 'SEED' });
    return id;
  }

  /** Adds a relationship with one or two citations of `sources`; a repeat of an id is dropped. */
  rel(
    type: RelationType,
    from: string,
    to: string,
    sources: readonly string[],
    props: RelationshipProperties = {},
  ): void {
    const id = relationshipId(type, from, to, props);
    if (this.relIds.has(id)) return;
    this.relIds.add(id);
    const citations: Citation[] = [
      { sourceId: this.pick(sources), locator: `synthetic table ${this.int(100)}, row ${this.int(1000)}` },
    ];
    if (this.random() < 0.1)
      citations.push({ sourceId: this.pick(sources), locator: `synthetic appendix ${this.int(20)}` });
    this.relationships.push({ id, type, from, to, citations, origin: 'SEED', ...props });
  }
}

/** The shared pools: countries (with alliances, world rows and group production), materials, groups. */
function pools(b: Builder, blocks: number) {
  const sources = Array.from({ length: 10 + blocks }, (_, i) =>
    b.entity('SOURCE', `syn-source-${pad(i)}`, `Synthetic source ${i}`, {
      publisher: 'Synthetic Press',
      date: '2025-06-01',
    }),
  );
  const countries = Array.from({ length: 20 + blocks }, (_, i) =>
    b.entity('COUNTRY', `syn-country-${pad(i)}`, `${b.word()}land ${i}`),
  );
  const alliances = Array.from({ length: 3 + Math.floor(blocks / 10) }, (_, i) =>
    b.entity('ALLIANCE', `syn-alliance-${pad(i)}`, `Alliance ${i}`),
  );
  const groups = Array.from({ length: 1 + Math.floor(blocks / 20) }, (_, i) =>
    b.entity('MATERIAL', `syn-group-${pad(i)}`, `Material group ${i}`),
  );
  const materials = Array.from({ length: 10 + blocks }, (_, i) =>
    b.entity('MATERIAL', `syn-material-${pad(i)}`, `${b.word()}ium ${i}`, {
      symbol: `S${i}`,
      atomicNumber: 100 + i,
      reeClass: i % 2 ? 'HEAVY' : 'LIGHT',
    }),
  );
  const world = b.entity('COUNTRY', WORLD_ID, 'World');
  materials.forEach((m, i) => b.rel('PART_OF', m, groups[i % groups.length]!, sources));
  countries.forEach((c, i) => {
    b.rel('MEMBER_OF', c, alliances[i % alliances.length]!, sources, { validFrom: '2020' });
    if (i % 2 === 0)
      b.rel('MEMBER_OF', c, alliances[(i + 1) % alliances.length]!, sources, { validFrom: '2021-03' });
  });
  for (const g of groups) {
    for (const year of [2023, 2024]) {
      let total = 0;
      for (let k = 0; k < 8; k++) {
        const volume = 1000 + b.int(50_000);
        total += volume;
        b.rel('PRODUCES', b.pick(countries), g, sources, {
          stage: 'MINING',
          year,
          volume,
          unit: 't REO',
          basis: 'GROUP',
          confidence: 'CONFIRMED',
        });
      }
      b.rel('PRODUCES', world, g, sources, {
        stage: 'MINING',
        year,
        volume: total + b.int(10_000),
        unit: 't REO',
        basis: 'GROUP',
      });
    }
  }
  for (const m of materials) {
    for (let k = 0; k < 3; k++)
      b.rel('PRODUCES', b.pick(countries), m, sources, {
        stage: 'SEPARATION',
        year: 2024,
        share: 5 + b.int(30),
      });
  }
  return { sources, countries, alliances, materials };
}

type Pools = ReturnType<typeof pools>;

/** One block: companies, facilities, people, statements, events, agreements, commitments, measures. */
function block(b: Builder, n: number, p: Pools, probes: Probes): void {
  const id = (kind: string, i: number) => `syn-${kind}-${pad(n)}-${i}`;
  const src = [b.pick(p.sources), b.pick(p.sources), b.pick(p.sources)];
  const companies = Array.from({ length: 40 }, (_, i) => {
    const word = b.word();
    if (i === 0) probes.words.push(word);
    const c = b.entity('ORGANIZATION', id('company', i), `${word} Rare Metals ${n}-${i}`, {
      category: 'company',
    });
    b.rel('LOCATED_IN', c, b.pick(p.countries), src);
    return c;
  });
  probes.companies.push(companies[0]!);
  for (let i = 0; i < 100; i++) {
    const f = b.entity('FACILITY', id('facility', i), `${b.word()} plant ${n}-${i}`, {
      status: b.pick(['OPERATING', 'PLANNED'] as const),
    });
    b.rel('LOCATED_IN', f, b.pick(p.countries), src);
    b.rel('OPERATES', b.pick(companies), f, src);
    if (b.random() < 0.3) b.rel('OPERATES', b.pick(companies), f, src, { validFrom: '2024' });
    for (let k = 0; k < 3; k++) {
      const status = b.pick(STATUSES);
      b.rel('PRODUCES', f, b.pick(p.materials), src, {
        stage: b.pick(STAGES),
        status,
        ...(b.random() < 0.7 && { capacity: 100 * (1 + b.int(50)), unit: 't/y' }),
        ...(status !== 'OPERATING' && { validFrom: String(2025 + b.int(4)) }),
        confidence: 'SECONDARY',
      });
    }
  }
  const people = Array.from({ length: 20 }, (_, i) => {
    const person = b.entity('PERSON', id('person', i), `${b.word()} ${b.word()} ${n}-${i}`);
    b.rel('HOLDS_OFFICE', person, i % 2 ? b.pick(companies) : b.pick(p.countries), src, {
      title: i % 2 ? 'Chief Executive' : 'Minister',
    });
    return person;
  });
  const events = Array.from({ length: 4 }, (_, i) => {
    const e = b.entity('EVENT', id('event', i), `Summit ${n}-${i}`, {
      date: `2025-${pad(1 + b.int(12), 2)}-${pad(1 + b.int(28), 2)}`,
    });
    b.rel('HELD_IN', e, b.pick(p.countries), src);
    for (let k = 0; k < 3; k++) b.rel('PARTICIPATED_IN', b.pick(people), e, src);
    return e;
  });
  for (let i = 0; i < 40; i++) {
    const s = b.entity('STATEMENT', id('statement', i), `Statement ${n}-${i}`, {
      text: `Words ${n}-${i}`,
      date: '2025-11-02',
    });
    b.rel('SAID', b.pick(people), s, src);
    b.rel('MADE_AT', s, b.pick(events), src);
    b.rel('CONCERNS', s, b.pick(p.materials), src);
    b.rel('CLAIMS', b.pick(src), s, src);
  }
  for (let i = 0; i < 4; i++) {
    const a = b.entity('AGREEMENT', id('agreement', i), `Accord ${n}-${i}`, {
      date: '2025-10-30',
      validFrom: '2025-11-10',
      validUntil: '2026-11-10',
    });
    b.rel('RESULTED_IN', events[i]!, a, src);
    const parties = [b.pick(p.countries), b.pick(p.countries), b.pick(companies)];
    for (const party of parties) b.rel('PARTY_TO', party, a, src);
    for (let k = 0; k < 3; k++) {
      const c = b.entity('COMMITMENT', id(`commitment-${i}`, k), `Commitment ${n}-${i}-${k}`, {
        text: `Promise ${k}`,
      });
      b.rel('PART_OF', c, a, src);
      b.rel('COMMITTED_TO', parties[k]!, c, src);
      b.rel('CONCERNS', c, b.pick(p.materials), src);
    }
  }
  for (let i = 0; i < 5; i++) {
    const m = b.entity('MEASURE', id('measure', i), `Control ${n}-${i}`, {
      measureType: 'EXPORT_CONTROL',
      date: '2025-10-09',
      validFrom: '2025-11-08',
    });
    b.rel('ISSUED', b.pick(p.countries), m, src);
    b.rel('APPLIES_TO', m, b.pick(p.materials), src);
  }
}

/**
 * A graph of about `relationships` relationships (at least one block of about 1,000),
 * identical for identical arguments. Every relationship is of an allow-listed type between
 * kinds the allow-list allows and cites one or two of the graph's sources.
 */
export function generateGraph(relationships: number, seed = 1): SyntheticGraph {
  const b = new Builder(seed);
  const blocks = Math.max(1, Math.round(relationships / RELATIONSHIPS_PER_BLOCK));
  const p = pools(b, blocks);
  const probes: Probes = {
    companies: [],
    materials: [],
    pathPairs: [],
    words: [],
    alliedWith: p.countries[0]!,
    excluding: p.countries[1]!,
  };
  for (let n = 0; n < blocks; n++) block(b, n, p, probes);
  probes.materials.push(...p.materials.slice(0, 20));
  const people = b.entities.filter((e) => e.kind === 'PERSON');
  for (let i = 0; i < 20; i++) probes.pathPairs.push([b.pick(probes.companies), b.pick(people).id]);
  probes.companies.splice(20);
  probes.words.splice(20);
  return { entities: b.entities, relationships: b.relationships, probes };
}
