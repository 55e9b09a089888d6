import { describe, expect, it } from 'vitest';
import { bounds, holdsOn, isPartialDate } from '../src/domain/dates.js';
import type { Entity } from '../src/domain/entity.js';
import { lifecycleStatus } from '../src/domain/lifecycle.js';
import {
  decodeEntityCursor,
  decodeIdCursor,
  encodeEntityCursor,
  encodeIdCursor,
  seekInSorted,
  seekOf,
  type Seek,
} from '../src/domain/pagination.js';
import { compareText } from '../src/domain/order.js';
import { normaliseQuote } from '../src/domain/quote.js';
import { rankSearch } from '../src/domain/search.js';

describe('partial dates', () => {
  it('keep the precision a source gives and stand for the days they cover', () => {
    expect(bounds('2026-Q4')).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(bounds('2026-H1')).toEqual({ first: '2026-01-01', last: '2026-06-30' });
    expect(bounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(bounds('2027')).toEqual({ first: '2027-01-01', last: '2027-12-31' });
    expect(['2025-02-29', '2025-00', '2025-Q5', '25', '2025-1-1'].filter(isPartialDate)).toEqual([]);
  });

  it('count validFrom from its first day and validUntil to its last', () => {
    expect(holdsOn('2026-11-10', '2025-11-07', '2026-11-10')).toBe(true);
    expect(holdsOn('2026-11-11', '2025-11-07', '2026-11-10')).toBe(false);
    expect(holdsOn('2027-01-01', '2027', undefined)).toBe(true);
    expect(holdsOn('2026-12-31', '2027', undefined)).toBe(false);
  });
});

describe('lifecycle status', () => {
  const no57 = { date: '2025-10-09', validFrom: '2025-11-08' };
  const suspension = { validFrom: '2025-11-10', validUntil: '2026-11-10' };
  it('reads a suspended control as in force again once a one-year suspension lapses', () => {
    expect(lifecycleStatus('2025-10-01', no57, [suspension])).toBeNull();
    expect(lifecycleStatus('2025-10-20', no57, [suspension])).toBe('ANNOUNCED');
    expect(lifecycleStatus('2025-11-09', no57, [suspension])).toBe('IN_FORCE');
    expect(lifecycleStatus('2026-06-01', no57, [suspension])).toBe('SUSPENDED');
    expect(lifecycleStatus('2026-11-29', no57, [suspension])).toBe('IN_FORCE');
    expect(lifecycleStatus('2026-11-29', { date: '2025-11-07', validUntil: '2026-11-10' })).toBe('EXPIRED');
  });
});

describe('search ranking', () => {
  const e = (id: string, name: string, aliases?: string[]): Entity => ({
    id,
    name,
    kind: 'COUNTRY',
    origin: 'SEED',
    ...(aliases && { aliases }),
  });
  it('puts exact matches first, then prefixes, then the rest, each by name then id', () => {
    const ranked = rankSearch(
      [
        e('c', 'Made in China'),
        e('b', 'Chinatown'),
        e('a', 'China'),
        e('d', 'PRC', ['china']),
        e('z', 'Japan'),
      ],
      'china',
    );
    expect(ranked.map((x) => x.id)).toEqual(['a', 'd', 'b', 'c']);
  });
});

describe('paging', () => {
  it('round-trips keyset cursors and refuses ones it did not make, naming the argument', () => {
    expect(decodeEntityCursor(encodeEntityCursor({ sortKey: 'china', id: 'china' }), 'after')).toEqual({
      sortKey: 'china',
      id: 'china',
    });
    expect(decodeIdCursor(encodeIdCursor('rel-1'), 'before')).toBe('rel-1');
    expect(() => decodeEntityCursor(encodeIdCursor('rel-1'), 'after')).toThrow(
      /"after" is not a valid cursor/,
    );
    expect(() => decodeEntityCursor('b2Zmc2V0OjQx', 'before')).toThrow(
      /"before" is an offset cursor of API 0.1/,
    );
    expect(seekOf({ first: null, after: encodeIdCursor('x') }, decodeIdCursor)).toEqual({
      limit: 20,
      backward: false,
      after: 'x',
    });
    expect(seekOf({ first: 5, last: 3 }, decodeIdCursor)).toEqual({ limit: 3, backward: true });
    expect(() => seekOf({ first: 0 }, decodeIdCursor)).toThrow(/first/);
    expect(() => seekOf({ last: 101 }, decodeIdCursor)).toThrow(/last/);
  });

  /** The plain reading of a seek, to check the binary search against: every item strictly between the bounds, then the first or last `limit`. */
  const scan = <T>(list: readonly T[], seek: Seek<T>) => {
    const within = list.filter(
      (x) =>
        (seek.after === undefined || compareText(String(x), String(seek.after)) > 0) &&
        (seek.before === undefined || compareText(String(x), String(seek.before)) < 0),
    );
    const items = seek.backward
      ? within.slice(Math.max(0, within.length - seek.limit))
      : within.slice(0, seek.limit);
    return { items, hasMore: within.length > seek.limit };
  };

  it('seeks in a list: strictly between the bounds, the first or last page', () => {
    const list = ['a', 'b', 'c', 'd', 'e'];
    const seek = (s: Partial<Seek<string>>) =>
      seekInSorted(list, (x) => x, compareText, { limit: 2, backward: false, ...s });
    expect(seek({})).toEqual({ items: ['a', 'b'], hasMore: true });
    expect(seek({ after: 'bb' })).toEqual({ items: ['c', 'd'], hasMore: true });
    expect(seek({ backward: true })).toEqual({ items: ['d', 'e'], hasMore: true });
    expect(seek({ backward: true, before: 'b', limit: 5 })).toEqual({ items: ['a'], hasMore: false });
  });

  it('seeks by binary search with the same answer as a scan of the list', () => {
    const sorted = [...new Set('abbcdddefghij'.split(''))].sort(compareText);
    const bounds = [undefined, '', 'a', 'b', 'bb', 'd', 'j', 'z'];
    let checked = 0;
    for (const after of bounds)
      for (const before of bounds)
        for (const limit of [1, 2, 3, 20])
          for (const backward of [false, true]) {
            const seek = {
              limit,
              backward,
              ...(after !== undefined && { after }),
              ...(before !== undefined && { before }),
            };
            const id = (x: string) => x;
            expect(seekInSorted(sorted, id, compareText, seek)).toEqual(scan(sorted, seek));
            checked++;
          }
    expect(checked).toBe(512);
    expect(seekInSorted(sorted, (x) => x, compareText, { limit: 2, backward: false, after: 'bb' })).toEqual({
      items: ['c', 'd'],
      hasMore: true,
    });
  });
});

describe('quote normalisation', () => {
  it('reads curly quotes as straight ones and folds white space, nothing else', () => {
    expect(normaliseQuote('“We don’t  want\n to”')).toBe(`"We don't want to"`);
    expect(normaliseQuote('mining—it’s')).toBe("mining—it's");
  });
});
