/**
 * The web dashboard, served by the API's process: one HTML page, its stylesheet, the compiled browser
 * modules (dist/web, built from web/src) and the libraries it draws with (d3, topojson-client and the
 * world-atlas map), all from this package's own files, so it works with no network at all. A strict
 * Content-Security-Policy means script can only come from these files: even if article text slipped
 * into the page unescaped, it could not run.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { PACKAGE_ROOT } from '../util/lexicon.js';

const require = createRequire(import.meta.url);

/** Files of the drawing libraries, found where npm installed them (hoisted or not). */
function vendorFiles(): Record<string, string> {
  return {
    'd3.min.js': join(dirname(require.resolve('d3')), 'd3.min.js'),
    'topojson-client.min.js': require.resolve('topojson-client/dist/topojson-client.min.js'),
    'countries-50m.json': require.resolve('world-atlas/countries-50m.json'),
  };
}

export async function registerDashboard(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The page loads nothing cross-origin; and it is served over plain HTTP on a local port, not HTTPS.
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  });

  const staticRoot = join(PACKAGE_ROOT, 'web', 'static');
  const appRoot = join(PACKAGE_ROOT, 'dist', 'web');
  await app.register(fastifyStatic, { root: staticRoot, prefix: '/static/', index: false, wildcard: false });
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html', staticRoot));

  if (existsSync(appRoot)) {
    await app.register(fastifyStatic, {
      root: appRoot,
      prefix: '/app/',
      decorateReply: false,
      index: false,
      allowedPath: (path) => path.endsWith('.js'),
    });
  } else {
    app.get('/app/*', { schema: { hide: true } }, (_request, reply) =>
      reply.status(503).send({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'the dashboard is not built: run npm run build',
      }),
    );
  }

  const vendor = vendorFiles();
  app.get('/vendor/:file', { schema: { hide: true } }, (request, reply) => {
    const { file } = request.params as { file: string };
    const path = vendor[file];
    if (!path) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=86400').sendFile(file, dirname(path));
  });
}
