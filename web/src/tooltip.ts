/**
 * One tooltip for the whole page: shown on hover and on keyboard focus, hidden on leave, blur or Escape.
 * Its content is built from text nodes (see dom.ts).
 */
import { append, h, type Child } from './dom.js';

export type TipContent = () => { title: string; lines: Child[] };

let current: Element | null = null;

function tipElement(): HTMLElement {
  return document.getElementById('tooltip') as HTMLElement;
}

export function showTip(target: Element, content: TipContent): void {
  const tip = tipElement();
  const { title, lines } = content();
  tip.replaceChildren(h('span', { class: 'tip-title' }, title));
  for (const line of lines)
    if (line !== null && line !== undefined && line !== false) append(tip, [h('span', { class: 'tip-line' }, line)]);
  tip.hidden = false;
  const box = target.getBoundingClientRect();
  const width = tip.offsetWidth;
  const left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + window.innerWidth - width - 8));
  let top = window.scrollY + box.bottom + 6;
  if (box.bottom + tip.offsetHeight + 12 > window.innerHeight) top = window.scrollY + box.top - tip.offsetHeight - 6;
  tip.style.left = `${left}px`;
  tip.style.top = `${top}px`;
  current = target;
}

export function hideTip(target?: Element): void {
  if (target && current !== target) return;
  tipElement().hidden = true;
  current = null;
}

/**
 * Show `content` while the pointer is over `el` or it has focus. Highlights nest (a name inside a quote):
 * the innermost one under the pointer wins, and moving back onto the outer one's own text shows its tip.
 */
export function attachTip(el: Element, content: TipContent): void {
  el.addEventListener('mouseover', (event) => {
    event.stopPropagation();
    if (current !== el) showTip(el, content);
  });
  el.addEventListener('mouseout', (event) => {
    event.stopPropagation();
    hideTip(el);
  });
  el.addEventListener('focus', () => showTip(el, content));
  el.addEventListener('blur', () => hideTip(el));
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideTip();
});
