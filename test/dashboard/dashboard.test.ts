/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core. The bundled examples,
 * the reference article and three short test reports (two giving different arrest figures, one with
 * markup in its text) are ingested into a fresh store on each database; each view is opened and checked
 * for what a person would check. Screenshots go to a temporary folder, or to docs/screenshots with
 * LAGEBILD_SCREENSHOTS=docs (`npm run screenshots`), which the README shows.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.js';
import { Store } from '../../src/store/store.js';
import { ROOT } from '../helpers.js';
import { BACKENDS, freshDatabase, ingestSituation, type TestDatabase } from '../store/backends.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
if (process.env['CI'] && !existsSync(CHROMIUM))
  throw new Error(`CI must run the browser tests: ${CHROMIUM} is missing`);
const SCREENSHOTS =
  process.env['LAGEBILD_SCREENSHOTS'] === 'docs'
    ? join(ROOT, 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'lagebild-screens-'));
for (const backend of BACKENDS) {
  describe(
    `dashboard in chromium on ${backend}`,
    { skip: !existsSync(CHROMIUM) && `${CHROMIUM} not installed` },
    () => {
      let database: TestDatabase;
      let store: Store;
      let app: FastifyInstance;
      let browser: Browser;
      let page: Page;
      let base: string;
      const pageErrors: string[] = [];

      before(async () => {
        database = await freshDatabase(backend);
        await ingestSituation(database.location);
        store = await Store.open(database.location);
        app = await buildApp({ store });
        await app.listen({ host: '127.0.0.1', port: 0 });
        base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
        browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
        page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
        page.on('pageerror', (error) => pageErrors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') pageErrors.push(message.text());
        });
      });
      after(async () => {
        await browser?.close();
        await app?.close();
        await store?.close();
        await database?.drop();
      });

      const open = async (hash: string, ready: string): Promise<void> => {
        await page.goto(`${base}${hash}`);
        await page.locator(ready).first().waitFor();
      };
      const shoot = async (name: string): Promise<void> => {
        if (backend !== 'sqlite') return;
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      };
      const documentId = async (q: string): Promise<string> => {
        const response = await app.inject({ method: 'GET', url: `/api/documents?q=${encodeURIComponent(q)}` });
        const items = (response.json() as { items: Array<{ id: string }> }).items;
        assert.equal(items.length, 1, `one document for ${q}`);
        return items[0]!.id;
      };

      test('the article view highlights every kind of annotation and names the speaker of a quote', async () => {
        await open(`#/article/${await documentId('niemandem zu überlassen')}`, '[data-testid=article-text]');
        for (const kind of ['entity', 'quote', 'quantity', 'time', 'event'])
          assert.ok((await page.locator(`.hl.${kind}`).count()) > 0, kind);
        const quote = page.locator('.hl.quote.direct', { hasText: 'niemandem zu überlassen' }).first();
        await quote.hover({ position: { x: 4, y: 4 } });
        const tip = page.locator('#tooltip');
        await tip.waitFor({ state: 'visible' });
        assert.match(await tip.innerText(), /Sprecher: Alexander Lukaschenko/);
        // The speaker's own words in the text light up with the quote.
        assert.ok((await page.locator('.hl.speaker-of-active', { hasText: 'Lukaschenko' }).count()) > 0);
        await shoot('article');

        // The side list reads "source — action — target"; choosing an event focuses its trigger in the text.
        const sanction = page.locator('[data-testid=event-list] button', { hasText: 'SANCTION' }).first();
        assert.match(await sanction.innerText(), /EU.*SANCTION/s);
        await sanction.click();
        const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-kind'));
        assert.equal(focused, 'event');
        assert.match(await tip.innerText(), /SANCTION/);
      });

      test('the timeline and event list narrow to SANCTION when filtered', async () => {
        await open('#/events', '[data-testid=event-count]');
        const count = async (): Promise<number> =>
          Number(/\d+/.exec(await page.locator('[data-testid=event-count]').innerText())?.[0]);
        const all = await count();
        assert.ok((await page.locator('svg.timeline rect').count()) > 0);
        await shoot('events');
        await page.selectOption('select[name=type]', 'SANCTION');
        await page.waitForURL(/type=SANCTION/);
        await page.locator('[data-testid=event-count]').waitFor();
        await page.waitForFunction(
          (before) =>
            Number(/\d+/.exec(document.querySelector('[data-testid=event-count]')?.textContent ?? '')?.[0]) !== before,
          all,
        );
        const sanctions = await count();
        assert.ok(sanctions > 0 && sanctions < all, `${sanctions} of ${all}`);
        const types = await page
          .locator('[data-testid=event-table] tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
        assert.ok(types.length > 0 && types.every((t) => t === 'SANCTION'), types.join());
      });

      test('the map shows Minsk among the event places', async () => {
        await open('#/map', 'svg.map');
        assert.ok((await page.locator('svg.map path.country').count()) > 100, 'country outlines drawn');
        const minsk = page.locator('svg.map g.place[data-place="Minsk"]');
        assert.equal(await minsk.count(), 1);
        assert.ok(await minsk.isVisible());
        await minsk.focus();
        assert.match(await page.locator('#tooltip').innerText(), /Minsk \(BLR\)[\s\S]*PROTEST/);
        await shoot('map');
      });

      test('the actor network colours conflict and cooperation', async () => {
        await open('#/network', 'svg.network');
        assert.ok((await page.locator('svg.network g.node').count()) > 3);
        assert.ok((await page.locator('svg.network line.edge.conflict').count()) > 0);
        assert.ok((await page.locator('svg.network line.edge.coop').count()) > 0);
        assert.equal(await page.locator('svg.network g.node[data-actor="BLRCOP"]').count(), 1);
        await shoot('network');
      });

      test('quotes are grouped by speaker and link to their place in the article', async () => {
        await open('#/quotes', '.speaker-group');
        const lukaschenko = page.locator('.speaker-group[data-speaker="Alexander Lukaschenko"]');
        assert.equal(await lukaschenko.count(), 1);
        assert.ok((await lukaschenko.locator('blockquote').count()) >= 2);
        await shoot('quotes');
        await lukaschenko.locator('blockquote a').first().click();
        await page.locator('[data-testid=article-text]').waitFor();
        const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-kind'));
        assert.equal(focused, 'quote');
      });

      test('contested figures put the differing arrest counts side by side with who gave them', async () => {
        await open('#/figures', '[data-testid=figure-count]');
        const arrests = page.locator('.figure-group[data-category=ARREST]').first();
        const text = await arrests.innerText();
        assert.match(text, /mehr als 6\.000/);
        assert.match(text, /etwa 3\.000/);
        assert.match(text, /Wjasna/);
        assert.match(text, /Testagentur A/);
        await shoot('figures');
      });

      test('stories group the reports on the Belarus protests, and a story lists its articles and events', async () => {
        await open('#/stories', '[data-testid=story-list]');
        const belarus = page.locator('[data-testid=story-list] li', { hasText: /Lukaschenko|Belarus/ }).first();
        assert.match(await belarus.innerText(), /[3-9] Artikel/);
        await shoot('stories');
        await belarus.locator('a.doc-title').click();
        await page.locator('[data-testid=story-articles]').waitFor();
        const titles = await page.locator('[data-testid=story-articles] li').allInnerTexts();
        assert.ok(titles.length >= 3, titles.join(' | '));
        assert.ok(titles.some((t) => /Menschenrechtler zählen/.test(t)));
        assert.ok((await page.locator('[data-testid=event-table] tbody tr').count()) > 5);
      });

      test('the search box finds articles by their full text', async () => {
        await open('#/', '[data-testid=result-count]');
        await page.fill('#search-q', 'Thaksin');
        await page.press('#search-q', 'Enter');
        await page.waitForURL(/q=Thaksin/);
        await page.locator('[data-testid=result-count]', { hasText: 'Treffer' }).waitFor();
        assert.equal(await page.locator('.doc-list li').count(), 1);
        assert.match(await page.locator('.doc-list li').innerText(), /Thai-Rak-Thai/);
      });

      test('markup in an article is shown as text and never runs', async () => {
        await open(`#/article/${await documentId('Leser schickte')}`, '[data-testid=article-text]');
        const text = page.locator('[data-testid=article-text]');
        assert.match(await text.innerText(), /<script>window\.__lagebildPwned = 'script'<\/script>/);
        assert.equal(await text.locator('script, img').count(), 0);
        await page.waitForTimeout(200);
        assert.equal(
          await page.evaluate(() => (window as unknown as Record<string, unknown>)['__lagebildPwned']),
          undefined,
        );
      });

      test('keyboard: the views are reachable with Tab and Enter, highlights show details on focus', async () => {
        await open('#/', '[data-testid=result-count]');
        await page.locator('.brand').focus();
        // From the brand: "Artikel", "Geschichten", then "Ereignisse".
        for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Ereignisse');
        await page.keyboard.press('Enter');
        await page.waitForURL(/#\/events/);
        await open(`#/article/${await documentId('niemandem zu überlassen')}`, '[data-testid=article-text]');
        await page.locator('.hl.quantity').first().focus();
        assert.match(await page.locator('#tooltip').innerText(), /Kategorie: [A-Z]+/);
        await page.keyboard.press('Escape');
        assert.equal(await page.locator('#tooltip').isVisible(), false);
      });

      test('no script errors on any view', () => {
        assert.deepEqual(pageErrors, []);
      });
    },
  );
}
