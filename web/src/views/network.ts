/**
 * Who acts on whom: actors (CAMEO codes where known, names otherwise) as nodes, events as directed edges
 * whose width is the event count and whose colour says cooperation (QuadClass 1–2) or conflict (3–4).
 * The layout is computed to rest before drawing, so the picture is the same on every visit.
 */
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3';
import { get, type EdgeRow } from '../api.js';
import { h } from '../dom.js';
import { eventFilterBar, eventParams } from '../filters.js';
import { quadTone } from '../colours.js';
import { attachTip } from '../tooltip.js';

interface Node extends SimulationNodeDatum {
  id: string;
  events: number;
}

interface Link extends SimulationLinkDatum<Node> {
  source: string | Node;
  target: string | Node;
  count: number;
  tone: 'coop' | 'conflict' | 'neutral';
  types: EdgeRow[];
}

export async function renderNetwork(root: HTMLElement, _arg: string | null, params: URLSearchParams): Promise<void> {
  const [bar, network] = await Promise.all([
    eventFilterBar('network', params),
    get<{ items: EdgeRow[] }>('events/network', eventParams(params)),
  ]);
  root.append(
    h('h1', {}, 'Akteursnetz'),
    bar,
    h(
      'p',
      { class: 'muted' },
      'Kanten: ',
      h('span', { class: 'key-coop' }, 'grün = Kooperation'),
      ', ',
      h('span', { class: 'key-conflict' }, 'rot = Konflikt'),
      ' (CAMEO QuadClass); Breite = Zahl der Ereignisse. Pfeile zeigen von der Quelle zum Ziel.',
    ),
  );
  const edges = network.items.filter((e) => e.source !== e.target);
  root.append(
    h(
      'section',
      { class: 'panel', 'aria-label': 'Netz' },
      edges.length
        ? drawNetwork(edges)
        : h('p', { class: 'muted' }, 'Keine Ereignisse mit Quelle und Ziel für diese Filter.'),
    ),
  );
  const body = h('tbody', {});
  for (const e of network.items)
    body.append(
      h(
        'tr',
        { class: quadTone(e.quadClass) },
        h('td', {}, e.source),
        h('td', {}, e.type),
        h('td', {}, e.target),
        h('td', {}, String(e.count)),
        h('td', {}, e.goldstein === null ? '—' : String(e.goldstein)),
      ),
    );
  root.append(
    h('h2', {}, 'Kanten'),
    h(
      'table',
      { 'data-testid': 'edge-table' },
      h(
        'thead',
        {},
        h('tr', {}, ...['Quelle', 'Typ', 'Ziel', 'Ereignisse', 'Goldstein Ø'].map((t) => h('th', { scope: 'col' }, t))),
      ),
      body,
    ),
  );
}

