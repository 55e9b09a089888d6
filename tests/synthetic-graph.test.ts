import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../bench/synthetic.js';
import { ENTITY_KINDS } from '../src/domain/model.js';
import { checkGraph } from '../src/store/seed/seed-check.js';

/* The benchmark's synthetic graph: deterministic from its seed number, of the requested size, and valid by the seed's own rules. */

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('synthetic graph generator', () => {
  const graph = generateGraph(10_000, 1);

  it('gives the same graph for the same seed and size, another for another seed', () => {
    expect(digest(generateGraph(10_000, 1))).toBe(digest(graph));
    expect(digest(generateGraph(10_000, 2))).not.toBe(digest(graph));
  });

  it('has the requested number of relationships, within 5%', () => {
    for (const size of [10_000, 50_000]) {
      const count =
        size === 10_000 ? graph.relationships.length : generateGraph(size, 1).relationships.length;
      expect(Math.abs(count - size) / size).toBeLessThan(0.05);
    }
  });

  it('passes the seed validator: unique ids, allow-listed types between allowed kinds, every fact cited by a source', () => {
    const located = <T>(records: T[]) => records.map((record) => ({ file: 'synthetic', record }));
    expect(checkGraph(located(graph.entities), located(graph.relationships), new Map())).toEqual([]);
  });

  it('has the seed shape: the kinds the queries use, several relationship types, probes that exist', () => {
    const kinds = new Set(graph.entities.map((e) => e.kind));
    for (const kind of [
      'COUNTRY',
      'ALLIANCE',
      'ORGANIZATION',
      'FACILITY',
      'MATERIAL',
      'AGREEMENT',
      'COMMITMENT',
      'STATEMENT',
      'SOURCE',
      'PERSON',
    ] as const) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    expect(ENTITY_KINDS.length - kinds.size).toBeLessThanOrEqual(1);
    expect(new Set(graph.relationships.map((r) => r.type)).size).toBeGreaterThanOrEqual(15);
    const ids = new Set(graph.entities.map((e) => e.id));
    const { companies, materials, pathPairs, alliedWith, excluding } = graph.probes;
    for (const id of [...companies, ...materials, ...pathPairs.flat(), alliedWith, excluding])
      expect(ids.has(id), id).toBe(true);
    expect(companies.length).toBe(12);
  });
});
