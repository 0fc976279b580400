/** Every stored article's latest analysis, read in pages by content id so that memory stays flat. */
import type { DocumentOut } from '../document.js';
import type { Db, Row } from '../store/db.js';

export interface StoredAnalysis {
  contentId: string;
  ingestedAt: string;
  analysis: DocumentOut;
}

export async function* storedAnalyses(db: Db, pageSize = 200): AsyncGenerator<StoredAnalysis> {
  let after = '';
  for (;;) {
    const rows = await db.all<Row>(
      'SELECT content_id, ingested_at, analysis FROM documents WHERE latest = 1 AND content_id > ? ORDER BY content_id LIMIT ?',
      [after, pageSize],
    );
    for (const r of rows)
      yield {
        contentId: String(r['content_id']),
        ingestedAt: String(r['ingested_at']),
        analysis: JSON.parse(String(r['analysis'])) as DocumentOut,
      };
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1]!['content_id']);
  }
}
