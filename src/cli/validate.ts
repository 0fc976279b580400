/** `lagebild validate FILE...`: the contract check that the tests use, for anyone's output files. */
import { readFile } from 'node:fs/promises';
import { validateDocument } from '../schema/validate.js';

export interface FileProblems {
  where: string;
  problems: string[];
}

export async function validateFile(file: string): Promise<FileProblems[]> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    return [
      { where: file, problems: [(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)] },
    ];
  }
  const trimmed = source.trim();
  try {
    const whole: unknown = JSON.parse(trimmed);
    const docs = Array.isArray(whole) ? whole : [whole];
    return docs.map((doc, i) => ({
      where: Array.isArray(whole) ? `${file}[${i}]` : file,
      problems: validateDocument(doc),
    }));
  } catch {
    // not one JSON value: JSONL
  }
  return trimmed.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [{ where: `${file}:${i + 1}`, problems: validateDocument(JSON.parse(line)) }];
    } catch (error) {
      return [{ where: `${file}:${i + 1}`, problems: [`invalid JSON (${(error as Error).message})`] }];
    }
  });
}
