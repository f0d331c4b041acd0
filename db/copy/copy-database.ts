import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableName, is } from "drizzle-orm";
import type { Db } from "../client";
import { sqliteOf } from "../driver";
import { pgOf, pgRows } from "../pg/driver";
import * as schema from "../schema";
import { idempotencyWindowDays } from "@/lib/config/env";

/**
 * Copies every table of a SQLite database into a migrated PostgreSQL one (`npm run sightline --
 * migrate-data`, docs/scaling.md). Tables go parents first (foreign keys hold throughout), in
 * batches read in primary-key order. Each batch and the table's progress row are committed
 * together, so an interrupted copy resumes after its last committed batch; rows are inserted
 * with ON CONFLICT DO NOTHING, so a batch is never stored twice. Counts are verified per table
 * at the end, and identity sequences moved past the copied ids.
 */

const PROGRESS = "sightline_copy_progress";

export interface CopyProgress {
  table: string;
  rows: number;
  total: number;
}

export interface CopyOptions {
  /** Rows per batch (bounded further by PostgreSQL's 65,535 parameters per statement). */
  batchRows?: number;
  onProgress?(p: CopyProgress): void;
  /** Stops between batches when aborted (tests use it to interrupt a copy). */
  signal?: AbortSignal;
}

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

interface TablePlan {
  name: string;
  columns: string[];
  key: string[];
  serial: string | null;
}

/** Every exported SQLite table, parents before children. */
export function copyPlan(): TablePlan[] {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));
  const byName = new Map(tables.map((t) => [getTableName(t), t]));
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const fk of getTableConfig(byName.get(name)!).foreignKeys) visit(getTableName(fk.reference().foreignTable), path);
    ordered.push(name);
  };
  for (const name of byName.keys()) visit(name, new Set());
  return ordered.map((name) => {
    const cfg = getTableConfig(byName.get(name)!);
    const single = cfg.columns.filter((c) => c.primary).map((c) => c.name);
    const key = single.length ? single : (cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? []);
    if (key.length === 0) throw new Error(`${name}: no primary key, so no resumable order to copy it in`);
    const serial = single.length === 1 && cfg.columns.find((c) => c.name === single[0])!.getSQLType() === "integer" ? single[0] : null;
    return { name, columns: cfg.columns.map((c) => c.name), key, serial };
  });
}

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

/**
 * On PostgreSQL idempotency lives in `event_idempotency` (docs/adr/0048): copied events received
 * within the window are claimed with the batch, so a client's resend after the move is still
 * a duplicate. Older claims would only be pruned.
 */
async function claimCopiedEvents(tx: Db, columns: string[], rows: unknown[][]): Promise<void> {
  const at = (c: string) => columns.indexOf(c);
  const since = Date.now() - idempotencyWindowDays() * 86_400_000;
  const recent = rows.filter((r) => (r[at("received_at")] as number) >= since);
  if (recent.length === 0) return;
  const col = (c: string) => recent.map((r) => r[at(c)]);
  await pgOf(tx).query(
    `INSERT INTO event_idempotency (project_id, client_id, event_id, received_at)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[]) ON CONFLICT DO NOTHING`,
    [col("project_id"), col("client_id"), col("id"), col("received_at")],
  );
}

export async function copyDatabase(from: Db, to: Db, opts: CopyOptions = {}): Promise<TableCount[]> {
  if (from.dialect !== "sqlite" || to.dialect !== "postgres") throw new Error("migrate-data copies a SQLite database into a PostgreSQL one");
  await to.ready();
  const src = sqliteOf(from);
  await pgOf(to).query(`CREATE TABLE IF NOT EXISTS ${PROGRESS} (table_name text PRIMARY KEY, last_key jsonb, rows bigint NOT NULL, done boolean NOT NULL)`);
  const progress = new Map(
    (await pgRows<{ table_name: string; last_key: string | null; rows: number; done: boolean }>(to, `SELECT * FROM ${PROGRESS}`)).map((r) => [r.table_name, r]),
  );
  for (const t of copyPlan()) {
    const total = (src.prepare(`SELECT count(*) AS n FROM ${q(t.name)}`).get() as { n: number }).n;
    const state = progress.get(t.name);
    if (state?.done) continue;
    if (!state) {
      const [{ n }] = await pgRows<{ n: number }>(to, `SELECT count(*) AS n FROM ${q(t.name)}`);
      if (n > 0) throw new Error(`target table ${t.name} already holds ${n} rows and no copy of it was started: migrate into an empty database`);
    }
    let lastKey: unknown[] | null = state?.last_key ? (JSON.parse(state.last_key) as unknown[]) : null;
    let copied = state?.rows ?? 0;
    const perBatch = Math.max(1, Math.min(opts.batchRows ?? 2000, Math.floor(60_000 / t.columns.length)));
    const cols = t.columns.map(q).join(", ");
    const keyCols = t.key.map(q).join(", ");
    const after = `(${keyCols}) > (${t.key.map(() => "?").join(", ")})`;
    const first = src.prepare(`SELECT ${cols} FROM ${q(t.name)} ORDER BY ${keyCols} LIMIT ?`).raw();
    const next = src.prepare(`SELECT ${cols} FROM ${q(t.name)} WHERE ${after} ORDER BY ${keyCols} LIMIT ?`).raw();
    for (;;) {
      if (opts.signal?.aborted) throw new Error("copy interrupted; run the same command again to resume");
      const rows = (lastKey ? next.all(...lastKey, perBatch) : first.all(perBatch)) as unknown[][];
      const done = rows.length < perBatch;
      const keyAt = t.key.map((k) => t.columns.indexOf(k));
      const newKey = rows.length ? keyAt.map((i) => rows[rows.length - 1][i]) : lastKey;
      await to.transaction(async (tx) => {
        if (rows.length) {
          const params: unknown[] = [];
          const values = rows.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(", ")})`);
          await pgOf(tx).query(`INSERT INTO ${q(t.name)} (${cols}) VALUES ${values.join(", ")} ON CONFLICT DO NOTHING`, params);
          if (t.name === "event") await claimCopiedEvents(tx, t.columns, rows);
        }
        await pgOf(tx).query(
          `INSERT INTO ${PROGRESS} (table_name, last_key, rows, done) VALUES ($1, $2, $3, $4)
           ON CONFLICT (table_name) DO UPDATE SET last_key = excluded.last_key, rows = excluded.rows, done = excluded.done`,
          [t.name, newKey ? JSON.stringify(newKey) : null, copied + rows.length, done],
        );
      });
      copied += rows.length;
      lastKey = newKey;
      opts.onProgress?.({ table: t.name, rows: copied, total });
      if (done) break;
    }
    if (t.serial) {
      await pgOf(to).query(
        `SELECT setval(pg_get_serial_sequence($1, $2), (SELECT coalesce(max(${q(t.serial)}), 0) + 1 FROM ${q(t.name)}), false)`,
        [t.name, t.serial],
      );
    }
  }
  return verifyCounts(from, to);
}

/** Rows per table on both sides. */
export async function verifyCounts(from: Db, to: Db): Promise<TableCount[]> {
  const out: TableCount[] = [];
  for (const t of copyPlan()) {
    const source = (sqliteOf(from).prepare(`SELECT count(*) AS n FROM ${q(t.name)}`).get() as { n: number }).n;
    const [{ n: target }] = await pgRows<{ n: number }>(to, `SELECT count(*) AS n FROM ${q(t.name)}`);
    out.push({ table: t.name, source, target });
  }
  return out;
}
