/**
 * What the real-traffic shape's two random-key indexes cost, and what each lever named in
 * issue 10 buys, on raw better-sqlite3 with the server's settings (WAL, synchronous=FULL,
 * 64 MB cache, checkpoint every 10,000 pages, 256 MB mmap):
 *
 *   npx tsx bench/index-levers.ts [--prefill 0,2000000] [--rows 200000] [--rounds 2]
 *
 * Each variant is a table of ~1 KB rows keyed by a time-ordered integer (as `event` is) plus:
 *   none            no other index (the floor's shape)
 *   client          UNIQUE (project, client id): UUIDv4 text
 *   client+trace    … and (project, trace id): the production schema today
 *   …, 4× commits   the same with 8,000 rows per transaction instead of 2,000
 *   …, hashed       both keys as 64-bit hashes (non-unique; a lookup verifies the text)
 *   …, day first    both indexes prefixed with the UTC day of the event's timestamp
 *   …, derived db   both look-ups as tables in an ATTACHed database with synchronous=OFF
 *                   (rebuildable from the events after a crash; WAL pages are written, not fsync'ed)
 * Before the timed rows, `prefill` rows are stored (spread over 30 days, synchronous=OFF,
 * 50,000 per transaction). Variants run interleaved, `rounds` times, so a neighbour's load
 * hits them alike; compare ratios within one run. Run by hand; writes
 * bench/results/index-levers.json. Results and reading: docs/benchmarks.md.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Sqlite from "better-sqlite3";

interface Variant {
  name: string;
  indexes: string[];
  hashed?: boolean;
  day?: boolean;
  /** Both look-ups as WITHOUT ROWID tables in an attached database that is not fsync'ed (derived, rebuildable). */
  attached?: boolean;
  txRows?: number;
}

const CLIENT = "CREATE UNIQUE INDEX c ON event(project_id, client_id)";
const TRACE = "CREATE INDEX t ON event(project_id, trace_id) WHERE trace_id IS NOT NULL";
const VARIANTS: Variant[] = [
  { name: "none", indexes: [] },
  { name: "client", indexes: [CLIENT] },
  { name: "client+trace", indexes: [CLIENT, TRACE] },
  { name: "client+trace, 4× commits", indexes: [CLIENT, TRACE], txRows: 8000 },
  { name: "client+trace, hashed", hashed: true, indexes: ["CREATE INDEX c ON event(project_id, client_fp)", "CREATE INDEX t ON event(project_id, trace_fp) WHERE trace_fp IS NOT NULL"] },
  { name: "client+trace, derived db, no fsync", attached: true, indexes: [] },
  { name: "client+trace, day first", day: true, indexes: ["CREATE UNIQUE INDEX c ON event(project_id, day, client_id)", "CREATE INDEX t ON event(project_id, day, trace_id) WHERE trace_id IS NOT NULL"] },
];

const { values: v } = parseArgs({ options: { prefill: { type: "string" }, rows: { type: "string" }, rounds: { type: "string" } } });
const PREFILLS = (v.prefill ?? "0,2000000").split(",").map(Number);
const ROWS = Number(v.rows ?? 200_000);
const ROUNDS = Number(v.rounds ?? 2);
const DAY = 86_400_000;
const BODY = "x".repeat(900);

const hash = (s: string) => createHash("sha1").update(s).digest().readBigInt64BE(0);

