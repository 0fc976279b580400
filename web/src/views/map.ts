/**
 * Where events happened: a red circle per event place (area by event count) over Natural Earth country
 * outlines from the world-atlas package, and grey dots for the other places the articles mention.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { get, type ActorRow, type Paged, type PlaceRow } from '../api.js';
import { formatNumber, h } from '../dom.js';
import { eventFilterBar, eventParams } from '../filters.js';
import { attachTip } from '../tooltip.js';

let world: Promise<FeatureCollection<Geometry>> | null = null;
function countries(): Promise<FeatureCollection<Geometry>> {
  world ??= fetch('/vendor/countries-50m.json')
    .then((r) => {
      if (!r.ok) throw new Error(`Kartendaten nicht geladen (${r.status})`);
      return r.json() as Promise<Topology<{ countries: GeometryCollection }>>;
    })
    .then((topology) => topojson.feature(topology, topology.objects.countries) as FeatureCollection<Geometry>);
  return world;
}

export async function renderMap(root: HTMLElement, _arg: string | null, params: URLSearchParams): Promise<void> {
  const [bar, places, mentioned, land] = await Promise.all([
    eventFilterBar('map', params),
    get<{ items: PlaceRow[] }>('events/places', eventParams(params)),
    get<Paged<ActorRow>>('actors', { type: 'LOC', limit: 500 }),
    countries(),
  ]);
  const others = mentioned.items.filter(
    (a) => a.lat !== null && a.lon !== null && !places.items.some((p) => p.name === a.name),
  );
  root.append(h('h1', {}, 'Karte der Ereignisorte'), bar);
  root.append(h('section', { class: 'panel', 'aria-label': 'Karte' }, drawMap(land, places.items, others)));
  const body = h('tbody', {});
  for (const p of places.items)
    body.append(
      h(
        'tr',
        {},
        h('td', {}, p.name),
        h('td', {}, p.country ?? '—'),
        h('td', {}, formatNumber(p.count)),
        h('td', {}, p.types.map((t) => `${t.type} ${t.count}`).join(', ')),
      ),
    );
  root.append(
    h('h2', {}, `Ereignisorte (${places.items.length})`),
    places.items.length
      ? h(
          'table',
          { 'data-testid': 'place-table' },
          h(
            'thead',
            {},
            h('tr', {}, ...['Ort', 'Land', 'Ereignisse', 'Typen'].map((t) => h('th', { scope: 'col' }, t))),
          ),
          body,
        )
      : h('p', { class: 'muted' }, 'Für diese Filter hat kein Ereignis einen Ort mit Koordinaten.'),
  );
}

function drawMap(land: FeatureCollection<Geometry>, places: PlaceRow[], others: ActorRow[]): Element {
  const width = 960;
  const height = 540;
  const focus = places.length ? places.map((p) => [p.lon, p.lat]) : others.map((a) => [a.lon!, a.lat!]);
  // Fit to circles around the places, so that one city still shows its region and neighbours.
  const extent: FeatureCollection = {
    type: 'FeatureCollection',
    features: focus.map(([lon, lat]) => ({
      type: 'Feature',
      properties: {},
      geometry: d3.geoCircle().center([lon!, lat!]).radius(8)(),
    })),
  };
  const projection = d3.geoNaturalEarth1();
  if (focus.length)
    projection.fitExtent(
      [
        [20, 20],
        [width - 20, height - 20],
      ],
      extent,
    );
  else projection.fitSize([width, height], { type: 'Sphere' });
  const path = d3.geoPath(projection);

  const svg = d3
    .create('svg')
    .attr('class', 'chart map')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'group')
    .attr('aria-label', `Karte mit ${places.length} Ereignisorten`);
  svg
    .append('path')
    .attr('class', 'sphere')
    .attr('d', path({ type: 'Sphere' }) ?? '');
  svg
    .append('g')
    .selectAll('path')
    .data(land.features)
    .join('path')
    .attr('class', 'country')
    .attr('d', (f) => path(f) ?? '');

  const project = (lon: number, lat: number): [number, number] => projection([lon, lat]) ?? [-100, -100];
  const mentionedLayer = svg.append('g').attr('class', 'mentioned');
  for (const a of others) {
    const [x, y] = project(a.lon!, a.lat!);
    const g = mentionedLayer.append('g').attr('transform', `translate(${x},${y})`);
    g.append('circle').attr('r', 3);
    g.append('title').text(`${a.name}: erwähnt in ${a.documents} Artikel(n), ohne Ereignis`);
  }

  const max = d3.max(places, (p) => p.count) ?? 1;
  const radius = d3.scaleSqrt().domain([0, max]).range([0, 22]);
  const placeLayer = svg.append('g');
  for (const p of [...places].sort((a, b) => b.count - a.count)) {
    const [x, y] = project(p.lon, p.lat);
    const g = placeLayer
      .append('g')
      .attr('class', 'place')
      .attr('data-place', p.name)
      .attr('transform', `translate(${x},${y})`)
      .attr('tabindex', 0)
      .attr('role', 'img')
      .attr('aria-label', `${p.name}: ${p.count} Ereignisse`);
    const r = Math.max(5, radius(p.count));
    g.append('circle').attr('r', r);
    g.append('text')
      .attr('x', r + 4)
      .attr('y', 4)
      .text(p.name);
    attachTip(g.node()!, () => ({
      title: `${p.name}${p.country ? ` (${p.country})` : ''}`,
      lines: [`${p.count} Ereignis${p.count === 1 ? '' : 'se'}`, ...p.types.map((t) => `${t.type}: ${t.count}`)],
    }));
  }
  return svg.node()!;
}
