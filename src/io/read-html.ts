/**
 * HTML articles: Mozilla's Readability (the Firefox reader view) finds the article in a jsdom DOM; we
 * turn its content into one paragraph per line and read the publication date and source from meta tags
 * and JSON-LD. jsdom is loaded on first use only, so text-only runs do not pay for it.
 */
import type { JSDOM as JSDOMType } from 'jsdom';
import type { Readability as ReadabilityType } from '@mozilla/readability';
import { dateFromTimestamp } from './dates.js';
import { InputError } from './errors.js';

export interface HtmlArticle {
  title: string | null;
  body: string;
  published: string | null;
  siteName: string | null;
  url: string | null;
  /** The page's declared language (`<html lang>`), if any. */
  lang: string | null;
}

type JSDOMClass = typeof JSDOMType;
type ReadabilityClass = typeof ReadabilityType;
let loaded: Promise<{ JSDOM: JSDOMClass; Readability: ReadabilityClass }> | null = null;

function loadDom(): Promise<{ JSDOM: JSDOMClass; Readability: ReadabilityClass }> {
  loaded ??= Promise.all([import('jsdom'), import('@mozilla/readability')]).then(([jsdom, readability]) => ({
    JSDOM: jsdom.JSDOM,
    Readability: readability.Readability,
  }));
  return loaded;
}

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'DD',
  'DT',
  'TABLE',
  'UL',
  'OL',
]);

const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'datePublished',
  'date',
  'DC.date.issued',
  'DC.date',
  'dcterms.date',
  'dcterms.created',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
];

/** Extract the article; throws InputError when the page holds no article text. */
export async function readHtmlArticle(html: string, file: string, line: number | null = null): Promise<HtmlArticle> {
  const { JSDOM, Readability } = await loadDom();
  // No scripts, no resource loading: the page is data, never code.
  const dom = new JSDOM(html, { contentType: 'text/html' });
  const document = dom.window.document;
  try {
    const published =
      publishedFromMeta(document) ?? publishedFromJsonLd(document) ?? publishedFromTimeElement(document);
    const siteName = metaContent(document, ['og:site_name', 'application-name', 'publisher']);
    const url =
      document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ||
      metaContent(document, ['og:url']) ||
      null;
    const lang = document.documentElement.getAttribute('lang')?.trim() || null;
    const metaTitle = metaContent(document, ['og:title']);
    const article = new Readability(document, { charThreshold: 100 }).parse();
    const content = article?.content ?? '';
    const contentBody = content ? new JSDOM(content).window.document.body : null;
    const body = contentBody ? blocksToText(contentBody) : '';
    if (!contentBody || !looksLikeArticle(body, contentBody))
      throw new InputError(file, 'no article text found in the HTML', line);
    const title = (article?.title || metaTitle || document.title || '').replace(/\s+/g, ' ').trim() || null;
    return {
      title,
      body: dropRepeatedTitle(body, title),
      published: published ?? dateFromTimestamp(article?.publishedTime),
      siteName: siteName ?? (article?.siteName?.trim() || null),
      url,
      lang,
    };
  } finally {
    dom.window.close();
  }
}

function metaContent(document: Document, names: string[]): string | null {
  for (const name of names) {
    const el =
      document.querySelector(`meta[property="${name}"]`) ??
      document.querySelector(`meta[name="${name}"]`) ??
      document.querySelector(`meta[itemprop="${name}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

function publishedFromMeta(document: Document): string | null {
  for (const name of PUBLISHED_META) {
    const date = dateFromTimestamp(metaContent(document, [name]));
    if (date) return date;
  }
  return null;
}

function publishedFromJsonLd(document: Document): string | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common; other sources may still give the date
    }
    const found = findDatePublished(data, 0);
    if (found) return found;
  }
  return null;
}

function findDatePublished(node: unknown, depth: number): string | null {
  if (depth > 6 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const d = findDatePublished(item, depth + 1);
      if (d) return d;
    }
    return null;
  }
  const record = node as Record<string, unknown>;
  const value = record['datePublished'] ?? record['dateCreated'];
  if (typeof value === 'string') {
    const d = dateFromTimestamp(value);
    if (d) return d;
  }
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const d = findDatePublished(record[key], depth + 1);
    if (d) return d;
  }
  return null;
}

function publishedFromTimeElement(document: Document): string | null {
  const el = document.querySelector('time[pubdate]') ?? document.querySelector('article time[datetime]');
  return dateFromTimestamp(el?.getAttribute('datetime'));
}

/**
 * The text of an HTML fragment (a feed item's content or description): one block per line, no article
 * detection, since a fragment is all content. Scripts and styles are dropped, never run.
 */
export async function htmlFragmentToText(html: string): Promise<string> {
  const { JSDOM } = await loadDom();
  const dom = new JSDOM(`<!doctype html><html><body>${html}</body></html>`, { contentType: 'text/html' });
  try {
    return blocksToText(dom.window.document.body);
  } finally {
    dom.window.close();
  }
}

/** Block elements become lines; whitespace inside a block collapses to single spaces. */
function blocksToText(root: Element): string {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') return;
    if (tag === 'BR') {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines.join('\n');
}

/**
 * Readability falls back to whatever the page has; navigation leftovers are not an article. An article
 * has a run of at least five words somewhere, and not all of its text is link text.
 */
function looksLikeArticle(body: string, root: Element): boolean {
  if (!body.split('\n').some((line) => line.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 5)) return false;
  let linkChars = 0;
  for (const a of root.querySelectorAll('a')) linkChars += (a.textContent ?? '').replace(/\s+/g, '').length;
  const allChars = body.replace(/\s+/g, '').length;
  return linkChars < 0.9 * allChars;
}

/** Readability often keeps the headline as the first line of the content. */
function dropRepeatedTitle(body: string, title: string | null): string {
  if (!title) return body;
  const newline = body.indexOf('\n');
  const first = newline < 0 ? body : body.slice(0, newline);
  return first.trim() === title && newline >= 0 ? body.slice(newline + 1) : body;
}
