import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type Database from "better-sqlite3";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyPlan } from "@/db/copy/copy-database";
import { createEventPartitions } from "@/db/statements/partitions";
import type { Db } from "@/db/client";

/**
 * Bulk-loads a seeded SQLite database into a migrated, empty PostgreSQL one with COPY (the bench
 * only: `migrate-data` is the resumable, verified path). The SQLite file was seeded through the
 * real store (rollups and sketches exact), so both backends then read the same data. Day
 * partitions for the seeded range are created first, as the scheduler would have, so events land
 * in them and not in the default partition. Returns rows per table and the time taken.
 */
const CHUNK_ROWS = 20_000;
const DAY = 86_400_000;

function copyValue(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString("hex")}`;
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  return String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

async function* copyText(rows: IterableIterator<unknown[]>): AsyncGenerator<string> {
  let chunk: string[] = [];
  for (const r of rows) {
    chunk.push(r.map(copyValue).join("\t"));
    if (chunk.length === CHUNK_ROWS) {
      yield chunk.join("\n") + "\n";
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join("\n") + "\n";
}

export async function copySeedIntoPg(
  source: Database.Database,
  target: Db,
  url: string,
  range: { from: number; to: number },
  log: (s: string) => void,
): Promise<{ rows: Record<string, number>; eventsInDefaultPartition: number; ms: number }> {
  const started = Date.now();
  await target.ready();
  const fromDay = Math.floor(range.from / DAY) * DAY;
  await createEventPartitions(target, fromDay, Math.ceil((range.to - fromDay) / DAY));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    for (const t of copyPlan()) {
      const n = (source.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n;
      if (n === 0) continue;
      const t0 = Date.now();
      const cols = t.columns.map((c) => `"${c}"`).join(", ");
      const it = source.prepare(`SELECT ${cols} FROM "${t.name}"`).raw().iterate() as IterableIterator<unknown[]>;
      await pipeline(Readable.from(copyText(it)), client.query(copyFrom(`COPY "${t.name}" (${cols}) FROM STDIN`)));
      if (t.serial) {
        await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), (SELECT coalesce(max("${t.serial}"), 0) + 1 FROM "${t.name}"), false)`, [t.name, t.serial]);
      }
      rows[t.name] = n;
      if (n >= 100_000) log(`  COPY ${t.name}: ${n} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    await client.query("ANALYZE");
    const [{ n }] = (await client.query<{ n: string }>("SELECT count(*) AS n FROM event_default")).rows;
    return { rows, eventsInDefaultPartition: Number(n), ms: Date.now() - started };
  } finally {
    await client.end();
  }
}
