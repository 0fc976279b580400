/** `lagebild serve`: the HTTP API (and dashboard) over a store, on 127.0.0.1 unless told otherwise. */
import { buildApp } from '../server/app.js';
import { Store } from '../store/store.js';

export interface ServeSettings {
  db: string;
  host: string;
  port: number;
  bodyLimit: number;
}

export async function runServe(settings: ServeSettings, stderr: NodeJS.WritableStream): Promise<void> {
  const store = await Store.open(settings.db);
  const app = await buildApp({ store, bodyLimit: settings.bodyLimit });
  const address = await app.listen({ host: settings.host, port: settings.port });
  stderr.write(`lagebild: serving ${store.db.location} at ${address} (API under /api, description at /openapi.json)\n`);
  await new Promise<void>((done) => {
    const stop = (): void => {
      void app
        .close()
        .then(() => store.close())
        .then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
