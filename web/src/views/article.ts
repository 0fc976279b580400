/**
 * One article as the analyst reads it: the text with names, quotes (speaker linked), figures, dates and
 * event triggers highlighted in distinct styles, details on hover or focus, and beside it the events as
 * "source — action — target, when, where, modality"; choosing one jumps to its trigger.
 */
import { get, type AnalysisOut, type ArgumentOut, type EventOut, type StoredDocument } from '../api.js';
import { formatBound, h, MODALITY_WORDS, modalityBadge, route } from '../dom.js';
import { highlightedText, type Annotation, type AnnotationKind } from '../highlight.js';

const KINDS: Array<[AnnotationKind, string]> = [
  ['entity', 'Namen'],
  ['quote', 'Zitate'],
  ['quantity', 'Zahlen'],
  ['time', 'Zeitangaben'],
  ['event', 'Ereignisse'],
];

export async function renderArticle(root: HTMLElement, id: string | null): Promise<void> {
  if (!id) throw new Error('Kein Artikel angegeben.');
  const stored = await get<StoredDocument>(`documents/${encodeURIComponent(id)}`);
  const doc = stored.analysis;
  const names = new Map(doc.entities.map((e) => [e.id, e]));
  const times = new Map(doc.times.map((t) => [t.id, t]));
  const argument = (a: ArgumentOut | null): string =>
    a ? `${a.entity ? (names.get(a.entity)?.name ?? a.text) : a.text}${a.actor ? ` [${a.actor}]` : ''}` : '—';
  const when = (e: EventOut): string | null =>
    e.time ? (e.time.value ?? (e.time.time ? (times.get(e.time.time)?.value ?? null) : null)) : null;
  const where = (e: EventOut): string | null =>
    e.place ? (e.place.entity ? (names.get(e.place.entity)?.name ?? e.place.text) : e.place.text) : null;

  const annotations: Annotation[] = [];
  // Speaker spans light up while their quote is hovered or focused.
  const speakerSpans = (start: number, end: number): HTMLElement[] =>
    [...root.querySelectorAll<HTMLElement>('.hl.entity')].filter(
      (el) => Number(el.dataset['start']) >= start && Number(el.dataset['end']) <= end,
    );

  for (const e of doc.entities)
    for (const [i, m] of e.mentions.entries())
      annotations.push({
        id: i === 0 ? e.id : `${e.id}.${i}`,
        kind: 'entity',
        start: m.start,
        end: m.end,
        classes: [e.type],
        tip: () => ({
          title: `${e.name} (${e.type})`,
          lines: [
            e.actor?.code ? `Akteurscode: ${e.actor.code}` : null,
            e.place
              ? `Ort: ${e.place.name}${e.place.country ? `, ${e.place.country}` : ''} (${e.place.lat}, ${e.place.lon})`
              : null,
            `${e.mentions.length} Erwähnung${e.mentions.length === 1 ? '' : 'en'}`,
          ],
        }),
      });
  for (const q of doc.quotes) {
    const speaker = q.speaker
      ? q.speaker.entity
        ? (names.get(q.speaker.entity)?.name ?? q.speaker.text)
        : q.speaker.text
      : null;
    annotations.push({
      id: q.id,
      kind: 'quote',
      start: q.start,
      end: q.end,
      classes: [q.kind],
      tip: () => ({
        title: `${q.kind === 'direct' ? 'Direktes' : 'Indirektes'} Zitat`,
        lines: [
          `Sprecher: ${speaker ?? 'nicht genannt'}`,
          q.cue ? `Redeeinleitung: „${q.cue.text}“ (${q.cue.lemma})` : null,
        ],
      }),
      onActive: (active) => {
        if (!q.speaker) return;
        for (const el of speakerSpans(q.speaker.start, q.speaker.end)) el.classList.toggle('speaker-of-active', active);
      },
    });
  }
  for (const n of doc.quantities)
    annotations.push({
      id: n.id,
      kind: 'quantity',
      start: n.start,
      end: n.end,
      classes: [],
      tip: () => ({
        title: n.value === null ? n.text : `${formatBound(n.bound, n.value)}${n.unit ? ` ${n.unit}` : ''}`,
        lines: [
          `Kategorie: ${n.category}`,
          n.counted ? `Gezählt: ${n.counted}` : null,
          n.event ? `Ereignis: ${n.event}` : null,
        ],
      }),
    });
  for (const t of doc.times)
    annotations.push({
      id: t.id,
      kind: 'time',
      start: t.start,
      end: t.end,
      classes: [],
      tip: () => ({ title: t.value ?? 'nicht aufgelöst', lines: [`${t.type}: „${t.text}“`] }),
    });
  for (const e of doc.events)
    for (const [i, m] of e.mentions.entries())
      annotations.push({
        id: i === 0 ? e.id : `${e.id}.${i}`,
        kind: 'event',
        start: m.start,
        end: m.end,
        classes: [e.modality],
        tip: () => ({
          title: `${e.type}${e.mode ? ` / ${e.mode}` : ''}${e.cameo ? ` (CAMEO ${e.cameo})` : ''}`,
          lines: [
            `${argument(e.source)} — ${e.trigger.lemma} — ${argument(e.target)}`,
            `Modalität: ${MODALITY_WORDS[e.modality] ?? e.modality}`,
            when(e) ? `Wann: ${when(e)}` : null,
            where(e) ? `Wo: ${where(e)}` : null,
            e.attribution?.quote ? `Laut Zitat ${e.attribution.quote}` : null,
          ],
        }),
      });

  const headlineEnd = doc.title && doc.text.startsWith(doc.title) ? doc.title.length : null;
  const text = highlightedText(doc.text, annotations, headlineEnd);

  const legend = h('div', { class: 'legend', role: 'group', 'aria-label': 'Hervorhebungen' });
  for (const [kind, label] of KINDS) {
    const box = h('input', { type: 'checkbox', checked: true, 'data-kind': kind });
    box.addEventListener('change', () => text.classList.toggle(`hide-${kind}`, !box.checked));
    legend.append(h('label', {}, box, h('span', { class: `swatch ${kind}`, 'aria-hidden': 'true' }), label));
  }

  root.append(
    h('h1', {}, doc.title ?? '(ohne Titel)'),
    h(
      'p',
      { class: 'muted' },
      [doc.published ?? 'ohne Datum', doc.source.name, `Version ${stored.version}`].filter(Boolean).join(' · '),
      doc.source.url ? ' · ' : null,
      doc.source.url && /^https?:\/\//.test(doc.source.url)
        ? h('a', { href: doc.source.url, rel: 'noopener noreferrer' }, 'Quelle')
        : null,
    ),
    h(
      'div',
      { class: 'article' },
      h('div', {}, legend, text),
      h(
        'aside',
        { class: 'sidebar panel', 'aria-label': 'Ereignisse des Artikels' },
        eventList(doc, argument, when, where, root),
      ),
    ),
  );
}

