import { afterAll, describe, expect, it } from 'vitest';
import { boltMessagesMerged } from '../src/store/neo4j/bolt-messages.js';
import { Neo4jGateway } from '../src/store/neo4j/neo4j-gateway.js';
import { NEO4J_URI } from './support/neo4j-harness.js';

/*
 * src/store/neo4j/bolt-messages.ts copies a Bolt message that arrived in several parts into one
 * buffer before the driver decodes it. These records are megabytes, so they reach the driver in
 * many chunks and socket reads, with multi-byte characters (2, 3 and 4 bytes in UTF-8) falling
 * across the boundaries: every value must come back exactly as Neo4j built it.
 */

const WORDS = ['Dysprosium', 'Nd–Fe–B magnets', 'Zürich', '稀土元素', 'Xi Jinping’s', '🧲 magnet', ''];

/** What `ITEMS` builds, computed here. */
const expected = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `${WORDS[i % WORDS.length]} ${i}`,
    half: i / 2,
    tags: [WORDS[(i + 1) % WORDS.length], `é${i}`],
    nested: { id: `item-${i}`, flag: i % 3 === 0 },
  }));

const ITEMS = `RETURN [i IN range(0, toInteger($n) - 1) | {
  name: $words[i % size($words)] + ' ' + toString(i),
  half: i / 2.0,
  tags: [$words[(i + 1) % size($words)], 'é' + toString(i)],
  nested: {id: 'item-' + toString(i), flag: i % 3 = 0}
}] AS items`;

let gateway: Neo4jGateway | undefined;
afterAll(() => gateway?.close());

describe('Bolt messages in several parts', () => {
  it('are read from one buffer with the pinned driver', () => {
    expect(boltMessagesMerged).toBe(true);
  });

  it('decode exactly: one record of 30,000 maps (megabytes, many chunks) and many records of one each', async () => {
    gateway = await Neo4jGateway.connect({ uri: NEO4J_URI });
    const n = 30_000;
    const [one] = await gateway.readEach((tx) => tx.rows(ITEMS, { n, words: WORDS }));
    expect(JSON.stringify(one!.items).length).toBeGreaterThan(2_000_000);
    expect(one!.items).toStrictEqual(expected(n));
    const many = await gateway.readEach((tx) =>
      tx.rows(`${ITEMS.replace('RETURN', 'WITH')} UNWIND items AS item RETURN item`, {
        n: 2_000,
        words: WORDS,
      }),
    );
    expect(many.map((r) => r.item)).toStrictEqual(expected(2_000));
  });
});
