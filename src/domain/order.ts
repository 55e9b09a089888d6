/** UTF-16 code-unit order (what Neo4j's ORDER BY does for strings), never the locale: the one text order of the API. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
