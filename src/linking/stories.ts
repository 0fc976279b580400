/**
 * Cross-article linking, run over the store after articles are stored: each article joins the story
 * whose centroid it resembles most (tf-idf cosine over named things and content words, among stories
 * active within a week of its date), or starts a new one; and its events get an event key, so the same
 * event reported by several articles counts as one event with several sources.
 *
 * Incremental and stable: articles are linked once, in date order, and a story is named by its first
 * article, so ids never change as more arrive. Each article is linked in its own transaction under one
 * lock (PostgreSQL advisory lock; SQLite has one writer anyway), so any number of ingest processes and
 * queue workers may run it at once: whoever gets an article first links it, the others skip it.
 */
import type { DocumentOut } from '../document.js';
import type { Db, Row, SqlValue } from '../store/db.js';
import { insertRows } from '../store/insert.js';
import { cosine, documentTerms, termVector, type TermLabel } from './terms.js';
import { articleDay, eventKey, refreshEventGroups } from './event-groups.js';

/** An article joins a story when its cosine with the story's centroid reaches this (chosen on Wikinews). */
export const STORY_THRESHOLD = 0.18;
/** A story takes articles dated within this many days of its first and last article. */
export const STORY_WINDOW_DAYS = 7;
/** Terms kept in a story's centroid. */
const CENTROID_TERMS = 60;
/** link_terms row holding the number of linked articles (the idf's N). */
const TOTAL = '';
/** pg_advisory_xact_lock key of the linker ("lageb" in ASCII). */
const LINK_LOCK = 0x6c61676562;

export interface LinkResult {
  /** Articles linked in this run. */
  documents: number;
  /** Of those, how many started a story. */
  newStories: number;
}

/** Link every stored article that is not linked yet; returns what was done. */
export async function linkPending(db: Db): Promise<LinkResult> {
  // Each article in its own transaction; articles another process links meanwhile are skipped in it.
  return linkInOrder(db, (id) => db.transaction((tx) => linkDocument(tx, id)));
}

/**
 * Forget all links and link every stored article again, in linking order, inside the caller's
 * transaction: after anything the links are made of changes (actor keys, the story threshold), the
 * stories come out as if the articles had arrived under the new rules.
 */
export async function relinkAll(tx: Db): Promise<LinkResult> {
  await tx.exec(`
    UPDATE documents SET story_id = NULL;
    UPDATE events SET event_key = NULL;
    DELETE FROM event_groups;
    DELETE FROM story_terms;
    DELETE FROM stories;
    DELETE FROM link_terms;
  `);
  return linkInOrder(tx, (id) => linkDocument(tx, id));
}

async function linkInOrder(db: Db, link: (contentId: string) => Promise<Outcome>): Promise<LinkResult> {
  const result: LinkResult = { documents: 0, newStories: 0 };
  for (;;) {
    const batch = await db.all<{ content_id: string }>(
      `SELECT content_id FROM documents WHERE story_id IS NULL
       ORDER BY ${articleDay()}, content_id LIMIT 200`,
    );
    if (batch.length === 0) return result;
    for (const { content_id } of batch) {
      const outcome = await link(content_id);
      if (outcome === 'skipped') continue;
      result.documents++;
      if (outcome === 'new') result.newStories++;
    }
  }
}

type Outcome = 'new' | 'joined' | 'skipped';

async function linkDocument(tx: Db, contentId: string): Promise<Outcome> {
  if (tx.dialect === 'postgres') {
    await tx.get('SELECT pg_advisory_xact_lock(?::bigint) AS locked', [LINK_LOCK]);
    // Links are derived data: a commit lost in a crash only leaves the article to be linked again.
    await tx.exec('SET LOCAL synchronous_commit TO OFF');
  }
  const row = await tx.get<Row>(
    `SELECT article_key, title, published, ingested_at, analysis FROM documents WHERE content_id = ? AND story_id IS NULL`,
    [contentId],
  );
  if (!row) return 'skipped';
  const doc = JSON.parse(String(row['analysis'])) as DocumentOut;
  const day = (row['published'] as string | null) ?? String(row['ingested_at']).slice(0, 10);

  const { counts, labels } = documentTerms(doc);
  const df = await documentFrequencies(tx, [TOTAL, ...counts.keys()]);
  const vector = termVector(counts, (t) => df.get(t) ?? 0, df.get(TOTAL) ?? 0);

  // Another version of the same article keeps its story; otherwise the closest active story, if close enough.
  const sibling = await tx.get<{ story_id: string }>(
    'SELECT story_id FROM documents WHERE article_key = ? AND story_id IS NOT NULL ORDER BY version DESC LIMIT 1',
    [String(row['article_key'])],
  );
  const joined = sibling?.story_id ?? (await closestStory(tx, vector, day));
  const story = joined ?? storyOf(contentId);
  if (joined) await joinStory(tx, story, vector, labels, day, sibling ? 0 : 1);
  else await startStory(tx, story, vector, labels, day, (row['title'] as string | null) ?? firstLine(doc.text));

  await tx.run('UPDATE documents SET story_id = ? WHERE content_id = ?', [story, contentId]);
  await countTerms(tx, [TOTAL, ...counts.keys()]);
  await keyEvents(tx, contentId, story, String(row['article_key']));
  return joined ? 'joined' : 'new';
}

/** A story's id: its first article's content id, as `story:<hex>`. */
function storyOf(contentId: string): string {
  return `story:${contentId.replace(/^sha256:/, '')}`;
}

