// d3 and topojson-client are loaded as classic scripts from /vendor (no bundler, no CDN).
import type * as D3 from 'd3';
import type * as TopoJSON from 'topojson-client';

declare global {
  const d3: typeof D3;
  const topojson: typeof TopoJSON;
}