function eventList(
  doc: AnalysisOut,
  argument: (a: ArgumentOut | null) => string,
  when: (e: EventOut) => string | null,
  where: (e: EventOut) => string | null,
  root: HTMLElement,
): HTMLElement {
  const list = h('ol', { class: 'event-list', 'data-testid': 'event-list' });
  for (const e of doc.events) {
    const button = h(
      'button',
      { type: 'button', 'data-event': e.id },
      h(
        'span',
        {},
        `${argument(e.source)} — `,
        h('span', { class: 'event-type' }, e.type),
        ` (${e.trigger.text}) — ${argument(e.target)}`,
      ),
      h('div', { class: 'meta muted' }, modalityBadge(e.modality), [when(e), where(e)].filter(Boolean).join(', ')),
    );
    button.addEventListener('click', () => {
      const target = root.querySelector<HTMLElement>(`[data-ann="${CSS.escape(e.id)}"]`);
      if (!target) return;
      target.scrollIntoView({ block: 'center', behavior: 'smooth' });
      target.focus({ preventScroll: true });
      target.classList.remove('flash');
      void target.offsetWidth;
      target.classList.add('flash');
    });
    list.append(h('li', {}, button));
  }
  return h(
    'div',
    {},
    h('h2', {}, `Ereignisse (${doc.events.length})`),
    doc.events.length ? list : h('p', { class: 'muted' }, 'Keine Ereignisse erkannt.'),
    h('p', {}, h('a', { href: route('events') }, 'Alle Ereignisse im Lagebild →')),
  );
}
