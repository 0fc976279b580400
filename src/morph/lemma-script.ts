/**
 * Lemmas as edit scripts relative to the form: "Häuser" → "Haus" is "cut 5 from the end, add 'aus'",
 * written "5:aus". Scripts generalise across words (every "-ungen" plural shares one), which lets the
 * lexicon share entries and the lemmatizer learn them as classes.
 */

export function lemmaScript(form: string, lemma: string): string {
  let p = 0;
  const n = Math.min(form.length, lemma.length);
  while (p < n && form[p] === lemma[p]) p++;
  // A lemma that differs only by case of the first letter ("Die" → "der") keeps its own script.
  if (p === 0 && form.length > 0 && lemma.length > 0 && form[0]?.toLowerCase() === lemma[0]?.toLowerCase()) {
    const rest = lemmaScript(form.slice(1), lemma.slice(1));
    return `^${lemma[0]}${rest}`;
  }
  return `${form.length - p}:${lemma.slice(p)}`;
}

export function applyLemmaScript(form: string, script: string): string {
  if (script.startsWith('^')) return script[1] + applyLemmaScript(form.slice(1), script.slice(2));
  const colon = script.indexOf(':');
  const cut = Number(script.slice(0, colon));
  if (!(cut >= 0) || cut > form.length) return form;
  return form.slice(0, form.length - cut) + script.slice(colon + 1);
}
