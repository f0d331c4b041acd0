import type { IngestStatements } from "@/db/statements/ingest";
import { addMeasures, MEASURE_NAMES, RESOLUTIONS, zeroMeasures, type Measures, type RollupMeasure } from "@/db/schema";
import type { PreparedEvent } from "./to-row";
import { encodeSketch, mergeEncoded, newLatencySketch, type LatencySketch } from "@/lib/metrics/latency-sketch";

export const KIND_LLM = 1;
export const KIND_PREDICTION = 2;

/** What a rollup needs from an event row (lib/ingest/to-row.ts), read in place: no object per event. */
export type RollupInput = Pick<
  PreparedEvent,
  "projectId" | "ts" | "modelVersionId" | "promptId" | "promptVersionId" | "status" | "latencyMs" | "inputTokens" |
  "outputTokens" | "costUsd" | "unpriced" | "flagged" | "cacheReadTokens" | "cacheWriteTokens" | "reasoningTokens" | "costInputUsd" |
  "costCacheReadUsd" | "costCacheWriteUsd" | "costOutputUsd" | "costReasoningUsd"
>;

/** The measures of one rollup row, and the dimensions that (with resolution and bucket) key it. */
export interface Group {
  dims: string;
  projectId: number;
  kind: number;
  modelId: number;
  modelVersionId: number;
  promptId: number;
  promptVersionId: number;
  bucket: number;
  m: Measures;
  sketch: LatencySketch | null;
}

/**
 * What one event adds to each measure of its rollup row. A `Record` over the measure list, so
 * a measure added to db/schema/rollup-measures.ts does not compile until it is given here.
 */
const CONTRIBUTION: Record<RollupMeasure, (e: RollupInput) => number> = {
  count: () => 1,
  errorCount: (e) => (e.status === "error" ? 1 : 0),
  latencyCount: (e) => (e.latencyMs !== null ? 1 : 0),
  latencySum: (e) => e.latencyMs ?? 0,
  inputTokens: (e) => e.inputTokens ?? 0,
  outputTokens: (e) => e.outputTokens ?? 0,
  costUsd: (e) => e.costUsd ?? 0,
  unpricedCount: (e) => (e.unpriced === 1 ? 1 : 0),
  flaggedCount: (e) => (e.flagged === 1 ? 1 : 0),
  judgedCount: (e) => (e.flagged !== null ? 1 : 0),
  cacheReadTokens: (e) => e.cacheReadTokens ?? 0,
  cacheWriteTokens: (e) => e.cacheWriteTokens ?? 0,
  reasoningTokens: (e) => e.reasoningTokens ?? 0,
  costInputUsd: (e) => e.costInputUsd ?? 0,
  costCacheReadUsd: (e) => e.costCacheReadUsd ?? 0,
  costCacheWriteUsd: (e) => e.costCacheWriteUsd ?? 0,
  costOutputUsd: (e) => e.costOutputUsd ?? 0,
  costReasoningUsd: (e) => e.costReasoningUsd ?? 0,
};
const CONTRIBUTIONS = MEASURE_NAMES.map((name) => [name, CONTRIBUTION[name]] as const);

const { minute: MINUTE, hour: HOUR, day: DAY } = RESOLUTIONS;

/**
 * Folds a batch of events into rollup groups in memory, then writes each group once
 * (read sketch → merge → upsert): a 500-event batch costs a few dozen statements instead of
 * three upserts per event.
 *
 * Each event is folded into one group only — its minute, or its hour when older than the
 * minute horizon — and the coarser groups are built at flush time by merging groups. An event
 * thus costs one map lookup and one sketch insertion instead of three; merges cost per group.
 */
export class RollupAccumulator {
  private minutes = new Map<string, Group>();
  private hours = new Map<string, Group>();

  /** Minute rows older than `minuteHorizon` are never read (lib/metrics/rollup-segments.ts), so not written. */
  constructor(private readonly minuteHorizon: number) {}

