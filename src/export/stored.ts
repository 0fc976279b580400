/** Every stored article's latest analysis, read in pages by content id so that memory stays flat. */
import type { DocumentOut } from '../document.js';
import type { Db, Row } from '../store/db.js';
import { articleDay } from '../linking/event-groups.js';

/** How an article's event is linked to the same event in other articles (src/linking/). */
export interface EventLink {
  key: string;
  /** Articles (latest versions) that report it, and their mentions together. */
  articles: number;
  mentions: number;
  /** Distinct source names among those articles (at least 1). */
  sources: number;
  /** Whether this article's event stands for the group: the first report (by date, then content id). */
  representative: boolean;
}

export interface StoredAnalysis {
  contentId: string;
  ingestedAt: string;
  /** Null until the article is linked into a story. */
  storyId: string | null;
  analysis: DocumentOut;
  /** Event id → its cross-article link (absent for events of unlinked articles). */
  links: Map<string, EventLink>;
}

export async function* storedAnalyses(db: Db, pageSize = 200): AsyncGenerator<StoredAnalysis> {
  let after = '';
  for (;;) {
    const rows = await db.all<Row>(
      'SELECT content_id, ingested_at, story_id, analysis FROM documents WHERE latest = 1 AND content_id > ? ORDER BY content_id LIMIT ?',
      [after, pageSize],
    );
    for (const r of rows) {
      const contentId = String(r['content_id']);
      yield {
        contentId,
        ingestedAt: String(r['ingested_at']),
        storyId: r['story_id'] === null || r['story_id'] === undefined ? null : String(r['story_id']),
        analysis: JSON.parse(String(r['analysis'])) as DocumentOut,
        links: await eventLinks(db, contentId),
      };
    }
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1]!['content_id']);
  }
}

const FIRST_REPORT = `(SELECT e2.content_id || ' ' || e2.vid FROM events e2 JOIN documents d2 ON d2.content_id = e2.content_id
   WHERE e2.event_key = e.event_key AND d2.latest = 1
   ORDER BY ${articleDay('d2')}, e2.content_id, e2.trigger_start LIMIT 1)`;
const SOURCE_NAMES = `(SELECT COUNT(DISTINCT d2.source_name) FROM events e2 JOIN documents d2 ON d2.content_id = e2.content_id
   WHERE e2.event_key = e.event_key AND d2.latest = 1)`;

async function eventLinks(db: Db, contentId: string): Promise<Map<string, EventLink>> {
  const rows = await db.all<Row>(
    `SELECT e.vid, e.event_key, g.sources, g.mentions, ${FIRST_REPORT} AS first_report, ${SOURCE_NAMES} AS names
     FROM events e JOIN event_groups g ON g.event_key = e.event_key WHERE e.content_id = ?`,
    [contentId],
  );
  return new Map(
    rows.map((r) => [
      String(r['vid']),
      {
        key: String(r['event_key']),
        articles: Number(r['sources']),
        mentions: Number(r['mentions']),
        sources: Math.max(1, Number(r['names'])),
        representative: r['first_report'] === `${contentId} ${String(r['vid'])}`,
      },
    ]),
  );
}
