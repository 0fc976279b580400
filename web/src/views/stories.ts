/**
 * Stories: articles about the same thing, grouped as they arrive. The list shows each story's days, its
 * defining actors and words, and how many of its events several articles report; a story's page lists
 * its articles and its events (an event told by several articles says so).
 */
import { get, type EventRow, type Paged, type StoryDetail, type StorySummary } from '../api.js';
import { field, h, pager, route, select } from '../dom.js';
import { eventTable } from './events.js';

const PAGE = 50;

export async function renderStories(root: HTMLElement, arg: string | null, params: URLSearchParams): Promise<void> {
  if (arg) return renderStory(root, arg);
  const min = params.get('min') ?? '2';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const result = await get<Paged<StorySummary>>('stories', { minDocuments: min, limit: PAGE, offset });

  const form = h('form', { class: 'filters', 'aria-label': 'Filter' });
  form.append(
    field(
      'Artikel je Geschichte',
      select(
        'min',
        [
          ['1', 'alle'],
          ['2', 'mindestens 2'],
          ['5', 'mindestens 5'],
        ],
        min,
      ),
    ),
  );
  form.querySelector('select')?.addEventListener('change', () => {
    location.hash = route('stories', { min: String(new FormData(form).get('min') ?? '2') });
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  root.append(
    h('h1', {}, 'Geschichten'),
    form,
    h('p', { class: 'muted', 'data-testid': 'story-count' }, `${result.total} Geschichten`),
  );

  const list = h('ol', { class: 'doc-list', start: offset + 1, 'data-testid': 'story-list' });
  for (const story of result.items) {
    list.append(
      h(
        'li',
        {},
        h('a', { href: route(`stories/${story.id}`), class: 'doc-title' }, story.title ?? '(ohne Titel)'),
        h(
          'div',
          { class: 'meta' },
          `${storyDays(story)} · ${story.documents} Artikel · ${story.events} Ereignisse`,
          story.sharedEvents ? `, ${story.sharedEvents} in mehreren Artikeln` : '',
        ),
        h('div', { class: 'meta' }, ...actorLinks(story), story.keywords.length ? ` ${story.keywords.join(', ')}` : ''),
      ),
    );
  }
  root.append(list);
  root.append(pager('stories', { min }, offset, PAGE, result.total));
}

function storyDays(story: StorySummary): string {
  return story.firstDay === story.lastDay ? story.firstDay : `${story.firstDay} – ${story.lastDay}`;
}

function actorLinks(story: StorySummary): Array<HTMLElement | string> {
  return story.actors.flatMap((a, i) => [
    i ? ' ' : '',
    h('a', { class: 'chip', href: route('events', { actor: a.key }) }, a.name),
  ]);
}

async function renderStory(root: HTMLElement, id: string): Promise<void> {
  const [story, events] = await Promise.all([
    get<StoryDetail>(`stories/${encodeURIComponent(id)}`),
    get<Paged<EventRow>>('events', { story: id, limit: 500 }),
  ]);
  root.append(
    h('p', {}, h('a', { href: route('stories') }, '← alle Geschichten')),
    h('h1', {}, story.title ?? '(ohne Titel)'),
    h('p', { class: 'muted' }, `${storyDays(story)} · ${story.documents} Artikel · ${story.events} Ereignisse`),
    h('div', { class: 'meta' }, ...actorLinks(story)),
    h('h2', {}, 'Artikel'),
  );
  const articles = h('ol', { class: 'doc-list', 'data-testid': 'story-articles' });
  for (const a of story.articles)
    articles.append(
      h(
        'li',
        {},
        h('a', { href: route(`article/${encodeURIComponent(a.id)}`), class: 'doc-title' }, a.title ?? a.id),
        h('div', { class: 'meta' }, [a.published ?? 'ohne Datum', a.source].filter(Boolean).join(' · ')),
      ),
    );
  root.append(articles, h('h2', {}, 'Ereignisse'), eventTable(events.items));
}
