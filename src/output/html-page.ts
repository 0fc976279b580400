/**
 * `--format html`: a standalone page (no scripts, no external resources) with each document's text and
 * its annotations highlighted; hovering a highlight shows what it is. Every piece of text is escaped.
 */
import type { DocumentOut } from '../document.js';
import { speakerLabel } from './text-summary.js';

interface Mark {
  start: number;
  end: number;
  cls: string;
  title: string;
}

const STYLE = `
body{font:16px/1.6 system-ui,sans-serif;margin:0;background:#f6f6f3;color:#1d1d1b}
main{max-width:1100px;margin:0 auto;padding:24px}
article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:20px 28px;margin-bottom:28px}
h1{font-size:1.3em;margin:0 0 4px} .meta{color:#666;font-size:.85em;margin-bottom:12px}
.warn{color:#8a4b00;font-size:.85em} .text{white-space:pre-wrap}
.s1{background:#f3f6fb} .s0{background:#fff}
.tok{box-shadow:inset -1px 0 0 #d8dce3}
.PER{background:#ffe3b3}.ORG{background:#cfe7ff}.LOC{background:#d4f5d0}.MISC{background:#eadcff}
.quote{text-decoration:underline wavy #7a5cc2;text-underline-offset:4px}
.qty{border-bottom:3px solid #d9480f} .time{border-bottom:3px solid #1c7ed6}
.trigger{outline:2px solid #c92a2a;border-radius:2px}
.legend span{margin-right:10px;padding:0 4px;font-size:.8em}
table{border-collapse:collapse;font-size:.85em;margin-top:14px} td,th{border:1px solid #ddd;padding:2px 8px;text-align:left}
`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderHtmlPage(docs: Array<{ doc: DocumentOut; origin: string }>): string {
  const title =
    docs.length === 1 ? (docs[0]?.doc.title ?? docs[0]?.origin ?? 'Lagebild') : `Lagebild: ${docs.length} documents`;
  const body = docs.map(({ doc, origin }) => renderArticle(doc, origin)).join('\n');
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
<p class="legend"><span class="PER">person</span><span class="ORG">organisation</span><span class="LOC">place</span><span class="MISC">other</span><span class="quote">quote</span><span class="qty">quantity</span><span class="time">time</span><span class="trigger">event</span></p>
${body}
</main></body></html>
`;
}

function renderArticle(doc: DocumentOut, origin: string): string {
  const marks = collectMarks(doc);
  const warnings = doc.warnings.map((w) => `<div class="warn">⚠ ${escapeHtml(w)}</div>`).join('');
  const meta = [
    escapeHtml(origin),
    `published ${escapeHtml(doc.published ?? 'unknown')}`,
    `language ${escapeHtml(doc.lang)}`,
    `${doc.sentences.length} sentences`,
    `id ${escapeHtml(doc.id)}`,
  ].join(' · ');
  return `<article>
<h1>${escapeHtml(doc.title ?? '(no headline)')}</h1>
<div class="meta">${meta}</div>${warnings}
<div class="text">${highlight(doc.text, marks)}</div>
${eventTable(doc)}${quoteTable(doc)}${figureTable(doc)}
</article>`;
}

function collectMarks(doc: DocumentOut): Mark[] {
  const marks: Mark[] = [];
  doc.sentences.forEach((s, i) => marks.push({ ...s, cls: `s${i % 2}`, title: `sentence ${i}` }));
  for (const t of doc.tokens ?? []) marks.push({ start: t.start, end: t.end, cls: 'tok', title: tokenTitle(t) });
  for (const e of doc.entities) {
    const actor = e.actor ? ` · ${e.actor.code}` : '';
    for (const m of e.mentions)
      marks.push({ start: m.start, end: m.end, cls: e.type, title: `${e.id} ${e.type}: ${e.name}${actor}` });
  }
  for (const q of doc.quotes) {
    marks.push({
      start: q.start,
      end: q.end,
      cls: 'quote',
      title: `${q.id} ${q.kind} quote · speaker: ${speakerLabel(doc, q) ?? 'unknown'}`,
    });
  }
  for (const n of doc.quantities) {
    marks.push({
      start: n.start,
      end: n.end,
      cls: 'qty',
      title: `${n.id} ${n.bound} ${n.value ?? n.magnitude ?? '?'} ${n.unit ?? ''} · ${n.category}`,
    });
  }
  for (const t of doc.times)
    marks.push({ start: t.start, end: t.end, cls: 'time', title: `${t.id} ${t.type} ${t.value ?? 'unresolved'}` });
  for (const e of doc.events) {
    marks.push({
      start: e.trigger.start,
      end: e.trigger.end,
      cls: 'trigger',
      title: `${e.id} ${e.type} (${e.modality})`,
    });
  }
  return marks;
}

function tokenTitle(t: {
  text: string;
  upos?: string;
  xpos?: string;
  lemma?: string;
  feats?: string;
  deprel?: string;
}): string {
  return [t.text, t.upos, t.xpos, t.lemma, t.feats, t.deprel].filter((x) => x !== undefined && x !== '').join(' · ');
}

/** Cut the text at every mark boundary; each piece carries the classes and titles of the marks over it. */
export function highlight(text: string, marks: Mark[]): string {
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  let active: Mark[] = [];
  let next = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k] as number;
    const to = points[k + 1] as number;
    while (next < sorted.length && (sorted[next] as Mark).start <= from) active.push(sorted[next++] as Mark);
    active = active.filter((m) => m.end > from);
    const piece = escapeHtml(text.slice(from, to));
    const over = active.filter((m) => m.start <= from && m.end >= to);
    if (over.length === 0) parts.push(piece);
    else {
      const cls = over.map((m) => m.cls).join(' ');
      const title = over.map((m) => m.title).join('\n');
      parts.push(`<span class="${escapeHtml(cls)}" title="${escapeHtml(title)}">${piece}</span>`);
    }
  }
  return parts.join('');
}

function eventTable(doc: DocumentOut): string {
  if (doc.events.length === 0) return '';
  const rows = doc.events
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.id)}</td><td>${escapeHtml(e.source?.text ?? '?')}</td><td>${escapeHtml(e.type)} (${escapeHtml(e.trigger.text)})</td>` +
        `<td>${escapeHtml(e.target?.text ?? '?')}</td><td>${escapeHtml(e.time?.value ?? '')}</td><td>${escapeHtml(e.place?.text ?? '')}</td><td>${escapeHtml(e.modality)}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>id</th><th>source</th><th>action</th><th>target</th><th>when</th><th>where</th><th>modality</th></tr>${rows}</table>`;
}

