/**
 * Harmonising UD German PUD to STTS. PUD, two thirds of our training split, tags XPOS in a Penn-style
 * set (NN, DT, VBC, IN) where GSD uses STTS (NN, ART, VVFIN, APPR). STTS is largely determined by the
 * UD annotation a PUD word already has (UPOS, features, relation, lemma, form), so we derive it by rule.
 * `eval` of this mapping on GSD, where the true STTS is known, is in the model card.
 */
import type { ConlluWord } from '../eval/conllu.js';

const MODALS = new Set(['können', 'müssen', 'sollen', 'wollen', 'dürfen', 'mögen', 'möchten']);
const PRONOMINAL_ADVERB =
  /^(da|dar|hier|wo|wor)(an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|ob|über|um|unter|von|vor|zu|zwischen)$/i;
const COMPARATIVE = new Set(['als', 'wie']);
const INFINITIVE_CONJUNCTIONS = new Set(['um', 'ohne', 'statt', 'anstatt']);
const INTERROGATIVE_ADVERBS = new Set(['wie', 'wo', 'wann', 'warum', 'weshalb', 'wieso', 'woher', 'wohin']);
const AUXILIARIES = new Set(['sein', 'haben', 'werden']);
const PERSONAL = new Set(
  'ich du er sie es wir ihr mich mir dich dir ihn ihm uns euch ihnen man meiner deiner seiner ihrer unser euer'.split(
    ' ',
  ),
);
const D_PRONOUNS = new Set(['der', 'die', 'das', 'dem', 'den', 'denen', 'dessen', 'deren', 'derer']);
const FINAL_PUNCT = new Set(['.', '!', '?', ';', ':', '…', '...']);

function feat(word: ConlluWord, name: string): string | null {
  for (const part of word.feats.split('|')) {
    const eq = part.indexOf('=');
    if (part.slice(0, eq) === name) return part.slice(eq + 1);
  }
  return null;
}

/** Verb suffix from UD features, falling back to PUD's Penn-style tag (VBC finite, VB infinitive, VBN participle). */
function verbSuffix(word: ConlluWord): 'FIN' | 'INF' | 'PP' | 'IMP' | 'IZU' {
  const form = feat(word, 'VerbForm');
  if (feat(word, 'Mood') === 'Imp') return 'IMP';
  if (form === 'Part' || word.xpos === 'VBN') return 'PP';
  if (form === 'Inf' || word.xpos === 'VB') {
    const f = word.form.toLowerCase();
    const l = word.lemma.toLowerCase();
    return f !== l && f.includes('zu') && f.replace('zu', '') === l ? 'IZU' : 'INF';
  }
  return 'FIN';
}

export function udToStts(word: ConlluWord, previous?: ConlluWord): string {
  const lower = word.form.toLowerCase();
  const prt = word.deprel === 'compound:prt';
  switch (word.upos) {
    case 'NOUN':
      return 'NN';
    case 'PROPN':
      return 'NE';
    case 'DET': {
      const type = feat(word, 'PronType');
      const alone = word.deprel !== 'det' && word.deprel !== 'det:poss';
      if (feat(word, 'Poss') === 'Yes') return 'PPOSAT';
      if (type === 'Dem') return alone ? 'PDS' : 'PDAT';
      if (type === 'Ind' || type === 'Tot' || type === 'Neg') return alone ? 'PIS' : 'PIAT';
      if (type === 'Int') return 'PWAT';
      if (type === 'Rel') return 'PRELAT';
      return 'ART';
    }
    case 'PRON': {
      const type = feat(word, 'PronType');
      if (feat(word, 'Reflex') === 'Yes') return 'PRF';
      if (feat(word, 'Poss') === 'Yes') return 'PPOSS';
      if (type === 'Rel') return 'PRELS';
      if (type === 'Dem') return 'PDS';
      if (type === 'Ind' || type === 'Tot' || type === 'Neg') return 'PIS';
      if (type === 'Int') return 'PWS';
      if (type === 'Prs' || PERSONAL.has(lower)) return 'PPER';
      if (D_PRONOUNS.has(lower)) return previous?.form === ',' || previous?.upos === 'ADP' ? 'PRELS' : 'PDS';
      if (lower.startsWith('welch')) return previous?.form === ',' || previous?.upos === 'ADP' ? 'PRELS' : 'PWS';
      if (lower === 'wer' || lower === 'was' || lower === 'wen' || lower === 'wem') return 'PWS';
      return 'PIS';
    }
    case 'ADJ':
      return feat(word, 'Case') || word.deprel === 'amod' ? 'ADJA' : 'ADJD';
    case 'VERB': {
      const kind = AUXILIARIES.has(word.lemma) ? 'VA' : MODALS.has(word.lemma) ? 'VM' : 'VV';
      const suffix = verbSuffix(word);
      return kind + (kind !== 'VV' && (suffix === 'IMP' || suffix === 'IZU') ? 'FIN' : suffix);
    }
    case 'AUX': {
      const s = verbSuffix(word);
      return (MODALS.has(word.lemma) ? 'VM' : 'VA') + (s === 'IMP' || s === 'IZU' ? 'FIN' : s);
    }
    case 'ADP':
      if (prt) return 'PTKVZ';
      if (COMPARATIVE.has(lower)) return 'KOKOM';
      return 'APPR';
    case 'ADV':
      if (prt) return 'PTKVZ';
      if (PRONOMINAL_ADVERB.test(lower)) return lower.startsWith('wo') ? 'PWAV' : 'PAV';
      if (INTERROGATIVE_ADVERBS.has(lower) && word.deprel !== 'advmod') return 'PWAV';
      return 'ADV';
    case 'CCONJ':
      return COMPARATIVE.has(lower) ? 'KOKOM' : 'KON';
    case 'SCONJ':
      if (COMPARATIVE.has(lower)) return 'KOKOM';
      return INFINITIVE_CONJUNCTIONS.has(lower) ? 'KOUI' : 'KOUS';
    case 'PART':
      if (lower === 'nicht') return 'PTKNEG';
      if (prt) return 'PTKVZ';
      if (lower === 'zu') return word.deprel === 'mark' ? 'PTKZU' : 'PTKA';
      if (lower === 'am') return 'PTKA';
      if (lower === 'ja' || lower === 'nein') return 'PTKANT';
      return 'ADV';
    case 'NUM':
      return 'CARD';
    case 'PUNCT':
      if (word.form === ',') return '$,';
      return FINAL_PUNCT.has(word.form) ? '$.' : '$(';
    case 'INTJ':
      return 'ITJ';
    case 'X':
      return 'FM';
    case 'SYM':
      return 'XY';
    default:
      return 'XY';
  }
}

/** Whether a sentence comes from PUD (Penn-style XPOS) rather than GSD (STTS). */
export function isPudSentence(id: string): boolean {
  return /^[nw]\d/.test(id);
}
