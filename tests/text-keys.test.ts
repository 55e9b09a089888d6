import { describe, expect, it } from 'vitest';
import { fold, searchKeysOf, searchRank, searchText, sortKeyOf, stem } from '../src/domain/text-keys.js';

describe('text folding (domain)', () => {
  it('folds accents and case', () => {
    expect(fold('Société Générale')).toBe('societe generale');
    expect(sortKeyOf('CNN') > sortKeyOf('Canada')).toBe(true);
  });

  it.each([
    ['allies', 'ally'],
    ['allied', 'ally'],
    ['ally', 'ally'],
    ['supplies', 'supply'],
    ['magnets', 'magnet'],
    ['processing', 'process'],
    ['licensed', 'licens'],
    ['licenses', 'licens'],
    ['stopped', 'stop'],
    ['status', 'status'],
    ['us', 'us'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('ranks exact name, exact alias, prefix, word, stem, substring', () => {
    const keys = searchKeysOf({
      name: 'US-allied rare earth supply chain coordination',
      aliases: ['allies'],
    });
    const rank = (q: string) => searchRank(keys, searchText(q));
    expect(
      [
        'US-allied rare earth supply chain coordination',
        'ALLIES',
        'us-all',
        'earth supply',
        'ally',
        'coordinat',
        'zzz',
        '  ',
      ].map(rank),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 6]);
  });
});
