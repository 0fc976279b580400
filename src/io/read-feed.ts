/**
 * RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed files → one raw document per item, parsed by feedsmith.
 * Nothing is fetched: an item's text is what the feed carries (full content where given, else its
 * summary), and its link is kept as the source URL.
 */
import { parseFeed } from 'feedsmith';
import { dateFromTimestamp } from './dates.js';
import { normalizeText } from './decode.js';
import { InputError } from './errors.js';
import { htmlFragmentToText } from './read-html.js';
import { joinTitle } from './read-text.js';
import type { InputItem } from './sources.js';
import { escapeHtml } from '../output/html-page.js';

/** What one item of any feed format carries, before its HTML is turned into text. */
interface ItemFields {
  id: string | null;
  title: string | null;
  html: string | null;
  published: string | null;
  url: string | null;
}

export async function* readFeed(source: string, file: string, base: string): AsyncGenerator<InputItem> {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(source);
  } catch (error) {
    throw new InputError(file, `not a readable RSS, Atom or JSON feed (${(error as Error).message})`);
  }
  const { feedTitle, items } = itemsOf(parsed);
  if (items.length === 0) throw new InputError(file, 'the feed has no items');
  let n = 0;
  for (const item of items) {
    n++;
    const where = `${file}#${n}`;
    try {
      const body = normalizeText(item.html ? await htmlFragmentToText(item.html) : '');
      if (body.trim() === '' && !item.title) throw new InputError(where, 'feed item has no title and no text');
      const titled = joinTitle(item.title, body);
      yield {
        ok: true,
        doc: {
          input: file,
          origin: where,
          outputName: `${base}-${n}`,
          givenId: item.id ?? item.url,
          title: titled.title,
          text: titled.text,
          published: dateFromTimestamp(item.published),
          source: { name: feedTitle, url: item.url },
        },
      };
    } catch (error) {
      yield { ok: false, error: error instanceof InputError ? error : new InputError(where, String(error)) };
    }
  }
}

type Parsed = ReturnType<typeof parseFeed>;

function itemsOf(parsed: Parsed): { feedTitle: string | null; items: ItemFields[] } {
  const text = (v: unknown): string | null => {
    if (typeof v === 'string') return v.trim() || null;
    if (v && typeof v === 'object' && 'value' in v) return text((v as { value: unknown }).value);
    return null;
  };
  switch (parsed.format) {
    case 'rss':
    case 'rdf': {
      const feed = parsed.feed as { title?: unknown; items?: Array<Record<string, unknown>> };
      return {
        feedTitle: text(feed.title),
        items: (feed.items ?? []).map((item) => ({
          id: text(item['guid']),
          title: text(item['title']),
          html: text((item['content'] as { encoded?: unknown } | undefined)?.encoded) ?? text(item['description']),
          published:
            text(item['pubDate']) ?? text((item['dc'] as { date?: unknown; dates?: unknown[] } | undefined)?.date),
          url: text(item['link']),
        })),
      };
    }
    case 'atom': {
      const feed = parsed.feed as { title?: unknown; entries?: Array<Record<string, unknown>> };
      return {
        feedTitle: text(feed.title),
        items: (feed.entries ?? []).map((entry) => {
          const links = (entry['links'] as Array<{ href?: string; rel?: string }> | undefined) ?? [];
          const link = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
          return {
            id: text(entry['id']),
            title: text(entry['title']),
            html: text(entry['content']) ?? text(entry['summary']),
            published: text(entry['published']) ?? text(entry['updated']),
            url: text(link?.href),
          };
        }),
      };
    }
    case 'json': {
      const feed = parsed.feed as { title?: unknown; items?: Array<Record<string, unknown>> };
      return {
        feedTitle: text(feed.title),
        items: (feed.items ?? []).map((item) => ({
          id: text(item['id']),
          title: text(item['title']),
          html: text(item['content_html']) ?? escapeText(text(item['content_text'])) ?? text(item['summary']),
          published: text(item['date_published']) ?? text(item['date_modified']),
          url: text(item['url']),
        })),
      };
    }
    default:
      return { feedTitle: null, items: [] };
  }
}

/** JSON Feed's plain text goes through the HTML path too: escape it and keep its line breaks. */
function escapeText(value: string | null): string | null {
  if (value === null) return null;
  return escapeHtml(value)
    .split(/\n+/)
    .map((line) => `<p>${line}</p>`)
    .join('');
}
