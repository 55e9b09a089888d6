/** Rows per UNWIND statement: large enough for few round trips, small enough for modest messages. */
export const CHUNK = 1000;

/** `items` cut into runs of at most {@link CHUNK}, in order (none for no items). */
export function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** `items` grouped by `key`, groups in first-seen order, items in their order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
