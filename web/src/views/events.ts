/** Events over time: a stacked bar per day and PLOVER type, and the filtered list below it. */
import { get, getSummary, type EventRow, type Paged } from '../api.js';
import { h, modalityBadge, route } from '../dom.js';
import { eventFilterBar, eventParams } from '../filters.js';
import { typeColours } from '../colours.js';

const PAGE = 100;

export async function renderEvents(root: HTMLElement, _arg: string | null, params: URLSearchParams): Promise<void> {
  const filters = eventParams(params);
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [bar, timeline, events, summary] = await Promise.all([
    eventFilterBar('events', params),
    get<{ items: Array<{ date: string; type: string; count: number }> }>('events/timeline', filters),
    get<Paged<EventRow>>('events', { ...filters, limit: PAGE, offset }),
    getSummary(),
  ]);
  const typeColour = typeColours(summary.vocabulary.types);
  root.append(h('h1', {}, 'Ereignisse'), bar);
  root.append(
    h(
      'section',
      { class: 'panel', 'aria-label': 'Zeitleiste' },
      h('h2', {}, 'Zeitleiste: Ereignisse pro Tag und Typ'),
      timelineChart(timeline.items, typeColour),
    ),
  );
  root.append(
    h('h2', {}, 'Liste'),
    h('p', { class: 'muted', 'data-testid': 'event-count' }, `${events.total} Ereignisse`),
    eventTable(events.items),
  );
  if (events.total > offset + PAGE)
    root.append(
      h(
        'p',
        {},
        h('a', { href: route('events', { ...stringParams(params), offset: String(offset + PAGE) }) }, 'weitere →'),
      ),
    );
}

function stringParams(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}

const actorText = (a: EventRow['source']): string =>
  a ? `${a.name ?? a.text ?? a.actor ?? '?'}${a.actor ? ` [${a.actor}]` : ''}` : '—';

/** The event list as a table: day, source, action, target, place, modality, and the reporting article(s). */
export function eventTable(rows: EventRow[]): HTMLElement {
  const body = h('tbody', {});
  for (const e of rows)
    body.append(
      h(
        'tr',
        { 'data-type': e.type },
        h('td', {}, e.date ?? '—'),
        h('td', {}, actorText(e.source)),
        h(
          'td',
          {},
          h('span', { class: 'event-type' }, e.type),
          ` „${e.trigger.text}“`,
          e.cameo ? ` · CAMEO ${e.cameo}` : '',
        ),
        h('td', {}, actorText(e.target)),
        h('td', {}, e.place?.name ?? e.place?.text ?? '—'),
        h('td', {}, modalityBadge(e.modality)),
        h(
          'td',
          {},
          h(
            'a',
            { href: route(`article/${encodeURIComponent(e.document.id)}`, { focus: e.id }) },
            e.document.title ?? e.document.id,
          ),
          e.group && e.group.sources > 1
            ? h('span', { class: 'muted', 'data-testid': 'event-sources' }, ` · in ${e.group.sources} Artikeln`)
            : '',
        ),
      ),
    );
  return h(
    'table',
    { 'data-testid': 'event-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['Tag', 'Quelle', 'Handlung', 'Ziel', 'Ort', 'Modalität', 'Artikel'].map((t) =>
          h('th', { scope: 'col' }, t),
        ),
      ),
    ),
    body,
  );
}

function timelineChart(
  items: Array<{ date: string; type: string; count: number }>,
  typeColour: (type: string) => string,
): Element {
  if (!items.length) return h('p', { class: 'muted' }, 'Keine datierten Ereignisse für diese Filter.');
  const days = [...new Set(items.map((d) => d.date))].sort();
  const types = [...new Set(items.map((d) => d.type))].sort();
  const byDay = new Map<string, Record<string, number>>(days.map((d) => [d, {}]));
  for (const item of items) byDay.get(item.date)![item.type] = item.count;
  const table = days.map((date) => ({ date, ...byDay.get(date) })) as Array<Record<string, number | string>>;
  const series = d3
    .stack<Record<string, number | string>>()
    .keys(types)
    .value((d, key) => Number(d[key] ?? 0))(table);

  const width = 960;
  const height = 260;
  const margin = { top: 10, right: 10, bottom: 50, left: 36 };
  const x = d3
    .scaleBand()
    .domain(days)
    .range([margin.left, width - margin.right])
    .padding(0.2);
  const max = d3.max(series, (s) => d3.max(s, (d) => d[1])) ?? 1;
  const y = d3
    .scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const svg = d3
    .create('svg')
    .attr('class', 'chart timeline')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', `Ereignisse pro Tag, ${days[0]} bis ${days[days.length - 1]}`);
  svg
    .append('g')
    .selectAll('g')
    .data(series)
    .join('g')
    .attr('fill', (s) => typeColour(s.key))
    .selectAll('rect')
    .data((s) => s.map((d) => ({ d, type: s.key })))
    .join('rect')
    .attr('x', ({ d }) => x(String(d.data['date']))!)
    .attr('y', ({ d }) => y(d[1]))
    .attr('height', ({ d }) => y(d[0]) - y(d[1]))
    .attr('width', x.bandwidth())
    .append('title')
    .text(({ d, type }) => `${String(d.data['date'])}: ${d[1] - d[0]} × ${type}`);
  const every = Math.ceil(days.length / 16);
  svg
    .append('g')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).tickValues(days.filter((_, i) => i % every === 0)))
    .selectAll('text')
    .attr('transform', 'rotate(-30)')
    .attr('text-anchor', 'end');
  svg
    .append('g')
    .attr('transform', `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('d')));

  const legend = h('div', { class: 'legend' });
  for (const t of types)
    legend.append(
      h('span', {}, h('span', { class: 'swatch', 'data-colour': typeColour(t), 'aria-hidden': 'true' }), t),
    );
  for (const swatch of legend.querySelectorAll<HTMLElement>('[data-colour]'))
    swatch.style.background = swatch.dataset['colour']!;
  return h('div', {}, svg.node()!, legend);
}
