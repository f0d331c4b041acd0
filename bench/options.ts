import path from "node:path";
import { parseArgs } from "node:util";

export const SECTIONS = ["floor", "http", "otlp", "breakdown", "reads", "mixed"] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  sections: Set<Section>;
  /** Rows for the floor and production-path runs. */
  floorRows: number;
  /** Duration of each HTTP ingest run (one per batch size). */
  httpSeconds: number;
  batchSizes: number[];
  /**
   * Events of the real-traffic shape already stored before each HTTP/OTLP real-traffic run
   * (0: an empty database). Seeded once per size over `days` days into the "load" project (the
   * one the runs post to, so new index entries land among the stored ones), copied per run.
   */
  prestored: number[];
  /** Concurrent HTTP clients (each keeps one request in flight). */
  clients: number;
  /** Database sizes (events) for the dashboard reads; the last one also hosts the mixed load. */
  readSizes: number[];
  days: number;
  /** Timed requests per read endpoint (after a warm-up). */
  readRequests: number;
  mixedSeconds: number;
  /** Ingest rate for the mixed run, events/s; default half the 500-event HTTP maximum. */
  mixedRate: number | null;
  /** Dashboard requests per second during the mixed run (0: two closed-loop readers). */
  readRate: number;
  /** How far back from the send time a batch's event timestamps reach (exporters batch for ~5 s). */
  spreadMs: number;
  /** Reuse seeded databases in workDir instead of seeding again (seed time is then the stored one). */
  reuse: boolean;
  workDir: string;
  port: number;
  label: string;
}

const FULL = {
  floorRows: 1_000_000, httpSeconds: 30, readSizes: [1_000_000, 10_000_000], readRequests: 100, mixedSeconds: 30,
};
const QUICK = { floorRows: 200_000, httpSeconds: 10, readSizes: [200_000], readRequests: 30, mixedSeconds: 10 };

const list = (s: string) => s.split(",").map((x) => Number(x.replace(/_/g, ""))).filter((n) => Number.isFinite(n) && n > 0);

/**
 * Flags win over BENCH_* environment variables, which win over the preset (`--quick`, or the
 * full run). Example quick run: `npm run bench -- --quick`; one section: `--only reads`.
 */
export function benchOptions(argv = process.argv.slice(2), env = process.env): BenchOptions {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean" }, only: { type: "string" }, "floor-rows": { type: "string" }, seconds: { type: "string" },
      batches: { type: "string" }, prestored: { type: "string" }, clients: { type: "string" }, sizes: { type: "string" }, days: { type: "string" },
      requests: { type: "string" }, spread: { type: "string" }, "mixed-seconds": { type: "string" }, "mixed-rate": { type: "string" }, "read-rate": { type: "string" },
      reuse: { type: "boolean" }, "work-dir": { type: "string" }, port: { type: "string" }, label: { type: "string" },
    },
  });
  const quick = v.quick ?? env.BENCH_QUICK === "1";
  const preset = quick ? QUICK : FULL;
  const pick = (flag: string | undefined, envName: string) => flag ?? env[envName];
  const num = (flag: string | undefined, envName: string, fallback: number) => {
    const raw = pick(flag, envName);
    return raw === undefined ? fallback : Number(raw.replace(/_/g, ""));
  };
  const only = pick(v.only, "BENCH_ONLY");
  const sections = new Set<Section>(only ? (only.split(",") as Section[]).filter((s) => SECTIONS.includes(s)) : SECTIONS);
  const mixedRate = pick(v["mixed-rate"], "BENCH_MIXED_RATE");
  return {
    sections,
    floorRows: num(v["floor-rows"], "BENCH_FLOOR_ROWS", preset.floorRows),
    httpSeconds: num(v.seconds, "BENCH_SECONDS", preset.httpSeconds),
    batchSizes: list(pick(v.batches, "BENCH_BATCHES") ?? "100,500,1000"),
    prestored: [0, ...list(pick(v.prestored, "BENCH_PRESTORED") ?? "")],
    clients: num(v.clients, "BENCH_CLIENTS", 4),
    readSizes: pick(v.sizes, "BENCH_SIZES") ? list(pick(v.sizes, "BENCH_SIZES")!) : preset.readSizes,
    days: num(v.days, "BENCH_DAYS", 30),
    readRequests: num(v.requests, "BENCH_REQUESTS", preset.readRequests),
    mixedSeconds: num(v["mixed-seconds"], "BENCH_MIXED_SECONDS", preset.mixedSeconds),
    mixedRate: mixedRate ? Number(mixedRate) : null,
    spreadMs: num(v.spread, "BENCH_SPREAD_MS", 5000),
    readRate: num(v["read-rate"], "BENCH_READ_RATE", 20),
    reuse: v.reuse ?? env.BENCH_REUSE === "1",
    workDir: path.resolve(pick(v["work-dir"], "BENCH_WORK_DIR") ?? "data/bench"),
    port: num(v.port, "BENCH_PORT", 3917),
    label: pick(v.label, "BENCH_LABEL") ?? (quick ? "quick" : "full"),
  };
}
