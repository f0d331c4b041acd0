/**
 * Where should prediction features live so that a drift report over 1M predictions × 20
 * features answers in ≤ 2 s? Measures three layouts on raw SQLite (same pragmas as db/client.ts):
 *
 *   A  json   — features only in the event's JSON body (today): read and parse every body in the window.
 *   B  eav    — a side table (project, model, ts, feature, value, sample_key): 20 rows per prediction.
 *   C  row    — one side row per prediction (features JSON + a random sample_key), index
 *               (project, model, ts, sample_key): count the window, then take the `cap` rows with
 *               the smallest sample keys — a uniform sample without reading the rest.
 *
 * Ingest cost is measured as extra time and bytes per prediction over the event insert alone.
 *
 *   npx tsx bench/drift-storage.ts [--rows 1000000] [--ingest-rows 100000] [--eav-rows 250000]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ""), process.argv[i + 1]);
const ROWS = Number(args.get("rows") ?? 1_000_000);
const INGEST_ROWS = Number(args.get("ingest-rows") ?? 100_000);
const EAV_ROWS = Number(args.get("eav-rows") ?? 250_000);
const FEATURES = 20;
const CAP = 5000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drift-storage-"));

function open(name: string): Sqlite.Database {
  const db = new Sqlite(path.join(dir, name));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -65536");
  db.pragma("temp_store = MEMORY");
  db.pragma("mmap_size = 268435456");
  db.exec(`CREATE TABLE event (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL, client_id TEXT NOT NULL, type TEXT NOT NULL,
    ts INTEGER NOT NULL, model_id INTEGER, body TEXT NOT NULL);
    CREATE UNIQUE INDEX event_project_client_uq ON event (project_id, client_id);
    CREATE TABLE prediction (event_id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL, model_id INTEGER NOT NULL,
      ts INTEGER NOT NULL, sample_key INTEGER NOT NULL, features TEXT);
    CREATE INDEX prediction_window_idx ON prediction (project_id, model_id, ts, sample_key);
    CREATE TABLE feature_value (event_id INTEGER NOT NULL, project_id INTEGER NOT NULL, model_id INTEGER NOT NULL,
      feature TEXT NOT NULL, ts INTEGER NOT NULL, sample_key INTEGER NOT NULL, num REAL, txt TEXT, PRIMARY KEY (event_id, feature)) WITHOUT ROWID;
    CREATE INDEX feature_value_window_idx ON feature_value (project_id, model_id, feature, ts, sample_key);`);
  return db;
}

const CATS = ["web", "ios", "android", "partner", "store"];
/** A realistic prediction: 15 numeric features (one shifted on day 2), 5 categorical. */
function features(i: number, shifted: boolean): Record<string, number | string> {
  const f: Record<string, number | string> = {};
  for (let k = 0; k < 15; k++) f[`num_${k}`] = Math.round(((Math.sin(i * (k + 1.3)) + 1) * 50 + (shifted && k === 0 ? 30 : 0)) * 1000) / 1000;
  for (let k = 0; k < 5; k++) f[`cat_${k}`] = CATS[(i * (k + 7)) % CATS.length];
  return f;
}

function fill(db: Sqlite.Database, n: number, layouts: { row: boolean; eav: boolean }, startId = 1): number {
  const ev = db.prepare("INSERT INTO event (id, project_id, client_id, type, ts, model_id, body) VALUES (?, 1, ?, 'prediction', ?, 1, ?)");
  const pr = db.prepare("INSERT INTO prediction (event_id, project_id, model_id, ts, sample_key, features) VALUES (?, 1, 1, ?, ?, ?)");
  const fv = db.prepare("INSERT INTO feature_value (event_id, project_id, model_id, feature, ts, sample_key, num, txt) VALUES (?, 1, 1, ?, ?, ?, ?, ?)");
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const day2 = i >= n / 2;
      const ts = T0 + (day2 ? DAY : 0) + Math.floor(((i % (n / 2)) / (n / 2)) * DAY);
      const f = features(i, day2);
      const fj = JSON.stringify(f);
      ev.run(startId + i, `pred-${startId + i}`, ts, JSON.stringify({ prediction: i % 2, features: f, tags: ["bench"] }));
      const key = Math.floor(Math.random() * 2 ** 31);
      if (layouts.row) pr.run(startId + i, ts, key, fj);
      if (layouts.eav) for (const [name, v] of Object.entries(f)) fv.run(startId + i, name, ts, key, typeof v === "number" ? v : null, typeof v === "string" ? v : null);
    }
  });
  const t = performance.now();
  for (let i = 0; i < n; i += 1000) batch(i, Math.min(n, i + 1000));
  return performance.now() - t;
}

function size(name: string): number {
  return [name, `${name}-wal`].reduce((s, f) => s + (fs.statSync(path.join(dir, f), { throwIfNoEntry: false })?.size ?? 0), 0);
}

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

