/** `--format text`: a summary a person reads in a terminal, one block per document. */
import type { DocumentOut, EventArgument } from '../document.js';

const WIDTH = 100;

/**
 * A quote's speaker as a reader wants it: the words of the text, and the entity they stand for when its
 * name says more ("er [Alexander Lukaschenko]", "die [Maria Huber]"); null without a speaker.
 */
export function speakerLabel(doc: DocumentOut, q: DocumentOut['quotes'][number]): string | null {
  if (!q.speaker) return null;
  const name = doc.entities.find((e) => e.id === q.speaker?.entity)?.name;
  return name && !q.speaker.text.includes(name) ? `${q.speaker.text} [${name}]` : q.speaker.text;
}

export function renderTextSummary(doc: DocumentOut, origin: string): string {
  const lines: string[] = [];
  const rule = `── ${origin} `.padEnd(WIDTH, '─');
  lines.push(rule);
  lines.push(`Title      ${doc.title ?? '(no headline)'}`);
  lines.push(`Published  ${doc.published ?? '(unknown)'}    Language ${doc.lang}    Id ${doc.id}`);
  const tokens = doc.tokens ? ` · ${doc.tokens.length} tokens` : '';
  lines.push(`Size       ${doc.sentences.length} sentences${tokens} · ${doc.text.length} characters`);
  lines.push(
    `Found      ${doc.entities.length} entities · ${doc.quotes.length} quotes · ${doc.quantities.length} quantities · ` +
      `${doc.times.length} times · ${doc.events.length} events`,
  );
  for (const warning of doc.warnings) lines.push(`Warning    ${warning}`);

  if (doc.events.length) {
    lines.push('', 'Events');
    for (const e of doc.events) {
      const when = e.time?.value ? `, ${e.time.value}` : '';
      const where = e.place ? `, in ${e.place.text}` : '';
      const told = e.mentions.length > 1 ? ` ×${e.mentions.length}` : '';
      lines.push(
        `  ${e.id.padEnd(4)} ${e.type.padEnd(9)} ${arg(e.source)} — ${e.trigger.text} — ${arg(e.target)}${when}${where} [${e.modality}] s${e.sentence}${told}`,
      );
    }
  }
  if (doc.quotes.length) {
    lines.push('', 'Quotes');
    for (const q of doc.quotes) {
      const who = speakerLabel(doc, q) ?? '(no speaker)';
      const said = q.kind === 'direct' ? `„${clip(q.text, WIDTH - 24)}“` : clip(q.text, WIDTH - 22);
      lines.push(`  ${q.id.padEnd(4)} ${who}${q.cue ? ` (${q.cue.lemma})` : ''}: ${said}`);
    }
  }
  if (doc.quantities.length) {
    lines.push('', 'Quantities');
    for (const n of doc.quantities) {
      const value = n.value ?? `~${n.magnitude ?? '?'}`;
      lines.push(`  ${n.id.padEnd(4)} ${n.text} = ${n.bound} ${value}${n.unit ? ` ${n.unit}` : ''} (${n.category})`);
    }
  }
  if (doc.times.length) {
    lines.push('', 'Times');
    for (const t of doc.times) lines.push(`  ${t.id.padEnd(4)} ${t.text} → ${t.value ?? '(unresolved)'} ${t.type}`);
  }
  if (doc.entities.length) {
    lines.push('', 'Entities');
    for (const e of doc.entities) {
      const actor = e.actor ? ` ${e.actor.code}` : '';
      lines.push(`  ${e.id.padEnd(4)} ${e.type.padEnd(4)} ${e.name} ×${e.mentions.length}${actor}`);
    }
  }
  lines.push('', 'Sentences');
  doc.sentences.forEach((s, i) => {
    lines.push(`  ${String(i).padStart(3)}  ${clip(doc.text.slice(s.start, s.end).replace(/\n/g, ' '), WIDTH - 7)}`);
  });
  return lines.join('\n') + '\n';
}

function arg(a: EventArgument | null): string {
  if (!a) return '?';
  if (!a.text) return a.actor ? `(${a.actor}, unnamed)` : '?';
  return a.actor ? `${a.text} (${a.actor})` : a.text;
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}
