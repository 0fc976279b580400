/**
 * Konjunktiv I and II of a finite verb, for reported speech. Konjunktiv I ("sei", "habe", "müsse",
 * "halte") marks indirect speech in German news on its own; Konjunktiv II ("hätte", "wäre", "würde")
 * stands in for it where Konjunktiv I looks like the indicative, but also says "would" — so it only
 * continues a report that is already under way.
 *
 * The tagger marks most subjunctives Mood=Sub; a third-person "-e" form ("er halte", "es habe") is often
 * tagged as a first-person indicative, which news prose outside quotations rarely has.
 */
export type ReportedMood = 'konjunktiv1' | 'konjunktiv2' | null;

/** Indicative past forms that end like a Konjunktiv I. */
const PAST_LOOKALIKES = new Set(['wurde', 'würde', 'hatte', 'wollte', 'sollte', 'konnte', 'musste', 'durfte']);

/** "möchte", a Konjunktiv II by form that news use as the indicative of wanting. */
const MOECHTE = new Set(['möchte', 'möchten', 'möchtest', 'möchtet']);

/** The Konjunktiv I of "sein", unmistakable in any sentence. */
const SEIN_KONJUNKTIV1 = new Set(['sei', 'seien', 'seiest', 'seist', 'seiet']);

/** Whether the form is the infinitive's stem + e/en ("halte", "habe", "könnten" no, "teile" of mitteilen). */
function stemPlusE(lower: string, lemma: string): boolean {
  const stem = lemma.toLowerCase().replace(/e?n$/, '');
  return stem.length > 0 && lower.length >= 3 && ((stem + 'e').endsWith(lower) || (stem + 'en').endsWith(lower));
}

/** Whether the form has an umlaut its infinitive lacks: wäre (sein), würde (werden), gäbe (geben). */
function addedUmlaut(lower: string, lemma: string): boolean {
  return /[äöü]/.test(lower) && !/[äöü]/.test(lemma);
}

function looksKonjunktiv2(lower: string, lemma: string): boolean {
  if (/te(n|st|t)?$/.test(lower)) return true; // hätte, könnten, müsste
  return addedUmlaut(lower, lemma);
}

/** Modals whose Konjunktiv II keeps the infinitive's umlaut that their past drops: müsste (musste). */
const UMLAUT_MODALS = new Set(['müssen', 'dürfen', 'können']);

/**
 * A Konjunktiv II the tagger took for an indicative: "brächten", "kämen", "wüssten" carry an umlaut their
 * infinitive lacks and end in -e/-en (the umlauted present "fährt", "hält" ends in -t); "müssten",
 * "dürften", "könnten" have the umlaut their past tense ("mussten") drops.
 */
function umlautKonjunktiv2(lower: string, lemma: string): boolean {
  if (UMLAUT_MODALS.has(lemma)) return /^(mü|dü|kö)\p{L}*te(n|st|t)?$/u.test(lower);
  return addedUmlaut(lower, lemma) && /e(n|st|t)?$/.test(lower) && !/[^e]st$/.test(lower);
}

/**
 * The reported-speech mood of a finite verb, from its form, lemma, feature string and STTS tag;
 * `firstPerson` says whether "ich" stands in its sentence (then "-e" may be the indicative).
 */
export function reportedMood(
  form: string,
  lemma: string,
  feats: string,
  xpos: string,
  firstPerson: boolean,
): ReportedMood {
  if (!xpos.endsWith('FIN')) return null;
  const lower = form.toLowerCase();
  if (PAST_LOOKALIKES.has(lower)) return lower === 'würde' ? 'konjunktiv2' : null;
  // "Diesen Druck möchte er vermeiden": "möchte" is the present of wanting, in reports and out of them.
  if (MOECHTE.has(lower)) return null;
  // "sei", "seien": no indicative looks like them, whatever the tagger's features say.
  if (SEIN_KONJUNKTIV1.has(lower)) return 'konjunktiv1';
  if (feats.includes('Mood=Sub')) {
    return !stemPlusE(lower, lemma) && looksKonjunktiv2(lower, lemma) ? 'konjunktiv2' : 'konjunktiv1';
  }
  if (umlautKonjunktiv2(lower, lemma)) return 'konjunktiv2';
  // "er halte", "es habe", "sie könne": third person in -e (the indicative would be "hält", "hat", "kann").
  // Only against a real infinitive: a lemma the lemmatiser got wrong ("kostet" for "kostete") proves nothing.
  if (!firstPerson && /[^aeiou]e$/.test(lower) && /n$/.test(lemma) && stemPlusE(lower, lemma)) {
    return 'konjunktiv1';
  }
  return null;
}