/** C: the window's count from the index, then the CAP smallest sample keys (a uniform sample). */
function sampleRows(db: Sqlite.Database, from: number, to: number): Record<string, unknown>[] {
  const { n } = db.prepare("SELECT count(*) AS n FROM prediction WHERE project_id = 1 AND model_id = 1 AND ts >= ? AND ts < ?").get(from, to) as { n: number };
  // Take ~1.5× the expected share of keys, then the CAP smallest of those.
  const bound = n <= CAP ? 2 ** 31 : Math.min(2 ** 31, Math.ceil(((CAP * 1.5) / n) * 2 ** 31));
  const rows = db
    .prepare(`SELECT features FROM prediction WHERE project_id = 1 AND model_id = 1 AND ts >= ? AND ts < ? AND sample_key < ?
      ORDER BY sample_key LIMIT ${CAP}`)
    .all(from, to, bound) as { features: string }[];
  return rows.map((r) => JSON.parse(r.features));
}

const report: Record<string, unknown> = { rows: ROWS, features: FEATURES, cap: CAP, cpus: os.cpus().length, load: os.loadavg()[0] };

// 1. Ingest cost: event only vs + row layout vs + EAV layout.
for (const [label, layouts] of [["event only", { row: false, eav: false }], ["event + row (C)", { row: true, eav: false }], ["event + eav (B)", { row: false, eav: true }]] as const) {
  const name = `ingest-${label.replace(/\W+/g, "-")}.db`;
  const db = open(name);
  const ms = fill(db, INGEST_ROWS, layouts);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  report[`ingest ${label}`] = { usPerPrediction: (ms * 1000) / INGEST_ROWS, bytesPerPrediction: size(name) / INGEST_ROWS };
  console.log(label, report[`ingest ${label}`]);
}

// 2. Reads at scale: ROWS/2 predictions per day, day 1 is the reference, day 2 the current window.
{
  const db = open("reads.db");
  const ms = fill(db, ROWS * 2, { row: true, eav: false });
  db.pragma("wal_checkpoint(TRUNCATE)");
  console.log(`filled ${ROWS * 2} predictions in ${(ms / 1000).toFixed(1)} s`);
  // C: both windows sampled from the side table.
  const [[ref, cur], cMs] = timed(() => [sampleRows(db, T0, T0 + DAY), sampleRows(db, T0 + DAY, T0 + 2 * DAY)]);
  report["read C (row, sampled)"] = { ms: cMs, reference: ref.length, current: cur.length };
  console.log("C", report["read C (row, sampled)"]);
  // A: one window, every body read and parsed (the reference would cost the same again). Event
  // keys are time-ordered (ADR 0022), so the window is a key range: day 2 holds ids > ROWS.
  const [parsed, aMs] = timed(() => {
    let k = 0;
    for (const r of db.prepare("SELECT body FROM event WHERE id > ? AND project_id = 1 AND model_id = 1 AND type = 'prediction' AND ts >= ? AND ts < ?").iterate(ROWS, T0 + DAY, T0 + 2 * DAY) as Iterable<{ body: string }>) {
      k += Object.keys(JSON.parse(r.body).features).length > 0 ? 1 : 0;
    }
    return k;
  });
  report["read A (json, one window, all rows)"] = { ms: aMs, rows: parsed };
  console.log("A", report["read A (json, one window, all rows)"]);
  db.close();
}

// 3. B at EAV_ROWS predictions (20 rows each), per-feature sampled read of one window, scaled to ROWS.
{
  const db = open("eav.db");
  fill(db, EAV_ROWS * 2, { row: false, eav: true });
  db.pragma("wal_checkpoint(TRUNCATE)");
  const [, bMs] = timed(() => {
    for (let k = 0; k < FEATURES; k++) {
      const name = k < 15 ? `num_${k}` : `cat_${k - 15}`;
      const { n } = db.prepare("SELECT count(*) AS n FROM feature_value WHERE project_id = 1 AND model_id = 1 AND feature = ? AND ts >= ? AND ts < ?").get(name, T0 + DAY, T0 + 2 * DAY) as { n: number };
      const bound = Math.min(2 ** 31, Math.ceil(((CAP * 1.5) / n) * 2 ** 31));
      db.prepare(`SELECT num, txt FROM feature_value WHERE project_id = 1 AND model_id = 1 AND feature = ? AND ts >= ? AND ts < ? AND sample_key < ? ORDER BY sample_key LIMIT ${CAP}`).all(name, T0 + DAY, T0 + 2 * DAY, bound);
    }
  });
  report["read B (eav, one window)"] = { ms: bMs, predictions: EAV_ROWS, scaledToRowsMs: (bMs * ROWS) / EAV_ROWS };
  console.log("B", report["read B (eav, one window)"]);
  db.close();
}

fs.rmSync(dir, { recursive: true, force: true });
const out = path.join("bench", "results", `${new Date().toISOString().replace(/[:.]/g, "-")}-drift-storage.json`);
fs.writeFileSync(out, JSON.stringify(report, null, 2));
console.log(`wrote ${out}`);
