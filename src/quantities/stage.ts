/**
 * The quantities stage: counts and amounts with their bound ("mehr als 2.000 Personen"), unit, counted
 * noun and what was counted (ARREST, KILL, …: from the counted noun, the unit, or the governing verb).
 * Years, dates, ages, durations and times of day belong to the times layer; ordinals, numbers glued into
 * names ("EU-27") and identifiers ("Artikel 5") are not quantities.
 */
import type { Bound, Doc, Quantity, QuantityCategory } from '../document.js';
import type { Stage } from '../pipeline.js';
import {
  cardinalWord,
  fractionDenominator,
  isYear,
  parseDigits,
  scaleWord,
  vagueAmount,
} from '../numbers/german-numbers.js';
import { timeWord } from '../times/words.js';
import { tokenForms } from '../text/forms.js';
import { treeOf, verbLemma, type Tree } from '../syntax/tree.js';
import { BOUND_WORDS, UNITS, categoryOfLemma, countedNoun, type CountedEntry, type UnitEntry } from './lexicon.js';
import { UEBER_VERBS } from './ueber.js';

const VAGUE_QUANTIFIERS = new Set(['mehrere', 'einige', 'etliche', 'viele']);
/** Words of an election context: a percentage there is a vote share. */
const VOTE_CONTEXT =
  /^(wahl|stimme|partei|umfrage|abstimmung|referendum|wähler|kandidat|präsidentschaftswahl|parlamentswahl)/;
const ARTICLE = new Set(['der', 'die', 'des', 'den', 'dem']);

/** Token-level view of one document for the recogniser. */
interface View {
  doc: Doc;
  raw: readonly string[];
  lower: readonly string[];
  xpos: readonly string[] | null;
  /** 1 where a time expression covers the token. */
  claimed: Uint8Array;
}

function viewOf(doc: Doc): View {
  const n = doc.tokens.count;
  const { raw, lower } = tokenForms(doc);
  const claimed = new Uint8Array(n);
  let k = 0;
  for (const time of doc.times) {
    while (k < n && (doc.tokens.end[k] as number) <= time.start) k++;
    for (let t = k; t < n && (doc.tokens.start[t] as number) < time.end; t++) claimed[t] = 1;
  }
  return { doc, raw, lower, xpos: doc.morph?.xpos ?? null, claimed };
}

function glued(v: View, a: number, b: number): boolean {
  return v.doc.tokens.end[a] === v.doc.tokens.start[b];
}

function isNoun(v: View, t: number): boolean {
  if (v.xpos) return v.xpos[t] === 'NN' || v.xpos[t] === 'NE';
  return /^[A-ZÄÖÜ]/.test(v.raw[t] as string);
}

function boundBefore(v: View, first: number, t: number): { bound: Bound; start: number } | null {
  if (t - 2 >= first) {
    const two = BOUND_WORDS.get(`${v.lower[t - 2]} ${v.lower[t - 1]}`);
    if (two) return { bound: two, start: t - 2 };
  }
  if (t - 1 >= first) {
    const one = BOUND_WORDS.get(v.lower[t - 1] as string);
    // "verfügt über 50 Stimmen", "berichtete über 41 Tote": the verb's preposition, no bound.
    const lemma = t - 2 >= first ? v.doc.morph?.lemma[t - 2] : undefined;
    if (one && !(v.lower[t - 1] === 'über' && lemma !== undefined && UEBER_VERBS.has(lemma)))
      return { bound: one, start: t - 1 };
  }
  return null;
}

function boundText(v: View, start: number, t: number): string {
  return v.lower.slice(start, t).join(' ');
}

/** The counted noun after a number: adjectives may stand between ("6.700 friedliche Demonstranten"). */
function nounAfter(v: View, t: number, stop: number): number {
  let k = t;
  while (k < stop && k - t < 3 && v.xpos && (v.xpos[k] === 'ADJA' || v.xpos[k] === 'ADV')) k++;
  if (k >= stop || !isNoun(v, k)) return -1;
  // A hyphen compound the tokenizer split is one noun: "US-Soldaten".
  while (k + 2 < stop && v.raw[k + 1] === '-' && glued(v, k, k + 1) && glued(v, k + 1, k + 2)) k += 2;
  return k;
}

