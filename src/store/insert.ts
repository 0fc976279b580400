/** Multi-row inserts, written once for both dialects. */
import type { Db, SqlValue } from './db.js';

/**
 * Insert rows that share their columns. SQLite runs one cached statement per row (fast inside a
 * transaction); PostgreSQL gets multi-row statements to save round trips.
 */
export async function insertRows(
  tx: Db,
  table: string,
  rows: Array<Record<string, SqlValue>>,
  onConflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const perStatement = tx.dialect === 'sqlite' ? 1 : Math.max(1, Math.floor(2000 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: SqlValue[] = [];
    for (const row of chunk) for (const c of columns) params.push(row[c] ?? null);
    await tx.run(`${head}${chunk.map(() => tuple).join(', ')} ${onConflict}`, params);
  }
}
