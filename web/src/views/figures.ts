/**
 * Contested figures: the same kind of count (category, country, week) given with different values by
 * different articles or speakers, side by side with who gives each value and where.
 */
import { get, getSummary, type FigureGroup, type Paged } from '../api.js';
import { field, formatBound, formatNumber, h, route, select } from '../dom.js';

export async function renderFigures(root: HTMLElement, _arg: string | null, params: URLSearchParams): Promise<void> {
  const category = params.get('category') ?? '';
  const country = params.get('country') ?? '';
  const all = params.get('all') === 'true';
  const [summary, result] = await Promise.all([
    getSummary(),
    get<Paged<FigureGroup>>('figures', { category, country, all: all || null, limit: 200 }),
  ]);
  const { vocabulary } = summary;
  const form = h('form', { class: 'filters', 'aria-label': 'Filter' });
  const allBox = h('input', { type: 'checkbox', name: 'all', checked: all });
  form.append(
    field(
      'Kategorie',
      select(
        'category',
        [['', 'alle'], ...vocabulary.categories.filter((c) => c !== 'OTHER').map((c): [string, string] => [c, c])],
        category,
      ),
    ),
    field(
      'Land',
      select('country', [['', 'alle'], ...vocabulary.countries.map((c): [string, string] => [c, c])], country),
    ),
    h('label', { class: 'inline' }, allBox, 'auch unstrittige Zahlen zeigen'),
  );
  const apply = (): void => {
    const data = new FormData(form);
    location.hash = route('figures', {
      category: String(data.get('category') ?? ''),
      country: String(data.get('country') ?? ''),
      all: allBox.checked ? 'true' : '',
    });
  };
  for (const el of form.querySelectorAll('select, input')) el.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  root.append(
    h('h1', {}, 'Strittige Zahlen'),
    h(
      'p',
      { class: 'muted' },
      'Dieselbe Art von Zahl (Kategorie, Land, Einheit, innerhalb einer Woche) mit verschiedenen Werten aus verschiedenen Artikeln oder Quellen.',
    ),
    form,
    h('p', { class: 'muted', 'data-testid': 'figure-count' }, `${result.total} Gruppen`),
  );
  if (!result.items.length)
    root.append(
      h(
        'p',
        { class: 'muted' },
        'Keine widersprüchlichen Zahlen für diese Filter. „auch unstrittige Zahlen zeigen“ listet alle.',
      ),
    );
  for (const g of result.items) {
    const low = g.values[0]!;
    const high = g.values[g.values.length - 1]!;
    const body = h('tbody', {});
    for (const r of g.reports)
      body.append(
        h(
          'tr',
          {},
          h('td', { class: 'figure-value' }, formatBound(r.bound, r.value)),
          h('td', {}, `„${r.text}“`),
          h('td', {}, r.attribution ?? '—'),
          h(
            'td',
            {},
            h(
              'a',
              { href: route(`article/${encodeURIComponent(r.document.id)}`, { focus: r.quantity }) },
              r.document.title ?? r.document.id,
            ),
            r.document.source ? ` (${r.document.source})` : '',
          ),
          h('td', {}, r.date ?? '—'),
        ),
      );
    root.append(
      h(
        'section',
        { class: 'figure-group', 'data-category': g.category },
        h('h2', {}, [g.category, g.country ?? 'Land unbekannt', period(g.period), g.unit].filter(Boolean).join(' · ')),
        h(
          'p',
          { class: 'range' },
          low === high ? formatNumber(low) : `${formatNumber(low)} – ${formatNumber(high)}`,
          h('span', { class: 'muted' }, ` (${g.reports.length} Angaben)`),
        ),
        h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['Wert', 'Textstelle', 'Wer sagt das', 'Artikel', 'Tag'].map((t) => h('th', { scope: 'col' }, t)),
            ),
          ),
          body,
        ),
      ),
    );
  }
}

function period(p: FigureGroup['period']): string {
  if (!p) return 'ohne Datum';
  return p.from === p.to ? p.from : `${p.from} bis ${p.to}`;
}
