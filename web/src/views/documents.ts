/** The article list, newest first; with ?q= the full-text search over text, quotes and entity names. */
import { get, type DocumentSummary, type Paged } from '../api.js';
import { h, pager, route } from '../dom.js';

const PAGE = 50;

export async function renderDocuments(root: HTMLElement, _arg: string | null, params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const result = await get<Paged<DocumentSummary>>('documents', { q, limit: PAGE, offset });
  root.append(
    h('h1', {}, q ? `Suche: „${q}“` : 'Artikel'),
    h(
      'p',
      { class: 'muted', 'data-testid': 'result-count' },
      q ? `${result.total} Treffer` : `${result.total} Artikel im Lagebild`,
    ),
  );
  const list = h('ol', { class: 'doc-list', start: offset + 1 });
  for (const doc of result.items) {
    const c = doc.counts;
    list.appendChild(
      h(
        'li',
        {},
        h(
          'a',
          { href: route(`article/${encodeURIComponent(doc.id)}`), class: 'doc-title' },
          doc.title ?? '(ohne Titel)',
        ),
        h(
          'div',
          { class: 'meta' },
          [doc.published ?? 'ohne Datum', doc.source.name, doc.version > 1 ? `Version ${doc.version}` : null]
            .filter(Boolean)
            .join(' · '),
          ' — ',
          `${c.events} Ereignisse, ${c.quotes} Zitate, ${c.quantities} Zahlen, ${c.entities} Namen`,
        ),
      ),
    );
  }
  root.append(list);
  root.append(pager('documents', { q }, offset, PAGE, result.total));
}