function drawNetwork(rows: EdgeRow[]): Element {
  const width = 960;
  const height = 560;
  const pairs = new Map<string, Link>();
  const nodes = new Map<string, Node>();
  for (const row of rows) {
    for (const id of [row.source, row.target]) {
      const node = nodes.get(id) ?? { id, events: 0 };
      node.events += row.count;
      nodes.set(id, node);
    }
    const key = `${row.source}\u0000${row.target}`;
    const link = pairs.get(key) ?? { source: row.source, target: row.target, count: 0, tone: 'neutral', types: [] };
    link.count += row.count;
    link.types.push(row);
    pairs.set(key, link);
  }
  for (const link of pairs.values()) {
    // The tone of the pair is that of most of its events.
    const weight = { coop: 0, conflict: 0, neutral: 0 };
    for (const t of link.types) weight[quadTone(t.quadClass)] += t.count;
    link.tone = weight.conflict > weight.coop ? 'conflict' : weight.coop > 0 ? 'coop' : 'neutral';
  }
  const nodeList = [...nodes.values()];
  const links = [...pairs.values()];
  const simulation = d3
    .forceSimulation(nodeList)
    .force(
      'link',
      d3
        .forceLink<Node, Link>(links)
        .id((n) => n.id)
        .distance(120),
    )
    .force('charge', d3.forceManyBody().strength(-500))
    .force('collide', d3.forceCollide(40))
    .force('x', d3.forceX(width / 2).strength(0.06))
    .force('y', d3.forceY(height / 2).strength(0.1))
    .stop();
  for (let i = 0; i < 300; i++) simulation.tick();
  // Keep everything inside the frame.
  for (const n of nodeList) {
    n.x = Math.max(60, Math.min(width - 60, n.x ?? 0));
    n.y = Math.max(30, Math.min(height - 30, n.y ?? 0));
  }
  const maxCount = d3.max(links, (l) => l.count) ?? 1;
  const stroke = d3
    .scaleLinear()
    .domain([1, Math.max(2, maxCount)])
    .range([1.5, 8]);
  const nodeRadius = d3
    .scaleSqrt()
    .domain([0, d3.max(nodeList, (n) => n.events) ?? 1])
    .range([6, 22]);

  const svg = d3
    .create('svg')
    .attr('class', 'chart network')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'group')
    .attr('aria-label', `Akteursnetz mit ${nodeList.length} Akteuren und ${links.length} Beziehungen`);
  const defs = svg.append('defs');
  for (const tone of ['coop', 'conflict', 'neutral'])
    defs
      .append('marker')
      .attr('id', `arrow-${tone}`)
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 10)
      .attr('refY', 5)
      // In user units, so that a wide edge does not grow a huge head.
      .attr('markerUnits', 'userSpaceOnUse')
      .attr('markerWidth', 12)
      .attr('markerHeight', 12)
      .attr('orient', 'auto')
      .append('path')
      .attr('d', 'M0,0 L10,5 L0,10 z')
      .attr('class', `edge ${tone}`)
      .attr('fill', tone === 'coop' ? '#2a8a4a' : tone === 'conflict' ? '#c0262d' : '#8a93a3');

  const at = (end: string | Node): Node => end as Node;
  for (const link of links) {
    const s = at(link.source);
    const t = at(link.target);
    // Stop the line at the target's rim so the arrow head stays visible.
    const dx = t.x! - s.x!;
    const dy = t.y! - s.y!;
    const len = Math.hypot(dx, dy) || 1;
    const r = nodeRadius(t.events) + 3;
    const line = svg
      .append('line')
      .attr('class', `edge ${link.tone}`)
      .attr('x1', s.x!)
      .attr('y1', s.y!)
      .attr('x2', t.x! - (dx / len) * r)
      .attr('y2', t.y! - (dy / len) * r)
      .attr('stroke-width', stroke(link.count))
      .attr('stroke-opacity', 0.75)
      .attr('marker-end', `url(#arrow-${link.tone})`);
    line.append('title').text(`${s.id} → ${t.id}: ${link.types.map((x) => `${x.type} ×${x.count}`).join(', ')}`);
  }
  for (const n of nodeList) {
    const g = svg
      .append('g')
      .attr('class', 'node')
      .attr('data-actor', n.id)
      .attr('transform', `translate(${n.x},${n.y})`)
      .attr('tabindex', 0)
      .attr('role', 'img')
      .attr('aria-label', `${n.id}: ${n.events} Ereignisse`);
    g.append('circle').attr('r', nodeRadius(n.events));
    g.append('text')
      .attr('y', nodeRadius(n.events) + 14)
      .attr('text-anchor', 'middle')
      .text(n.id);
    attachTip(g.node()!, () => ({
      title: n.id,
      lines: links
        .filter((l) => at(l.source).id === n.id || at(l.target).id === n.id)
        .flatMap((l) => l.types.map((x) => `${x.source} — ${x.type} ×${x.count} → ${x.target}`)),
    }));
  }
  return svg.node()!;
}
