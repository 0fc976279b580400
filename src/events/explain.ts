/**
 * `lagebild analyze --explain`: for each event, the lexicon entry that coded it, the dependency path of
 * each argument and the cue that decided its modality — so an analyst can check a coding without
 * reading the code.
 */
import type { Doc } from '../document.js';
import { explanationsOf } from './stage.js';

export function explainEvents(doc: Doc): string {
  const lines: string[] = [`# events of ${doc.raw.origin}`];
  const byId = new Map(doc.events.map((e) => [e.id, e]));
  for (const x of explanationsOf(doc)) {
    const e = byId.get(x.event);
    if (!e) continue;
    lines.push(`${x.event} ${e.type}${e.mode ? `/${e.mode}` : ''} "${e.trigger.text}" (sentence ${e.sentence + 1})`);
    lines.push(`  entry     ${x.entry}  [${x.lexicon}]`);
    if (x.support) lines.push(`  support   ${x.support}`);
    lines.push(
      `  source    ${e.source ? `${e.source.text || '—'} = ${e.source.actor ?? 'no actor'}` : '—'}${x.source ? `  via ${x.source}` : ''}`,
    );
    lines.push(
      `  target    ${e.target ? `${e.target.text} = ${e.target.actor ?? 'no actor'}` : '—'}${x.target ? `  via ${x.target}` : ''}`,
    );
    if (x.place) lines.push(`  place     ${e.place?.text ?? ''}  via ${x.place}`);
    if (x.time) lines.push(`  time      ${e.time?.value ?? 'unresolved'}  via ${x.time}`);
    lines.push(`  modality  ${x.modality}`);
    if (x.merged) lines.push(`  mentions  ${e.mentions.map((m) => `"${m.text}"@${m.start}`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
