import type { IngestStatements } from "@/db/statements/ingest";
import { RESOLUTIONS } from "@/db/schema";
import type { PreparedEvent } from "./to-row";
import { encodeSketch, mergeEncoded, newLatencySketch, type LatencySketch } from "@/lib/metrics/latency-sketch";

export const KIND_LLM = 1;
export const KIND_PREDICTION = 2;

/** What a rollup needs from an event row (lib/ingest/to-row.ts), read in place: no object per event. */
export type RollupInput = Pick<
  PreparedEvent,
  "projectId" | "ts" | "modelVersionId" | "promptId" | "promptVersionId" | "status" | "latencyMs" | "inputTokens" |
  "outputTokens" | "costUsd" | "unpriced" | "flagged" | SpendColumn
>;

/** The usage-detail and cost-by-kind measures: same name on the event row and the rollup group, each summed. */
export const SPEND_MEASURES = [
  "cacheReadTokens", "cacheWriteTokens", "reasoningTokens", "costInputUsd", "costCacheReadUsd", "costCacheWriteUsd",
  "costOutputUsd", "costReasoningUsd",
] as const;
type SpendColumn = (typeof SPEND_MEASURES)[number];

/** The measures of one rollup row, and the dimensions that (with resolution and bucket) key it. */
interface Group {
  dims: string;
  projectId: number;
  kind: number;
  modelId: number;
  modelVersionId: number;
  promptId: number;
  promptVersionId: number;
  bucket: number;
  count: number;
  errorCount: number;
  latencyCount: number;
  latencySum: number;
  sketch: LatencySketch | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  unpricedCount: number;
  flaggedCount: number;
  judgedCount: number;
  spend: Record<SpendColumn, number>;
}

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
    g.count++;
    if (e.status === "error") g.errorCount++;
    if (e.latencyMs !== null) {
      g.latencyCount++;
      g.latencySum += e.latencyMs;
      (g.sketch ??= newLatencySketch()).accept(e.latencyMs);
    }
    g.inputTokens += e.inputTokens ?? 0;
    g.outputTokens += e.outputTokens ?? 0;
    g.costUsd += e.costUsd ?? 0;
    if (e.unpriced === 1) g.unpricedCount++;
    for (const m of SPEND_MEASURES) g.spend[m] += e[m] ?? 0;
    if (e.flagged !== null) {
      g.judgedCount++;
      if (e.flagged === 1) g.flaggedCount++;
    }
  }

  /** Number of groups held before flushing (minutes, and hours of events past the minute horizon). */
  get size(): number {
    return this.minutes.size + this.hours.size;
  }

  /** Writes every group at every resolution; must run inside the batch's transaction. */
  flush(stmts: IngestStatements): void {
    const days = new Map<string, Group>();
    for (const m of this.minutes.values()) foldInto(this.hours, HOUR, m);
    for (const h of this.hours.values()) foldInto(days, DAY, h);
    // Written after folding: writing merges the stored sketch into the group's own.
    for (const m of this.minutes.values()) write(stmts, MINUTE, m);
    for (const h of this.hours.values()) write(stmts, HOUR, h);
    for (const d of days.values()) write(stmts, DAY, d);
    this.minutes.clear();
    this.hours.clear();
  }
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
  return {
    dims, projectId, kind, modelId, modelVersionId, promptId, promptVersionId, bucket, count: 0, errorCount: 0,
    latencyCount: 0, latencySum: 0, sketch: null, inputTokens: 0, outputTokens: 0, costUsd: 0, unpricedCount: 0,
    flaggedCount: 0, judgedCount: 0, spend: emptySpend(),
  };
}

function emptySpend(): Record<SpendColumn, number> {
  return { cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, costInputUsd: 0, costCacheReadUsd: 0, costCacheWriteUsd: 0, costOutputUsd: 0, costReasoningUsd: 0 };
}

function fold(into: Group, g: Group): void {
  into.count += g.count;
  into.errorCount += g.errorCount;
  into.latencyCount += g.latencyCount;
  into.latencySum += g.latencySum;
  if (g.sketch) (into.sketch ??= newLatencySketch()).merge(g.sketch);
  into.inputTokens += g.inputTokens;
  into.outputTokens += g.outputTokens;
  into.costUsd += g.costUsd;
  into.unpricedCount += g.unpricedCount;
  into.flaggedCount += g.flaggedCount;
  into.judgedCount += g.judgedCount;
  for (const m of SPEND_MEASURES) into.spend[m] += g.spend[m];
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
    g.projectId, resolution, g.bucket, g.kind, g.modelId, g.modelVersionId, g.promptId, g.promptVersionId, g.count,
    g.errorCount, g.latencyCount, g.latencySum, encoded, g.inputTokens, g.outputTokens, g.costUsd, g.unpricedCount,
    g.flaggedCount, g.judgedCount, g.spend.cacheReadTokens, g.spend.cacheWriteTokens, g.spend.reasoningTokens, g.spend.costInputUsd,
    g.spend.costCacheReadUsd, g.spend.costCacheWriteUsd, g.spend.costOutputUsd, g.spend.costReasoningUsd,
  );
}
