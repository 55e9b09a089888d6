/** One example operation for the playground: a tab title and its query. */
export interface ExampleOperation {
  title: string;
  query: string;
}

const BLOCK = /```graphql\n([\s\S]*?)```/g;
const HEADING = /\*\*([^*]+)\*\*|^#+ (.+)$/gm;

/**
 * The README's ```graphql blocks in order, each titled by the nearest bold lead or heading
 * above it ("1. Who is Scott Bessent, and on whose word?").
 */
export function readmeOperations(readme: string): ExampleOperation[] {
  return [...readme.matchAll(BLOCK)].map((m) => {
    const before = readme.slice(0, m.index);
    const titles = [...before.matchAll(HEADING)].map((h) => (h[1] ?? h[2] ?? '').trim());
    const title = titles.at(-1) ?? 'Example';
    return { title, query: `# ${title}\n${m[1]!}` };
  });
}