/** Who said what: speaker, cue and the words, one row per quote. */
function quoteTable(doc: DocumentOut): string {
  if (doc.quotes.length === 0) return '';
  const rows = doc.quotes
    .map((q) => {
      const said = q.kind === 'direct' ? `„${q.text}“` : q.text;
      return (
        `<tr><td>${escapeHtml(q.id)}</td><td>${escapeHtml(speakerLabel(doc, q) ?? '—')}</td>` +
        `<td>${escapeHtml(q.cue?.lemma ?? '')}</td><td>${escapeHtml(q.kind)}</td><td>${escapeHtml(said)}</td></tr>`
      );
    })
    .join('');
  return `<h2>Quotes</h2><table><tr><th>id</th><th>speaker</th><th>cue</th><th>kind</th><th>said</th></tr>${rows}</table>`;
}

/** How many and when: quantities with bound and category, times with their resolved values. */
function figureTable(doc: DocumentOut): string {
  const quantities = doc.quantities
    .map((n) => {
      const value = n.value ?? `~${n.magnitude ?? '?'}`;
      return (
        `<tr><td>${escapeHtml(n.id)}</td><td>${escapeHtml(n.text)}</td><td>${escapeHtml(`${n.bound} ${value} ${n.unit ?? ''}`)}</td>` +
        `<td>${escapeHtml(n.category)}</td></tr>`
      );
    })
    .join('');
  const times = doc.times
    .map(
      (t) =>
        `<tr><td>${escapeHtml(t.id)}</td><td>${escapeHtml(t.text)}</td><td>${escapeHtml(t.value ?? 'unresolved')}</td><td>${escapeHtml(t.type)}</td></tr>`,
    )
    .join('');
  return (
    (quantities
      ? `<h2>Quantities</h2><table><tr><th>id</th><th>text</th><th>value</th><th>category</th></tr>${quantities}</table>`
      : '') +
    (times ? `<h2>Times</h2><table><tr><th>id</th><th>text</th><th>value</th><th>type</th></tr>${times}</table>` : '')
  );
}
