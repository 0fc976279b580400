/**
 * Article text with its annotations as nested highlight elements. Annotations nest (a quote holds names,
 * figures and dates); where two cross, the inner one is clipped at the outer one's edge. Paragraphs are
 * rendered separately, so a quote running over a paragraph break becomes two pieces of one annotation.
 */
import { h } from './dom.js';
import { attachTip, type TipContent } from './tooltip.js';

export type AnnotationKind = 'quote' | 'entity' | 'quantity' | 'time' | 'event';

export interface Annotation {
  id: string;
  kind: AnnotationKind;
  start: number;
  end: number;
  /** Extra classes (entity type, quote kind). */
  classes: string[];
  tip: TipContent;
  /** Run when the highlight is entered or focused, and with `false` when left. */
  onActive?: (active: boolean) => void;
}

// Outer before inner when two annotations cover the same characters.
const RANK: Record<AnnotationKind, number> = { quote: 0, entity: 1, quantity: 2, time: 3, event: 4 };

export function byPosition(a: Annotation, b: Annotation): number {
  return a.start - b.start || b.end - a.end || RANK[a.kind] - RANK[b.kind];
}

/** The highlighted text of [from, to), appended to `parent`; `anns` sorted by byPosition. */
function build(
  parent: HTMLElement,
  text: string,
  anns: Annotation[],
  from: number,
  to: number,
  seen: Set<string>,
): void {
  let pos = from;
  let i = 0;
  while (i < anns.length) {
    const a = anns[i]!;
    const start = Math.max(a.start, pos);
    const end = Math.min(a.end, to);
    if (end <= start) {
      i++;
      continue;
    }
    if (start > pos) parent.append(text.slice(pos, start));
    let j = i + 1;
    while (j < anns.length && anns[j]!.start < end) j++;
    const el = h('span', {
      class: ['hl', a.kind, ...a.classes].join(' '),
      tabindex: 0,
      'data-kind': a.kind,
      'data-start': start,
      'data-end': end,
    });
    // The first piece of an annotation is its anchor: the target of links and of the side list.
    if (!seen.has(a.id)) {
      el.setAttribute('data-ann', a.id);
      seen.add(a.id);
    } else el.setAttribute('data-ann-part', a.id);
    attachTip(el, a.tip);
    if (a.onActive) {
      const on = a.onActive;
      el.addEventListener('mouseenter', () => on(true));
      el.addEventListener('focus', () => on(true));
      el.addEventListener('mouseleave', () => on(false));
      el.addEventListener('blur', () => on(false));
    }
    build(el, text, anns.slice(i + 1, j), start, end, seen);
    parent.appendChild(el);
    pos = end;
    i = j;
  }
  if (pos < to) parent.append(text.slice(pos, to));
}

/** One <p> per non-empty line of the text, the first (the headline when there is a title) marked. */
export function highlightedText(text: string, annotations: Annotation[], headlineEnd: number | null): HTMLElement {
  const anns = [...annotations].sort(byPosition);
  const container = h('div', { class: 'article-text', 'data-testid': 'article-text', lang: 'de' });
  const seen = new Set<string>();
  const paragraph = /[^\n]+/g;
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) {
    const from = m.index;
    const to = from + m[0].length;
    const p = h('p', { class: headlineEnd !== null && to <= headlineEnd ? 'headline' : null });
    build(
      p,
      text,
      anns.filter((a) => a.start < to && a.end > from),
      from,
      to,
      seen,
    );
    container.appendChild(p);
  }
  return container;
}
