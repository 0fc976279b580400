/**
 * One small async interface over the two databases the store runs on: SQLite in a file (better-sqlite3,
 * the default: nothing to set up) and PostgreSQL (pg, for servers and many writers). SQL is written once
 * with `?` placeholders; the PostgreSQL side numbers them (`$1`, `$2`, …). Only dialect differences that
 * matter (full-text search, DDL) are spelled out per dialect, elsewhere.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

export type Dialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export interface Db {
  readonly dialect: Dialect;
  /** Where it is, for messages: a file path or a URL without its password. */
  readonly location: string;
  all<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Run one statement; returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Run `fn` in one transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `postgres://…` or `postgresql://…` opens PostgreSQL; anything else is a SQLite file path. */
export async function openDb(location: string): Promise<Db> {
  if (/^postgres(?:ql)?:\/\//i.test(location)) return openPostgres(location);
  return openSqlite(location);
}

async function openSqlite(file: string): Promise<Db> {
  const { default: Database } = await import('better-sqlite3');
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // A second process (an ingest beside a server) waits for the writer instead of failing at once.
  db.pragma('busy_timeout = 10000');
  return new SqliteDb(db, file);
}

class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  /** Transactions on the one connection run one after another. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly db: BetterSqlite3.Database,
    readonly location: string,
    private readonly inTransaction = false,
  ) {}

  private prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return Promise.resolve(this.prepare(sql).all(...params) as T[]);
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return Promise.resolve(this.prepare(sql).get(...params) as T | undefined);
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return Promise.resolve(this.prepare(sql).run(...params).changes);
  }

  exec(sql: string): Promise<void> {
    this.db.exec(sql);
    return Promise.resolve();
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    const next = this.queue.then(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new SqliteDb(this.db, this.location, true));
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): Promise<void> {
    if (!this.inTransaction) this.db.close();
    return Promise.resolve();
  }
}

async function openPostgres(url: string): Promise<Db> {
  const { default: pgModule } = await import('pg');
  // Counts and sums come back as numbers, not strings (our counts are far below 2^53).
  pgModule.types.setTypeParser(20, (value: string) => Number(value));
  pgModule.types.setTypeParser(1700, (value: string) => Number(value));
  const pool = new pgModule.Pool({ connectionString: url, max: 8 });
  // An idle client's error (the server restarting) must not crash the process.
  pool.on('error', () => undefined);
  const client = await pool.connect().catch((error: Error) => {
    void pool.end();
    throw new Error(`cannot connect to ${redact(url)}: ${error.message}`);
  });
  client.release();
  return new PostgresDb(pool, redact(url));
}

/** `?` → `$n`, outside of string literals. */
function numbered(sql: string): string {
  let n = 0;
  let quoted = false;
  let out = '';
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${++n}` : ch;
  }
  return out;
}

const numberedCache = new Map<string, string>();
function toPostgres(sql: string): string {
  let converted = numberedCache.get(sql);
  if (converted === undefined) {
    converted = numbered(sql);
    numberedCache.set(sql, converted);
  }
  return converted;
}

class PostgresDb implements Db {
  readonly dialect = 'postgres' as const;

  constructor(
    private readonly pool: pg.Pool | pg.PoolClient,
    readonly location: string,
    private readonly inTransaction = false,
  ) {}

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const result = await this.pool.query(toPostgres(sql), params as SqlValue[]);
    return result.rows as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const result = await this.pool.query(toPostgres(sql), params as SqlValue[]);
    return result.rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    const client = await (this.pool as pg.Pool).connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresDb(client, this.location, true));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (!this.inTransaction) await (this.pool as pg.Pool).end();
  }
}

/** A database URL fit for messages: the password replaced. */
export function redact(url: string): string {
  return url.replace(/^(\w+:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}
