import { readFile } from 'node:fs/promises';
import { AS_EDITOR, WRITE_ENV } from './credentials.js';
import type { GqlResponse, TestServer } from './test-server.js';

export const README = new URL('../../README.md', import.meta.url);

/** A ```graphql block of the README and the ```json answer right after it. */
export interface Example {
  query: string;
  answer: string;
  /** Offsets of the answer block's body in the README text. */
  answerStart: number;
  answerEnd: number;
}

const PAIR = /```graphql\n([\s\S]*?)```\s*\n+```json\n([\s\S]*?)```/g;

/** Every query/answer pair of the README, in order. */
export async function readmeExamples(): Promise<{ text: string; examples: Example[] }> {
  const text = await readFile(README, 'utf8');
  const examples = [...text.matchAll(PAIR)].map((m) => {
    const answerStart = m.index + m[0].length - 3 - m[2]!.length;
    return { query: m[1]!, answer: m[2]!, answerStart, answerEnd: answerStart + m[2]!.length };
  });
  return { text, examples };
}

/** The server settings the README's write examples assume: an editor key named "alice". */
export const README_ENV = WRITE_ENV;

/** Runs one example as the README tells a user to: mutations with the editor's key, queries anonymously. */
export function runExample(api: TestServer, example: Example): Promise<GqlResponse> {
  return api.gql(example.query, undefined, /^\s*mutation\b/.test(example.query) ? AS_EDITOR : {});
}
