/** UTF-16 code-unit order (what Neo4j's ORDER BY does for strings), never the locale: the one text order of the API. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of records by id (`compareText` on ids): the one id comparator of the API and both stores. */
export function compareIds(a: { id: string }, b: { id: string }): number {
  return compareText(a.id, b.id);
}
