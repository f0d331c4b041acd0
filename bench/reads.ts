import { sqliteOf } from "@/db/driver";
import fs from "node:fs";
import path from "node:path";
import { openDb } from "@/db/client";
import { seedLoad } from "@/lib/seed/seed-load";
import { dbBytes, prepareDb, removeDb } from "./bench-db";
import { keepAliveAgent, request } from "./http-client";
import { round, summarise, type LatencySummary } from "./stats";

const H = 3_600_000;
const D = 24 * H;

export interface SeededDb {
  file: string;
  events: number;
  days: number;
  /** The seed's "now": read windows are anchored here so a reused database reads the same data. */
  now: number;
  seedMs: number;
  bytes: number;
  bytesPerEvent: number;
  reused: boolean;
  key: string;
}

/** The CLI's load scenario (lib/seed/seed-load.ts) into its own file; reused when asked and present. */
export async function seededDb(workDir: string, events: number, days: number, reuse: boolean, shape: "old" | "real" = "old"): Promise<SeededDb> {
  fs.mkdirSync(workDir, { recursive: true });
  const file = path.join(workDir, `load-${shape === "real" ? "real-" : ""}${events}-${days}d.db`);
  const metaFile = `${file}.json`;
  if (reuse && fs.existsSync(file) && fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, "utf8")) as SeededDb;
    const { key } = await prepareDb(file, "load");
    return { ...meta, key, reused: true };
  }
  removeDb(file);
  const db = openDb(`file:${file}`);
  const now = Date.now();
  // Random ids and trace ids: insert without the two random-key indexes and build them once at
  // the end (a sort instead of 10M random page writes: minutes instead of an hour). The
  // database is the same apart from the indexes' pages being fuller than incremental inserts
  // leave them; the runs that post into it then split those pages as production would.
  const deferred = shape === "real" ? deferRandomIndexes(db) : null;
  const res = await seedLoad(db, { events, days, projectSlug: "load", now, shape });
  deferred?.();
  sqliteOf(db).pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  const bytes = dbBytes(file);
  const meta = { file, events, days, now, seedMs: res.ms, bytes, bytesPerEvent: round(bytes / events, 1) };
  fs.writeFileSync(metaFile, JSON.stringify(meta));
  const { key } = await prepareDb(file, "load");
  return { ...meta, key, reused: false };
}

function deferRandomIndexes(db: ReturnType<typeof openDb>): () => void {
  const s = sqliteOf(db);
  const ddl = s.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ('event_project_client_uq', 'event_trace_idx')").all() as { name: string; sql: string }[];
  for (const { name } of ddl) s.exec(`DROP INDEX ${name}`);
  return () => {
    for (const { sql } of ddl) s.exec(sql);
  };
}

/** The dashboard's requests (overview, model, prompt, timeseries, events pages), as the UI sends them. */
export function dashboardEndpoints(now: number): { name: string; path: string }[] {
  const w = (ms: number) => `from=${now - ms}&to=${now}`;
  return [
    { name: "overview 24h", path: `/api/v1/overview?${w(D)}` },
    { name: "overview 30d", path: `/api/v1/overview?${w(30 * D)}&interval=1d` },
    { name: "model: versions 24h", path: `/api/v1/metrics?groupBy=modelVersion&model=gpt-4o&${w(D)}` },
    { name: "model: versions 30d", path: `/api/v1/metrics?groupBy=modelVersion&model=gpt-4o&${w(30 * D)}` },
    { name: "model: p95 series 7d/1h", path: `/api/v1/metrics/timeseries?metric=latency_p95&interval=1h&model=gpt-4o&${w(7 * D)}` },
    { name: "prompt: stats 7d", path: `/api/v1/prompts/support-answer/stats?${w(7 * D)}&a=2&b=3` },
    { name: "prompt: versions 30d", path: `/api/v1/metrics?groupBy=promptVersion&promptId=support-answer&${w(30 * D)}` },
    { name: "timeseries count 24h/1m", path: `/api/v1/metrics/timeseries?metric=count&interval=1m&${w(D)}` },
    { name: "timeseries p95 30d/1d", path: `/api/v1/metrics/timeseries?metric=latency_p95&interval=1d&${w(30 * D)}` },
    { name: "events page", path: `/api/v1/events?limit=50&to=${now}` },
    { name: "events page: model+errors", path: `/api/v1/events?limit=50&model=gpt-4o&status=error&to=${now}` },
  ];
}

export interface EndpointResult {
  name: string;
  path: string;
  errors: number;
  latencyMs: LatencySummary;
}

/** Each endpoint in turn, one request at a time: warm-up, then `requests` timed requests. */
export async function measureReads(url: string, key: string, now: number, requests: number): Promise<EndpointResult[]> {
  const agent = keepAliveAgent(1);
  const headers = { authorization: `Bearer ${key}` };
  const out: EndpointResult[] = [];
  try {
    for (const e of dashboardEndpoints(now)) {
      for (let i = 0; i < 3; i++) await request(agent, url + e.path, { headers });
      const lat: number[] = [];
      let errors = 0;
      for (let i = 0; i < requests; i++) {
        const res = await request(agent, url + e.path, { headers });
        if (res.status !== 200) errors++;
        lat.push(res.ms);
      }
      out.push({ name: e.name, path: e.path, errors, latencyMs: summarise(lat) });
    }
  } finally {
    agent.destroy();
  }
  return out;
}
