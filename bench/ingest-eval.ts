import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runIngestEval, type Scored } from '../scripts/support/ingest-eval.js';

/*
 * npm run ingest:eval: precision and recall of extraction (src/domain/ingest) on the founding
 * article against the seed's relationships citing it, and on our own annotated texts
 * (bench/ingest-eval/texts); time per 1,000 words. Prints markdown, writes bench/results/ingest-eval.json.
 * `--verbose` also lists what was missed and what was wrong.
 */

const result = await runIngestEval();
const verbose = process.argv.includes('--verbose');

function table(title: string, s: Scored): string {
  const rows = Object.entries(s.byType).map(
    ([type, v]) => `| ${type} | ${v.gold} | ${v.predicted} | ${v.correct} | ${v.precision}% | ${v.recall}% |`,
  );
  const o = s.overall;
  return [
    `### ${title}`,
    '',
    '| type | gold | proposed | correct | precision | recall |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    `| **overall** | **${o.gold}** | **${o.predicted}** | **${o.correct}** | **${o.precision}%** | **${o.recall}%** |`,
  ].join('\n');
}

const out = [
  `Gold: ${result.goldCount} seed relationships cite the founding article (${result.article.scored.overall.gold} distinct type+ends).`,
  '',
  table('Founding article', result.article.scored),
  '',
  table(`Own texts (${result.texts.map((t) => t.name).join(', ')})`, result.textsOverall),
  '',
  ...result.texts.map(
    (t) =>
      `- ${t.name}: precision ${t.scored.overall.precision}%, recall ${t.scored.overall.recall}% (${t.scored.overall.correct}/${t.scored.overall.gold} gold, ${t.scored.overall.predicted} proposed)`,
  ),
  '',
  `Time: ${result.msPer1000Words} ms per 1,000 words (extraction only, after a warm-up, 5 rounds over all documents).`,
];
console.log(out.join('\n'));
if (verbose) {
  for (const d of [result.article, ...result.texts]) {
    console.log(`\n## ${d.name}\nmissed:`);
    for (const t of d.scored.missed) console.log(`  ${t.type} ${t.from} -> ${t.to}`);
    console.log('wrong:');
    for (const t of d.scored.wrong) console.log(`  ${t.type} ${t.from} -> ${t.to}`);
    console.log('entity matches:', JSON.stringify([...d.map]));
  }
}
const file = path.resolve(import.meta.dirname, 'results/ingest-eval.json');
await mkdir(path.dirname(file), { recursive: true });
const strip = (s: Scored) => ({ overall: s.overall, byType: s.byType });
await writeFile(
  file,
  `${JSON.stringify(
    {
      goldCount: result.goldCount,
      article: { ...strip(result.article.scored), proposals: result.article.proposals.length },
      texts: Object.fromEntries(result.texts.map((t) => [t.name, strip(t.scored)])),
      textsOverall: strip(result.textsOverall),
      msPer1000Words: result.msPer1000Words,
    },
    null,
    2,
  )}\n`,
);