function firstLine(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

async function documentFrequencies(tx: Db, terms: string[]): Promise<Map<string, number>> {
  const df = new Map<string, number>();
  for (let i = 0; i < terms.length; i += 500) {
    const chunk = terms.slice(i, i + 500);
    const rows = await tx.all<{ term: string; df: number }>(
      `SELECT term, df FROM link_terms WHERE term IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const r of rows) df.set(r.term, Number(r.df));
  }
  return df;
}

async function countTerms(tx: Db, terms: string[]): Promise<void> {
  // Sorted, so that concurrent writers (if ever) lock rows in one order.
  const rows = [...terms].sort().map((term) => ({ term, df: 1 }));
  await insertRows(tx, 'link_terms', rows, 'ON CONFLICT (term) DO UPDATE SET df = link_terms.df + 1');
}

async function closestStory(tx: Db, vector: Map<string, number>, day: string): Promise<string | null> {
  const terms = [...vector.keys()];
  if (terms.length === 0) return null;
  const rows = await tx.all<{ story_id: string; term: string; weight: number; norm: number }>(
    `SELECT t.story_id, t.term, t.weight, s.norm FROM story_terms t JOIN stories s ON s.story_id = t.story_id
     WHERE t.term IN (${terms.map(() => '?').join(', ')}) AND s.last_day >= ? AND s.first_day <= ?`,
    [...terms, shiftDay(day, -STORY_WINDOW_DAYS), shiftDay(day, STORY_WINDOW_DAYS)],
  );
  const centroids = new Map<string, { terms: Map<string, number>; norm: number }>();
  for (const r of rows) {
    let c = centroids.get(r.story_id);
    if (!c) centroids.set(r.story_id, (c = { terms: new Map(), norm: Number(r.norm) }));
    c.terms.set(r.term, Number(r.weight));
  }
  // The closest story at or above the threshold; on a tie, the smaller id (stories in id order).
  let best: string | null = null;
  let bestScore = 0;
  for (const [id, c] of [...centroids].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const score = cosine(vector, c.terms, c.norm);
    if (best === null ? score >= STORY_THRESHOLD : score > bestScore) [best, bestScore] = [id, score];
  }
  return best;
}

async function startStory(
  tx: Db,
  id: string,
  vector: Map<string, number>,
  labels: Map<string, TermLabel>,
  day: string,
  title: string,
): Promise<void> {
  await insertRows(tx, 'stories', [
    { story_id: id, title, first_day: day, last_day: day, documents: 1, norm: Math.hypot(...vector.values()) },
  ]);
  await insertRows(tx, 'story_terms', termRows(id, [...vector], labels));
}

function termRows(
  id: string,
  terms: Array<[string, number]>,
  labels: Map<string, TermLabel>,
): Array<Record<string, SqlValue>> {
  return terms.map(([term, weight]) => {
    const label = labels.get(term);
    return { story_id: id, term, weight, label: label?.name ?? null, ref: label?.ref ?? null };
  });
}

/** Add the article's vector to the story's centroid, keep its strongest terms, widen its days. */
async function joinStory(
  tx: Db,
  id: string,
  vector: Map<string, number>,
  labels: Map<string, TermLabel>,
  day: string,
  newArticles: number,
): Promise<void> {
  const centroid = new Map<string, number>();
  const known = new Map(labels);
  for (const r of await tx.all<{ term: string; weight: number; label: string | null; ref: string | null }>(
    'SELECT term, weight, label, ref FROM story_terms WHERE story_id = ?',
    [id],
  )) {
    centroid.set(r.term, Number(r.weight));
    // The name the story first knew a thing by stays.
    if (r.label !== null) known.set(r.term, { name: r.label, ref: r.ref ?? r.label });
  }
  for (const [term, w] of vector) centroid.set(term, (centroid.get(term) ?? 0) + w);
  const kept = [...centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CENTROID_TERMS);
  await tx.run('DELETE FROM story_terms WHERE story_id = ?', [id]);
  await insertRows(tx, 'story_terms', termRows(id, kept, known));
  await tx.run(
    `UPDATE stories SET documents = documents + ?, norm = ?,
       first_day = CASE WHEN first_day > ? THEN ? ELSE first_day END,
       last_day = CASE WHEN last_day < ? THEN ? ELSE last_day END
     WHERE story_id = ?`,
    [newArticles, Math.hypot(...kept.map(([, w]) => w)), day, day, day, day, id],
  );
}

/** Key the article's events and recount the groups they (and its older versions' events) belong to. */
async function keyEvents(tx: Db, contentId: string, story: string, articleKey: string): Promise<void> {
  const events = await tx.all<Row>('SELECT * FROM events WHERE content_id = ?', [contentId]);
  const keys = new Set<string>();
  // One statement for all of the article's events (round trips are what PostgreSQL linking costs).
  const cases: SqlValue[] = [];
  for (const e of events) {
    const key = eventKey(e, story);
    keys.add(key);
    cases.push(e['vid'] as SqlValue, key);
  }
  if (events.length)
    await tx.run(
      `UPDATE events SET event_key = CASE vid ${events.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE content_id = ?`,
      [...cases, contentId],
    );
  const older = await tx.all<{ event_key: string }>(
    `SELECT DISTINCT e.event_key FROM events e JOIN documents d ON d.content_id = e.content_id
     WHERE d.article_key = ? AND d.latest = 0 AND e.event_key IS NOT NULL`,
    [articleKey],
  );
  for (const r of older) keys.add(r.event_key);
  await refreshEventGroups(tx, [...keys]);
}

function shiftDay(day: string, days: number): string {
  const t = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? day : new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}