interface Found {
  start: number; // first token
  end: number; // one past the last token of the span
  value: number | null;
  magnitude: number | null;
  bound: Bound;
  unit: UnitEntry | null;
  /** The counted noun's token (in or after the span), or -1. */
  noun: number;
  /** What the counted-noun lexicon says of it, if it knows the noun. */
  counted: CountedEntry | null;
  numberToken: number;
  /** "vier weitere": the counted noun is that of the quantity before. */
  elliptic: boolean;
}

const ELLIPTIC = /^(weitere|weiteren|andere|anderen)$/;

/** Whether token `t` (-1: none) is a noun in the plural. */
function plural(v: View, t: number): boolean {
  return t >= 0 && (v.doc.morph?.feats[t] ?? '').includes('Number=Plur');
}

/** Road names that a number follows: motorways, federal, state and district roads, European routes. */
const ROADS = /^(?:[ABLKE]|Bundesautobahn|Autobahn|Bundesstraße|Landesstraße|Kreisstraße|Staatsstraße)$/;

function recognizeAt(v: View, t: number, first: number, stop: number): Found | null {
  const raw = v.raw[t] as string;
  const lower = v.lower[t] as string;
  let value: number | null = null;
  let magnitude: number | null = null;
  let end = t + 1;

  const vague = vagueAmount(lower);
  const digits = parseDigits(raw);
  const word = cardinalWord(lower);
  if (digits !== null) {
    // Numbers glued to a hyphen are parts of names or compounds: "EU-27", "29-jährigen".
    if (t + 1 < stop && v.raw[t + 1] === '-' && glued(v, t, t + 1)) return null;
    if (t > first && v.raw[t - 1] === '-' && glued(v, t - 1, t)) return null;
    if (v.lower[t + 1] === 'uhr') return null;
    // "(32)" after a name is an age or a reference.
    if (t > first && v.raw[t - 1] === '(' && v.raw[t + 1] === ')') return null;
    // "auf der A 2", "die B 96", "Bundesautobahn 2": a road's number.
    if (t > first && ROADS.test(v.raw[t - 1] as string)) return null;
    value = digits;
  } else if (
    VAGUE_QUANTIFIERS.has(lower) &&
    scaleWord(v.lower[t + 1] ?? '') !== null &&
    vagueAmount(`${v.lower[t + 1]}e`) !== null
  ) {
    // "mehrere Hundert", "einige Tausend": vague.
    magnitude = scaleWord(v.lower[t + 1] as string);
    end = t + 2;
  } else if (
    vague !== null &&
    (/^[A-ZÄÖÜ]/.test(raw) || nounAfter(v, t + 1, stop) >= 0) &&
    !(t > first && cardinalWord(v.lower[t - 1] as string) !== null)
  ) {
    // "Hunderte", and in lower case before its noun: "hunderte Mönche".
    if (lower.startsWith('million') && t > first && parseDigits(v.raw[t - 1] as string) !== null) return null;
    magnitude = vague;
  } else if (word !== null) {
    value = word;
  } else return null;

  // Scale words: "2,5 Mio.", "zwei Dutzend", "eine Million".
  let scaled = false;
  if (value !== null) {
    const scale = scaleWord(v.lower[end] ?? '');
    if (scale !== null && end < stop) {
      value = Number((value * scale).toPrecision(12));
      end++;
      scaled = true;
    }
  }
  const boundFound = boundBefore(v, first, t);
  let unit: UnitEntry | null = null;
  // "US-Dollar": a unit the tokenizer split at its hyphen.
  const hyphenated =
    end + 2 < stop && v.raw[end + 1] === '-' && glued(v, end, end + 1) && glued(v, end + 1, end + 2)
      ? UNITS.get(`${v.lower[end]}-${v.lower[end + 2]}`)
      : undefined;
  const unitEntry = hyphenated ?? (end < stop ? UNITS.get(v.lower[end] as string) : undefined);
  if (unitEntry && !(v.lower[end] === 'm' && !glued(v, end - 1, end) && v.raw[end] !== 'm')) {
    unit = unitEntry;
    end += hyphenated ? 3 : 1;
  }
  // "zwei Drittel der Stimmen": a fraction is a share, in percent (66.67), of what its genitive names.
  const denominator = end < stop ? fractionDenominator(v.lower[end] as string) : null;
  const percent = UNITS.get('prozent');
  if (unit === null && value !== null && denominator !== null && percent) {
    value = Number(((value / denominator) * 100).toFixed(2));
    unit = percent;
    end++;
  }
  // The counted noun: right after ("6.700 Menschen"), or a genitive after a unit ("80,1 % der Stimmen").
  let noun = -1;
  // "35 Personen getötet und vier weitere verletzt": the noun is left out after "weitere".
  let elliptic = false;
  if (unit === null && ELLIPTIC.test(v.lower[end] ?? '') && nounAfter(v, end + 1, stop) < 0) {
    elliptic = true;
    end++;
  } else if (unit === null) {
    const k = nounAfter(v, end, stop);
    if (k >= 0) {
      const lowerNoun = v.lower[k] as string;
      if (timeWord(lowerNoun, 'unit') !== undefined || timeWord(lowerNoun, 'month') !== undefined) return null;
      noun = k;
      end = k + 1;
    }
  } else if (ARTICLE.has(v.lower[end] ?? '')) {
    const k = nounAfter(v, end + 1, stop);
    if (k >= 0) noun = k;
  }

  if (digits !== null) {
    // "Artikel 5", "Platz 3": a number right after a noun names something.
    // A time expression's noun does not: "am Freitag 20 Demonstranten".
    if (
      !boundFound &&
      t > first &&
      // "… tötete die Polizei 11 Demonstranten" counts; "Bruins 1 Islanders 4" is a score.
      !(plural(v, noun) && v.xpos?.[t - 1] === 'NN') &&
      isNoun(v, t - 1) &&
      !/^[A-ZÄÖÜ]+$/.test(v.raw[t - 1] as string) &&
      v.claimed[t - 1] === 0
    )
      return null;
    // "Lisa Martinek, 47, gestorben": a bare number set off by commas after a name is an age.
    if (
      noun < 0 &&
      unit === null &&
      !boundFound &&
      v.raw[t - 1] === ',' &&
      v.raw[t + 1] === ',' &&
      v.xpos?.[t - 2] === 'NE'
    )
      return null;
    // A year-like number counts only right before its unit or noun ("2005 Menschen").
    if (isYear(raw) && unit === null && (noun < 0 || !isNoun(v, t + 1))) return null;
  }
  const counted = noun >= 0 ? countedNoun(v.lower[noun] as string) : null;
  if (digits === null && word !== null) {
    // Number words count only with a bound, a scale, a unit, a noun that is counted or any plural noun
    // ("Acht Flughäfen", "zwei Selbstmordattentäter"), or "weitere" standing for the noun.
    if (!boundFound && !scaled && unit === null && counted === null && !plural(v, noun) && !elliptic) return null;
    // "ein" needs a bound that is not also a preposition: "über eine eigene Mehrheit" counts nothing.
    if (
      value === 1 &&
      !scaled &&
      (!boundFound || /^(über|unter|gut|um die|an die)$/.test(boundText(v, boundFound.start, t)))
    )
      return null;
  }
  return {
    start: boundFound ? boundFound.start : t,
    end,
    elliptic,
    value: magnitude !== null ? null : value,
    magnitude,
    bound: boundFound ? boundFound.bound : magnitude !== null ? 'approx' : 'exact',
    unit,
    noun,
    counted,
    numberToken: t,
  };
}

