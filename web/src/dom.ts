/**
 * DOM building without HTML strings: every piece of text goes in as a text node or an attribute value,
 * never through innerHTML, so article text (which may contain markup) is always shown, never run.
 */

export type Child = Node | string | number | null | undefined | false;
type Attr = string | number | boolean | null | undefined | ((event: Event) => void);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, Attr> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function clear(el: Element): void {
  el.replaceChildren();
}

/** A link inside the dashboard: `#/view?param=value`, parameters encoded. */
export function route(view: string, params: Record<string, string | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const q = search.toString();
  return `#/${view}${q ? `?${q}` : ''}`;
}

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

const BOUND_WORDS: Record<string, string> = {
  exact: '',
  atLeast: 'mindestens ',
  moreThan: 'mehr als ',
  atMost: 'höchstens ',
  lessThan: 'weniger als ',
  approx: 'etwa ',
};
export function formatBound(bound: string, value: number): string {
  return `${BOUND_WORDS[bound] ?? ''}${formatNumber(value)}`;
}

export const MODALITY_WORDS: Record<string, string> = {
  asserted: 'berichtet',
  negated: 'verneint',
  planned: 'geplant',
  hypothetical: 'hypothetisch',
  alleged: 'behauptet',
};

export function modalityBadge(modality: string): HTMLElement {
  return h('span', { class: `badge ${modality}`, title: modality }, MODALITY_WORDS[modality] ?? modality);
}

export function errorBox(error: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error));
}

/** A labelled form control for the filter bars. */
export function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', {}, label, control);
}

export function select(
  name: string,
  options: Array<[value: string, label: string]>,
  current: string | null | undefined,
): HTMLSelectElement {
  const el = h('select', { name });
  for (const [value, label] of options) {
    const option = h('option', { value }, label);
    if (value === (current ?? '')) option.selected = true;
    el.appendChild(option);
  }
  return el;
}

/** "← vorige" / "nächste →" links for a list shown `size` items at a time from `offset`. */
export function pager(
  view: string,
  params: Record<string, string>,
  offset: number,
  size: number,
  total: number,
): HTMLElement {
  const links = h('p', {});
  if (offset > 0)
    links.append(
      h('a', { href: route(view, { ...params, offset: String(Math.max(0, offset - size)) }) }, '← vorige'),
      ' ',
    );
  if (offset + size < total)
    links.append(h('a', { href: route(view, { ...params, offset: String(offset + size) }) }, 'nächste →'));
  return links;
}