  add(e: RollupInput, modelId: number, kind: number): void {
    // Minute rows exist only after the horizon; older events (late data, backfills, the load
    // seed) fold straight into their hour so they never pay for a minute group's sketch.
    const fine = e.ts >= this.minuteHorizon ? MINUTE : HOUR;
    const bucket = e.ts - (e.ts % fine);
    const mv = e.modelVersionId ?? 0;
    const p = e.promptId ?? 0;
    const pv = e.promptVersionId ?? 0;
    const dims = `${e.projectId}|${kind}|${modelId}|${mv}|${p}|${pv}`;
    const key = `${dims}|${bucket}`;
    const groups = fine === MINUTE ? this.minutes : this.hours;
    let g = groups.get(key);
    if (!g) {
      g = emptyGroup(dims, e.projectId, kind, modelId, mv, p, pv, bucket);
      groups.set(key, g);
    }
    for (const [name, of] of CONTRIBUTIONS) g.m[name] += of(e);
    if (e.latencyMs !== null) (g.sketch ??= newLatencySketch()).accept(e.latencyMs);
  }

  /** Number of groups held before flushing (minutes, and hours of events past the minute horizon). */
  get size(): number {
    return this.minutes.size + this.hours.size;
  }

  /** Writes every group at every resolution; must run inside the batch's transaction. */
  flush(stmts: IngestStatements): void {
    for (const { resolution, group } of this.drain()) write(stmts, resolution, group);
  }

  /**
   * Every group at every resolution (minutes folded into hours, hours into days), and empties
   * the accumulator. The PostgreSQL store writes these itself (lib/ingest/store-events-pg.ts).
   */
  drain(): RollupWrite[] {
    const days = new Map<string, Group>();
    for (const m of this.minutes.values()) foldInto(this.hours, HOUR, m);
    for (const h of this.hours.values()) foldInto(days, DAY, h);
    const out: RollupWrite[] = [];
    for (const m of this.minutes.values()) out.push({ resolution: MINUTE, group: m });
    for (const h of this.hours.values()) out.push({ resolution: HOUR, group: h });
    for (const d of days.values()) out.push({ resolution: DAY, group: d });
    this.minutes.clear();
    this.hours.clear();
    return out;
  }
}

export interface RollupWrite {
  resolution: number;
  group: Group;
}

/** Adds group `g` into the group of the same dimensions at the coarser `width`. */
function foldInto(groups: Map<string, Group>, width: number, g: Group): void {
  const bucket = g.bucket - (g.bucket % width);
  const key = `${g.dims}|${bucket}`;
  let into = groups.get(key);
  if (!into) {
    into = emptyGroup(g.dims, g.projectId, g.kind, g.modelId, g.modelVersionId, g.promptId, g.promptVersionId, bucket);
    groups.set(key, into);
  }
  fold(into, g);
}

function emptyGroup(dims: string, projectId: number, kind: number, modelId: number, modelVersionId: number, promptId: number, promptVersionId: number, bucket: number): Group {
  return { dims, projectId, kind, modelId, modelVersionId, promptId, promptVersionId, bucket, m: zeroMeasures(), sketch: null };
}

function fold(into: Group, g: Group): void {
  addMeasures(into.m, g.m);
  if (g.sketch) (into.sketch ??= newLatencySketch()).merge(g.sketch);
}

function write(stmts: IngestStatements, resolution: number, g: Group): void {
  let encoded: Buffer | null = null;
  if (g.sketch) {
    const existing = stmts.findRollupSketch.get(g.projectId, resolution, g.bucket, g.kind, g.modelId, g.modelVersionId, g.promptId, g.promptVersionId)?.latency_sketch;
    if (existing) mergeEncoded(g.sketch, existing);
    encoded = encodeSketch(g.sketch);
  }
  // A null sketch leaves the stored one as it is (COALESCE in the upsert).
  stmts.upsertRollup.run(
    g.projectId, resolution, g.bucket, g.kind, g.modelId, g.modelVersionId, g.promptId, g.promptVersionId, encoded,
    ...MEASURE_NAMES.map((name) => g.m[name]),
  );
}