/** The category from the verbs and nouns around: the governing verb in the parse, else the clause's words. */
function categoryFromContext(
  v: View,
  tree: Tree | null,
  from: number,
  first: number,
  stop: number,
): QuantityCategory | null {
  const morph = v.doc.morph;
  if (tree && morph) {
    for (let k = tree.head[from] as number, steps = 0; k >= 0 && steps < 6; k = tree.head[k] as number, steps++) {
      const upos = morph.upos[k] as string;
      if (upos === 'VERB' || upos === 'ADJ' || upos === 'NOUN') {
        // "und 4 verletzt festnahm": a participle right before the finite verb says how; the verb says what.
        const at = morph.xpos[k] === 'VVPP' && k + 1 < stop && morph.xpos[k + 1] === 'VVFIN' ? k + 1 : k;
        const cat = categoryOfLemma(upos === 'VERB' ? verbLemma(tree, at, first, stop) : (morph.lemma[at] as string));
        if (cat) return cat;
      }
      if (upos === 'VERB') break;
    }
  }
  // The clause's words to the right: "… 6.700 Menschen festgenommen und …".
  for (let k = from + 1; k < stop && k - from <= 10; k++) {
    if (v.raw[k] === ',' || v.raw[k] === ';') break;
    if (v.lower[k] === 'leben' && v.lower[k - 1] === 'ums') return 'KILL';
    const lemma = morph ? (morph.lemma[k] as string) : (v.lower[k] as string);
    const cat = categoryOfLemma(lemma);
    if (cat) return cat;
  }
  // A participle or adjective before: "festgenommene Demonstranten".
  if (from - 1 >= first)
    return categoryOfLemma(morph ? (morph.lemma[from - 1] as string) : (v.lower[from - 1] as string));
  return null;
}

