import type { IngestStatements, RollupRow } from "@/db/statements/ingest";
import { RESOLUTIONS } from "@/db/schema";
import { encodeSketch, mergeEncoded, newLatencySketch, type LatencySketch } from "@/lib/metrics/latency-sketch";

export const KIND_LLM = 1;
export const KIND_PREDICTION = 2;

export interface RollupInput {
  projectId: number;
  ts: number;
  kind: number;
  modelId: number;
  modelVersionId: number | null;
  promptId: number | null;
  promptVersionId: number | null;
  isError: boolean;
  latencyMs: number | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  unpriced: boolean;
  flagged: boolean | null;
}

type Group = Omit<RollupRow, "latencySketch"> & { sketch: LatencySketch | null };

const RES_LIST = [RESOLUTIONS.minute, RESOLUTIONS.hour, RESOLUTIONS.day];

/**
 * Folds a batch of events into per-bucket groups in memory, then writes each group once
 * (read sketch → merge → upsert). A 500-event batch with a handful of models costs a few
 * dozen statements instead of three upserts per event.
 */
export class RollupAccumulator {
  private groups = new Map<string, Group>();

  /** Minute rows older than `minuteHorizon` are never read (lib/metrics/rollup-segments.ts), so not written. */
  constructor(private readonly minuteHorizon: number) {}

  add(e: RollupInput): void {
    for (const resolution of RES_LIST) {
      if (resolution === RESOLUTIONS.minute && e.ts < this.minuteHorizon) continue;
      const bucket = e.ts - (e.ts % resolution);
      const mv = e.modelVersionId ?? 0;
      const p = e.promptId ?? 0;
      const pv = e.promptVersionId ?? 0;
      const key = `${e.projectId}|${resolution}|${bucket}|${e.kind}|${e.modelId}|${mv}|${p}|${pv}`;
      let g = this.groups.get(key);
      if (!g) {
        g = {
          projectId: e.projectId, resolution, bucket, kind: e.kind, modelId: e.modelId, modelVersionId: mv,
          promptId: p, promptVersionId: pv, count: 0, errorCount: 0, latencyCount: 0, latencySum: 0, sketch: null,
          inputTokens: 0, outputTokens: 0, costUsd: 0, unpricedCount: 0, flaggedCount: 0, judgedCount: 0,
        };
        this.groups.set(key, g);
      }
      g.count++;
      if (e.isError) g.errorCount++;
      if (e.latencyMs !== null) {
        g.latencyCount++;
        g.latencySum += e.latencyMs;
        (g.sketch ??= newLatencySketch()).accept(e.latencyMs);
      }
      g.inputTokens += e.inputTokens;
      g.outputTokens += e.outputTokens;
      g.costUsd += e.costUsd;
      if (e.unpriced) g.unpricedCount++;
      if (e.flagged !== null) {
        g.judgedCount++;
        if (e.flagged) g.flaggedCount++;
      }
    }
  }

  get size(): number {
    return this.groups.size;
  }

  /** Writes every group; must run inside the batch's transaction. */
  flush(stmts: IngestStatements): void {
    for (const g of this.groups.values()) {
      const { sketch, ...row } = g;
      let latencySketch: Buffer | null = null;
      if (sketch) {
        const existing = stmts.findRollupSketch.get(row)?.latency_sketch;
        if (existing) mergeEncoded(sketch, existing);
        latencySketch = encodeSketch(sketch);
      }
      // A null sketch leaves the stored one as it is (COALESCE in the upsert).
      stmts.upsertRollup.run({ ...row, latencySketch });
    }
    this.groups.clear();
  }
}
