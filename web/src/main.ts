/**
 * The dashboard's entry: a hash router (#/view/argument?filters) over the views, the header's search
 * box, and the store summary line. Each view renders into a fresh element that replaces the old one only
 * if the user has not navigated on meanwhile.
 */
import { getSummary } from './api.js';
import { errorBox, formatNumber, h, route } from './dom.js';
import { hideTip } from './tooltip.js';
import { renderArticle } from './views/article.js';
import { renderDocuments } from './views/documents.js';
import { renderEvents } from './views/events.js';
import { renderFigures } from './views/figures.js';
import { renderMap } from './views/map.js';
import { renderNetwork } from './views/network.js';
import { renderQuotes } from './views/quotes.js';
import { renderStories } from './views/stories.js';

export type View = (root: HTMLElement, arg: string | null, params: URLSearchParams) => Promise<void>;

const VIEWS: Array<{ name: string; label: string; view: View; nav: boolean }> = [
  { name: 'documents', label: 'Artikel', view: renderDocuments, nav: true },
  { name: 'stories', label: 'Geschichten', view: renderStories, nav: true },
  { name: 'events', label: 'Ereignisse', view: renderEvents, nav: true },
  { name: 'map', label: 'Karte', view: renderMap, nav: true },
  { name: 'network', label: 'Akteursnetz', view: renderNetwork, nav: true },
  { name: 'quotes', label: 'Zitate', view: renderQuotes, nav: true },
  { name: 'figures', label: 'Strittige Zahlen', view: renderFigures, nav: true },
  { name: 'article', label: 'Artikel', view: renderArticle, nav: false },
];

let generation = 0;

function parseHash(): { name: string; arg: string | null; params: URLSearchParams } {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = hash.split('?', 2);
  const [name = '', arg = null] = path.split('/', 2);
  return { name: name || 'documents', arg: arg ? decodeURIComponent(arg) : null, params: new URLSearchParams(query) };
}

async function show(): Promise<void> {
  const { name, arg, params } = parseHash();
  const entry = VIEWS.find((v) => v.name === name) ?? VIEWS[0]!;
  const mine = ++generation;
  hideTip();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    const active = link.dataset['view'] === (entry.name === 'article' ? 'documents' : entry.name);
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const search = document.getElementById('search-q') as HTMLInputElement;
  if (entry.name === 'documents') search.value = params.get('q') ?? '';
  const root = h('div', { class: `view view-${entry.name}`, 'data-view': entry.name });
  try {
    await entry.view(root, arg, params);
  } catch (error) {
    root.replaceChildren(errorBox(error));
  }
  if (mine !== generation) return;
  const main = document.getElementById('view') as HTMLElement;
  main.replaceChildren(root);
  document.title = `${root.querySelector('h1')?.textContent ?? entry.label} · Lagebild`;
  const focus = params.get('focus');
  const target = focus ? root.querySelector<HTMLElement>(`[data-ann="${CSS.escape(focus)}"]`) : null;
  if (target) {
    target.scrollIntoView({ block: 'center' });
    target.focus();
    target.classList.add('flash');
  } else window.scrollTo(0, 0);
}

async function showSummary(): Promise<void> {
  const el = document.getElementById('summary') as HTMLElement;
  try {
    const s = await getSummary();
    el.textContent = [
      `${formatNumber(s.documents)} Artikel`,
      `${formatNumber(s.events)} Ereignisse`,
      `${formatNumber(s.actors)} Akteure`,
      `${formatNumber(s.quotes)} Zitate`,
      `${formatNumber(s.quantities)} Zahlenangaben`,
    ].join(' · ');
  } catch (error) {
    el.replaceChildren(errorBox(error));
  }
}

function start(): void {
  const nav = document.getElementById('nav') as HTMLElement;
  for (const v of VIEWS.filter((x) => x.nav))
    nav.appendChild(h('li', {}, h('a', { href: route(v.name), 'data-view': v.name }, v.label)));
  document.getElementById('search')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = (document.getElementById('search-q') as HTMLInputElement).value.trim();
    location.hash = route('documents', { q });
  });
  window.addEventListener('hashchange', () => void show());
  void showSummary();
  void show();
}

start();
