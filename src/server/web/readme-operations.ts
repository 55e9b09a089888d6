/** One example operation for the playground: a tab title and its query. */
export interface ExampleOperation {
  title: string;
  query: string;
}

const BLOCK = /```graphql\n([\s\S]*?)```/g;
const HEADING = /\*\*([^*]+)\*\*|^#+ (.+)$/gm;

/** "1. Who is Scott Bessent, and on whose word?" -> "WhoIsScottBessentAndOnWhoseWord". */
function operationName(title: string): string {
  const words = title.match(/[A-Za-z][A-Za-z0-9]*/g) ?? ['Example'];
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * The README's ```graphql blocks in order, each titled by the nearest bold lead or heading
 * above it ("1. Who is Scott Bessent, and on whose word?"); an anonymous query is named after
 * its title, so the playground's tabs read as the README's questions (write examples need an
 * editor's Authorization header, set in the playground's Headers pane).
 */
export function readmeOperations(readme: string): ExampleOperation[] {
  return [...readme.matchAll(BLOCK)].map((m) => {
    // Headings only: a comment line inside an earlier code block is not one.
    const before = readme.slice(0, m.index).replace(/```[\s\S]*?```/g, '');
    const titles = [...before.matchAll(HEADING)].map((h) => (h[1] ?? h[2] ?? '').trim());
    const title = titles.at(-1) ?? 'Example';
    const anonymous = /^(query|mutation)?\s*\{/.exec(m[1]!);
    const body = anonymous
      ? `${anonymous[1] ?? 'query'} ${operationName(title)} ${m[1]!.slice(anonymous[1]?.length ?? 0).trimStart()}`
      : m[1]!;
    return { title, query: `# ${title}\n${body}` };
  });
}
