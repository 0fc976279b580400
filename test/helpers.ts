/** Shared test helpers: run the CLI as a user would, and read tokens as strings. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { tokenize } from '../src/text/tokenizer.js';
import { splitSentences } from '../src/text/sentences.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const SHARED = join(ROOT, '..', 'shared');

/** One gold-parsed sentence in CoNLL-U (det, nsubj, root, det, obj, punct), for parser and scorer tests. */
export const TOY_CONLLU = `# sent_id = dev-s1
# text = Der Mann sieht die Frau.
1	Der	der	DET	ART	Case=Nom	2	det	_	_
2	Mann	Mann	NOUN	NN	Case=Nom	3	nsubj	_	_
3	sieht	sehen	VERB	VVFIN	VerbForm=Fin	0	root	_	_
4	die	der	DET	ART	Case=Acc	5	det	_	_
5	Frau	Frau	NOUN	NN	Case=Acc	3	obj	_	SpaceAfter=No
6	.	.	PUNCT	$.	_	3	punct	_	_

`;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { input?: string | Buffer; cwd?: string; nodeArgs?: string[] } = {},
): CliRun {
  const node = [
    ...(options.nodeArgs ?? []),
    '--import',
    import.meta.resolve('tsx'),
    join(ROOT, 'src', 'cli', 'main.ts'),
  ];
  const result = spawnSync(process.execPath, [...node, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LAGEBILD_DEBUG: '' },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tokenTexts(text: string): string[] {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.start[i], t.end[i]));
}

export function sentenceTexts(text: string): string[] {
  const t = tokenize(text);
  const s = splitSentences(text, t);
  return Array.from({ length: s.count }, (_, i) =>
    text.slice(t.start[s.firstToken[i] as number], t.end[(s.endToken[i] as number) - 1]),
  );
}