function voteContext(v: View, first: number, stop: number): boolean {
  for (let k = first; k < stop; k++) if (VOTE_CONTEXT.test(v.lower[k] as string)) return true;
  return false;
}

export function findQuantities(doc: Doc): Quantity[] {
  const v = viewOf(doc);
  const tree = treeOf(doc);
  const out: Quantity[] = [];
  for (let s = 0; s < doc.sentences.count; s++) {
    const first = doc.sentences.firstToken[s] as number;
    const stop = doc.sentences.endToken[s] as number;
    for (let t = first; t < stop; t++) {
      if (v.claimed[t]) continue;
      const found = recognizeAt(v, t, first, stop);
      if (!found) continue;
      const counted = found.counted;
      // A vague amount standing alone ("Zehntausende marschierten") counts people.
      const alone = found.magnitude !== null && found.noun < 0 && found.unit === null;
      const before = found.elliptic ? out.at(-1) : undefined;
      const unitName = found.unit?.unit ?? counted?.unit ?? (alone ? 'persons' : null) ?? before?.unit ?? null;
      let category: QuantityCategory | null = counted?.category ?? found.unit?.category ?? null;
      if (category === null && unitName === 'percent' && voteContext(v, first, stop)) category = 'VOTE';
      // A crowd noun ("20 Demonstranten") says PROTEST only when the verb says nothing else: "… festgenommen".
      if (category === null || category === 'PROTEST') {
        const from = found.noun >= 0 && found.noun < found.end ? found.noun : found.numberToken;
        category = categoryFromContext(v, tree, from, first, stop) ?? category;
      }
      const start = doc.tokens.start[found.start] as number;
      const end = doc.tokens.end[found.end - 1] as number;
      out.push({
        id: '',
        start,
        end,
        text: doc.text.slice(start, end),
        value: found.value,
        bound: found.bound,
        magnitude: found.magnitude,
        unit: unitName,
        counted:
          found.noun >= 0
            ? doc.morph
              ? (doc.morph.lemma[found.noun] as string)
              : (v.raw[found.noun] as string)
            : null,
        category: category ?? 'OTHER',
        event: null,
      });
      t = found.end - 1;
    }
  }
  out.forEach((q, i) => (q.id = `N${i + 1}`));
  return out;
}

export const quantitiesStage: Stage = {
  name: 'quantities',
  run(doc: Doc): void {
    doc.quantities = findQuantities(doc);
  },
};
