/**
 * Builds bench/corpus/wikinews.jsonl: the article text of the German Wikinews corpus in
 * ../shared/data/wikinews-spkatt (850 articles, text CC BY 2.5; the annotations are not used), repeated
 * --copies times with distinct ids, as lagebild JSONL input records.
 *
 *   node --import tsx bench/make-wikinews-corpus.ts [--copies 3]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/util/lexicon.js';
import { resolveDataDir } from '../src/cli/eval.js';

const i = process.argv.indexOf('--copies');
const copies = i >= 0 ? Number(process.argv[i + 1]) : 3;
const dir = join(resolveDataDir(undefined), 'wikinews-spkatt');
const articles = ['news-train.jsonl', 'news-dev.jsonl'].flatMap((f) =>
  readFileSync(join(dir, f), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; title: string; text: string; published: string; url: string }),
);
const lines: string[] = [];
for (let c = 0; c < copies; c++) {
  for (const a of articles) {
    const body = a.text.startsWith(a.title) ? a.text.slice(a.title.length).replace(/^\n+/, '') : a.text;
    lines.push(
      JSON.stringify({
        id: `${a.id}-${c}`,
        title: a.title,
        text: body,
        published: a.published,
        url: a.url,
        source: 'Wikinews',
      }),
    );
  }
}
const out = join(PACKAGE_ROOT, 'bench', 'corpus');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'wikinews.jsonl'), lines.join('\n') + '\n');
console.log(`${lines.length} documents → bench/corpus/wikinews.jsonl`);
