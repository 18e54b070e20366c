import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import initSqlJs, { type Database } from 'sql.js';

/**
 * The server's documents in one SQLite file (`documents(name, data)`, the Yjs state of each
 * room). SQLite compiled to WebAssembly (sql.js), so nothing is built at install; the file is
 * a normal SQLite database. Each store writes the whole file to a temporary name and renames
 * it over the old one, so a crash leaves the previous version, never half of one.
 */
export class SqliteStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: Database,
    private readonly file: string,
  ) {}

  static async open(file: string): Promise<SqliteStore> {
    const SQL = await initSqlJs();
    const db = existsSync(file) ? new SQL.Database(await readFile(file)) : new SQL.Database();
    db.run('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
    await mkdir(dirname(file), { recursive: true });
    return new SqliteStore(db, file);
  }

  fetch(name: string): Uint8Array | null {
    const statement = this.db.prepare('SELECT data FROM documents WHERE name = ?');
    try {
      statement.bind([name]);
      return statement.step() ? (statement.get()[0] as Uint8Array) : null;
    } finally {
      statement.free();
    }
  }

  /** Stores a room's state; resolves once the file on disk holds it. */
  store(name: string, data: Uint8Array): Promise<void> {
    this.db.run(
      'INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
      [name, data],
    );
    const write = async () => {
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, this.db.export());
      await rename(temp, this.file);
    };
    const next = this.queue.then(write, write);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}
