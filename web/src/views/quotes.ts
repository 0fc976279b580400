/** Who said what: quotes grouped by speaker (most quoted first), each linked to its place in the article. */
import { get, type Paged, type QuoteRow } from '../api.js';
import { field, h, route, select } from '../dom.js';

export async function renderQuotes(root: HTMLElement, _arg: string | null, params: URLSearchParams): Promise<void> {
  const speaker = params.get('speaker') ?? '';
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const result = await get<Paged<QuoteRow>>('quotes', { speaker, q, kind, limit: 500 });

  const form = h('form', { class: 'filters', 'aria-label': 'Filter' });
  form.append(
    field('Sprecher', h('input', { name: 'speaker', type: 'text', value: speaker, placeholder: 'Name oder Akteur' })),
    field('Wortlaut enthält', h('input', { name: 'q', type: 'text', value: q })),
    field(
      'Art',
      select(
        'kind',
        [
          ['', 'alle'],
          ['direct', 'direkt'],
          ['indirect', 'indirekt'],
        ],
        kind,
      ),
    ),
    h('button', { type: 'submit' }, 'Anwenden'),
    h('a', { href: route('quotes') }, 'zurücksetzen'),
  );
  const apply = (): void => {
    const data = new FormData(form);
    location.hash = route('quotes', {
      speaker: String(data.get('speaker') ?? '').trim(),
      q: String(data.get('q') ?? '').trim(),
      kind: String(data.get('kind') ?? ''),
    });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  form.querySelector('select')?.addEventListener('change', apply);
  root.append(h('h1', {}, 'Zitate nach Sprecher'), form);

  const groups = new Map<string, QuoteRow[]>();
  for (const quote of result.items) {
    const name = quote.speaker?.name ?? quote.speaker?.text ?? 'Sprecher nicht genannt';
    let group = groups.get(name);
    if (!group) groups.set(name, (group = []));
    group.push(quote);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'de'));
  root.append(
    h(
      'p',
      { class: 'muted', 'data-testid': 'quote-count' },
      `${result.total} Zitate von ${groups.size} Sprechern${result.total > result.items.length ? ` (die ersten ${result.items.length})` : ''}`,
    ),
  );
  for (const [name, quotes] of sorted) {
    const section = h(
      'section',
      { class: 'speaker-group', 'data-speaker': name },
      h('h2', {}, `${name} (${quotes.length})`),
    );
    for (const quote of quotes)
      section.append(
        h(
          'blockquote',
          { class: quote.kind },
          h('span', {}, quote.kind === 'direct' ? `„${quote.text}“` : quote.text),
          h(
            'div',
            { class: 'meta muted' },
            quote.cue?.text ? `„${quote.cue.text}“ · ` : '',
            h(
              'a',
              { href: route(`article/${encodeURIComponent(quote.document.id)}`, { focus: quote.id }) },
              quote.document.title ?? quote.document.id,
            ),
            quote.document.published ? ` · ${quote.document.published}` : '',
          ),
        ),
      );
    root.append(section);
  }
}