function run(dir: string, variant: Variant, prefill: number): number {
  const file = path.join(dir, "levers.db");
  const idxFile = path.join(dir, "levers-idx.db");
  const files = [file, idxFile].flatMap((f) => [f, `${f}-wal`, `${f}-shm`]);
  for (const f of files) fs.rmSync(f, { force: true });
  const db = new Sqlite(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("cache_size = -65536");
    db.pragma("wal_autocheckpoint = 10000");
    db.pragma(`mmap_size = ${256 * 2 ** 20}`);
    db.exec("CREATE TABLE event (id INTEGER PRIMARY KEY, project_id INT NOT NULL, day INT NOT NULL, client_id TEXT NOT NULL, client_fp INT, trace_id TEXT, trace_fp INT, body TEXT)");
    for (const ddl of variant.indexes) db.exec(ddl);
    if (variant.attached) {
      db.exec(`ATTACH '${idxFile}' AS idx`);
      db.pragma("idx.journal_mode = WAL");
      db.pragma("idx.synchronous = OFF");
      db.pragma("idx.cache_size = -65536");
      db.exec("CREATE TABLE idx.client (project_id INT, client_id TEXT, event_id INT, PRIMARY KEY (project_id, client_id)) WITHOUT ROWID");
      db.exec("CREATE TABLE idx.trace (project_id INT, trace_id TEXT, event_id INT, PRIMARY KEY (project_id, trace_id, event_id)) WITHOUT ROWID");
    }
    const insert = db.prepare("INSERT INTO event VALUES (?,?,?,?,?,?,?,?)");
    const client = variant.attached ? db.prepare("INSERT INTO idx.client VALUES (?,?,?)") : null;
    const traceRow = variant.attached ? db.prepare("INSERT INTO idx.trace VALUES (?,?,?)") : null;
    const now = Date.now();
    let key = (now - 31 * DAY) * 1024;
    const row = (ts: number, body: string) => {
      const clientId = randomUUID();
      const trace = randomBytes(16).toString("hex");
      client?.run(1, clientId, key);
      traceRow?.run(1, trace, key);
      insert.run(key++, 1, variant.day ? Math.floor(ts / DAY) : 0, clientId, variant.hashed ? hash(clientId) : null, trace, variant.hashed ? hash(trace) : null, body);
    };
    db.pragma("main.synchronous = OFF");
    for (let i = 0; i < prefill; i += 50_000) {
      db.transaction(() => {
        for (let j = i; j < Math.min(prefill, i + 50_000); j++) row(now - 30 * DAY + Math.floor((j / prefill) * 30 * DAY), "x");
      })();
    }
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.pragma("main.synchronous = FULL");
    key = now * 1024;
    const tx = variant.txRows ?? 2000;
    const t0 = performance.now();
    for (let i = 0; i < ROWS; i += tx) db.transaction(() => { for (let j = 0; j < tx; j++) row(now, BODY); })();
    return Math.round(ROWS / ((performance.now() - t0) / 1000));
  } finally {
    db.close();
    for (const f of files) fs.rmSync(f, { force: true });
  }
}

function main() {
  const dir = fs.mkdtempSync(path.join(process.cwd(), "data", "levers-"));
  const results: { prefill: number; variant: string; rowsPerSec: number[] }[] = [];
  try {
    for (const prefill of PREFILLS) {
      for (const variant of VARIANTS) results.push({ prefill, variant: variant.name, rowsPerSec: [] });
      for (let round = 0; round < ROUNDS; round++) {
        for (const variant of VARIANTS) {
          const rate = run(dir, variant, prefill);
          results.find((r) => r.prefill === prefill && r.variant === variant.name)!.rowsPerSec.push(rate);
          console.error(`[levers] ${prefill} stored, ${variant.name}: ${rate} rows/s (load ${os.loadavg()[0].toFixed(1)})`);
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\n${"stored before".padEnd(14)}${"variant".padEnd(28)}${"rows/s (median)".padStart(16)}${"vs none".padStart(9)}`);
  for (const r of results) {
    const none = median(results.find((x) => x.prefill === r.prefill && x.variant === "none")!.rowsPerSec);
    console.log(`${String(r.prefill).padEnd(14)}${r.variant.padEnd(28)}${String(median(r.rowsPerSec)).padStart(16)}${`${Math.round((median(r.rowsPerSec) / none) * 100)}%`.padStart(9)}`);
  }
  const out = path.join(process.cwd(), "bench", "results", "index-levers.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), rows: ROWS, rounds: ROUNDS, loadAverage: os.loadavg(), results }, null, 2)}\n`);
  console.error(`wrote ${path.relative(process.cwd(), out)}`);
}

main();
