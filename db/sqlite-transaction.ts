import type Sqlite from "better-sqlite3";

/**
 * Async transactions on one better-sqlite3 connection.
 *
 * The driver is synchronous and the connection is shared by every request of the process, so
 * an async callback that waited on real I/O (a timer, the network, bcrypt) would let other
 * requests' statements run inside this transaction. Two rules make that impossible:
 * - a mutex: one transaction at a time per connection (the next waits for the previous);
 * - no yielding: the callback may await only database work (which completes synchronously
 *   here, so the whole callback runs within one turn of the event loop). If it waits on
 *   anything else, the transaction is rolled back and the call fails loudly — a bug to fix by
 *   doing that work before the transaction, not a race to ship.
 * Nested calls (a service calling another inside a transaction) become savepoints.
 * docs/adr/0026-service-seam.md.
 */
export class SqliteTransactions {
  private tail: Promise<unknown> = Promise.resolve();
  private depth = 0;
  private savepoints = 0;

  constructor(private readonly sqlite: Sqlite.Database) {}

  get active(): boolean {
    return this.depth > 0;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.depth > 0) return this.nested(fn);
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    await prev;
    try {
      return await this.outer(fn);
    } finally {
      release();
    }
  }

  private async outer<T>(fn: () => Promise<T>): Promise<T> {
    let yielded = false;
    const probe = setImmediate(() => (yielded = true));
    this.sqlite.exec("BEGIN IMMEDIATE");
    this.depth = 1;
    try {
      const value = await fn();
      if (yielded) throw new Error("A transaction callback awaited non-database work; do that work before the transaction");
      this.sqlite.exec("COMMIT");
      return value;
    } catch (err) {
      if (this.sqlite.inTransaction) this.sqlite.exec("ROLLBACK");
      throw err;
    } finally {
      this.depth = 0;
      clearImmediate(probe);
    }
  }

  private async nested<T>(fn: () => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    this.sqlite.exec(`SAVEPOINT ${name}`);
    this.depth++;
    try {
      const value = await fn();
      this.sqlite.exec(`RELEASE ${name}`);
      return value;
    } catch (err) {
      this.sqlite.exec(`ROLLBACK TO ${name}`);
      this.sqlite.exec(`RELEASE ${name}`);
      throw err;
    } finally {
      this.depth--;
    }
  }
}
