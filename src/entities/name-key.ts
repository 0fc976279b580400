/**
 * A spelling-blind key for names, so that transliterations meet: Tikhanovskaya / Tichanowskaja /
 * Tsikhanouskaya, Lukaschenko / Lukashenko / Lukašenka, Selenskyj / Zelensky, Gorbatschow / Gorbachev.
 *
 * German, English and Belarusian/Polish-style romanisations of the same Cyrillic letters differ mostly in
 * how they write sibilants, the "kh"/"ch" sound, w/v, j/y and vowels. The key folds each of those classes
 * to one letter and keeps the consonant skeleton: vowels carry most of the variation and little of the
 * identity. The price is some over-merging of short names, so callers compare keys only between names
 * of one type, and only for names of at least three consonants.
 */

/** Letters with diacritics whose plain form is two letters in Latin transliteration. */
const DIGRAPHS: Record<string, string> = { š: 'sh', č: 'ch', ž: 'zh', ß: 'ss', ł: 'l', ø: 'o', æ: 'ae' };

const RULES: Array<[RegExp, string]> = [
  [/shch/g, 'sk'],
  [/tsch|tch/g, 'k'],
  [/sch|sh|zh|z/g, 's'],
  [/ch|kh|ck|c|q/g, 'k'],
  [/ts|tz/g, 't'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/ou(?=[^aeiouy])/g, 'ov'],
  [/h/g, ''],
];

const VOWELS = /[aeiouyj]+/g;

/** One word's folded skeleton; `vowel` stands for each run of vowels ('' drops them). */
function keyOfWord(word: string, vowel: string, inflection: RegExp | null): string {
  let w = word.toLowerCase().replace(/[šččžßłøæ]/g, (c) => DIGRAPHS[c] ?? c);
  w = w.normalize('NFD').replace(/\p{M}/gu, '');
  w = w.replace(/[^a-z]/g, '');
  if (inflection && w.length > 4) w = w.replace(inflection, '');
  for (const [pattern, replacement] of RULES) w = w.replace(pattern, replacement);
  return w.replace(VOWELS, vowel).replace(/([^a])\1+/g, '$1');
}

/**
 * Endings German inflection adds to a name: -e, -es, and -s after a consonant (George / Georg, des
 * Landtages / des Landtags, Merkels). Not -en: it would make Potiainen a Putin.
 */
const INFLECTION = /(?:es?|(?<=[^aeiouys])s)$/;
/** For the names of organisations and things, also -en: "die Grünen" / "Grüne", "Vereinten" / "Vereinte". */
const NOMINAL_INFLECTION = /(?:e[ns]?|(?<=[^aeiouys])s)$/;

function keyOf(name: string, vowel: string, inflection: RegExp | null = null): string {
  return name
    .split(/[\s-]+/u)
    .map((word) => keyOfWord(word, vowel, inflection))
    .filter((k) => k.length > 0 && k !== vowel)
    .join(' ');
}

/** The key of a name: one folded consonant skeleton per word, joined by spaces. */
export function nameKey(name: string): string {
  return keyOf(name, '');
}

/**
 * A stricter key for matching names across articles, where no context checks a match: like `nameKey`,
 * but every run of vowels leaves one mark, so transliterations still meet (they differ in which vowel,
 * not where) while names that share only their consonants part: Putin (p-t-n) and Potiainen (p-t-n-n).
 * German inflectional endings are left out first.
 */
export function syllableKey(name: string, nominal = false): string {
  return keyOf(name, 'a', nominal ? NOMINAL_INFLECTION : INFLECTION);
}

/** The key of a name's last word: how a surname alone ("Lukaschenko") finds the full name. */
export function surnameKey(name: string): string {
  const key = nameKey(name);
  return key.slice(key.lastIndexOf(' ') + 1);
}
