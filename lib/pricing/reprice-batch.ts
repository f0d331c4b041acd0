import { and, asc, eq, gt, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { event, model, repriceJob, RESOLUTIONS, rollup } from "@/db/schema";
import { KEY_LAG_MS, keyFloor } from "@/lib/ingest/event-id";
import { KIND_LLM } from "@/lib/ingest/rollup-accumulator";
import { minuteHorizon } from "@/lib/metrics/retention";
import { priceBook } from "./price-book";
import { priceCall, type PricedCall } from "./price-call";
import type { UsageFields } from "./usage";

/** Events per re-pricing transaction: bounds how long ingest may wait for the write lock. */
export const REPRICE_BATCH = 1000;

/** The stored cost of an event, as re-pricing compares and moves it. */
interface StoredCost {
  costUsd: number | null;
  unpriced: number | null;
  costInputUsd: number | null;
  costCacheReadUsd: number | null;
  costCacheWriteUsd: number | null;
  costOutputUsd: number | null;
  costReasoningUsd: number | null;
}

const COST_COLUMNS = ["costUsd", "costInputUsd", "costCacheReadUsd", "costCacheWriteUsd", "costOutputUsd", "costReasoningUsd"] as const;

/** What one rollup row must move by. */
interface Delta {
  key: { resolution: number; bucket: number; modelId: number; modelVersionId: number; promptId: number; promptVersionId: number };
  cost: Record<(typeof COST_COLUMNS)[number], number>;
  unpriced: number;
}

export interface RepriceBatchResult {
  done: boolean;
  processed: number;
  changed: number;
}

/**
 * One bounded step of a re-pricing job, in one transaction: the next `size` LLM events of the
 * job's range (in key order, after its cursor) are priced at the current book; each event
 * whose stored cost differs is rewritten, and every rollup row it was counted in (its minute
 * when it had one, its hour and day) moves by exactly the difference — so the events API and
 * every total read from rollups stay equal, batch by batch.
 */
export async function repriceBatch(db: Db, jobId: number, now: number, size = REPRICE_BATCH): Promise<RepriceBatchResult> {
  const book = priceBook(db); // before the transaction: it reads the price table's version
  return db.transaction(async (tx) => {
    const job = (await tx.orm.select().from(repriceJob).where(eq(repriceJob.id, jobId)))[0];
    if (!job || job.status === "done" || job.status === "failed") return { done: true, processed: 0, changed: 0 };
    const models = await tx.orm
      .select({ id: model.id, name: model.name })
      .from(model)
      .where(job.model ? and(eq(model.projectId, job.projectId), eq(model.name, job.model)) : eq(model.projectId, job.projectId));
    const names = new Map(models.map((m) => [m.id, m.name]));
    const lo = Math.max(job.cursor, keyFloor(job.fromTs) - 1);
    const hi = keyFloor(job.toTs + KEY_LAG_MS);
    const rows = names.size === 0 ? [] : await tx.orm
      .select({
        id: event.id, ts: event.ts, receivedAt: event.receivedAt, modelId: event.modelId, modelVersionId: event.modelVersionId,
        promptId: event.promptId, promptVersionId: event.promptVersionId, inputTokens: event.inputTokens, outputTokens: event.outputTokens,
        cacheReadTokens: event.cacheReadTokens, cacheWriteTokens: event.cacheWriteTokens, reasoningTokens: event.reasoningTokens,
        costUsd: event.costUsd, costReported: event.costReported, unpriced: event.unpriced, costInputUsd: event.costInputUsd,
        costCacheReadUsd: event.costCacheReadUsd, costCacheWriteUsd: event.costCacheWriteUsd, costOutputUsd: event.costOutputUsd,
        costReasoningUsd: event.costReasoningUsd, body: event.body,
      })
      .from(event)
      // The key range does the work (time-ordered keys); `+project_id` keeps the planner off the (project, client id) index.
      .where(and(gt(event.id, lo), lt(event.id, hi), sql`+${event.projectId} = ${job.projectId}`, eq(event.type, "llm"),
        gte(event.ts, job.fromTs), lt(event.ts, job.toTs), inArray(event.modelId, [...names.keys()])))
      .orderBy(asc(event.id))
      .limit(size);

    const deltas = new Map<string, Delta>();
    let changed = 0;
    for (const r of rows) {
      const body = JSON.parse(r.body) as { usage?: UsageFields; metadata?: { provider?: unknown } };
      const provider = typeof body.metadata?.provider === "string" ? body.metadata.provider : null;
      const usage: UsageFields = {
        ...body.usage,
        inputTokens: r.inputTokens ?? undefined, outputTokens: r.outputTokens ?? undefined,
        cacheReadInputTokens: r.cacheReadTokens ?? undefined, cacheCreationInputTokens: r.cacheWriteTokens ?? undefined,
        reasoningTokens: r.reasoningTokens ?? undefined,
      };
      const priced = priceCall(book, {
        projectId: job.projectId, model: names.get(r.modelId!)!, provider, ts: r.ts, usage, reportedUsd: r.costReported === 1 ? r.costUsd : null,
      });
      const next = storedCost(priced);
      if (sameCost(r, next)) continue;
      changed++;
      await tx.orm.update(event).set(next).where(eq(event.id, r.id));
      const dims = { modelId: r.modelId!, modelVersionId: r.modelVersionId ?? 0, promptId: r.promptId ?? 0, promptVersionId: r.promptVersionId ?? 0 };
      // The rows ingest folded this event into (lib/ingest/rollup-accumulator.ts): a minute only
      // when it arrived within the minute horizon, always its hour and day.
      const widths = r.ts >= minuteHorizon(r.receivedAt) ? [RESOLUTIONS.minute, RESOLUTIONS.hour, RESOLUTIONS.day] : [RESOLUTIONS.hour, RESOLUTIONS.day];
      for (const width of widths) addDelta(deltas, { resolution: width, bucket: r.ts - (r.ts % width), ...dims }, r, next);
    }
    for (const d of deltas.values()) {
      const k = d.key;
      await tx.orm
        .update(rollup)
        .set({
          costUsd: sql`${rollup.costUsd} + ${d.cost.costUsd}`,
          costInputUsd: sql`${rollup.costInputUsd} + ${d.cost.costInputUsd}`,
          costCacheReadUsd: sql`${rollup.costCacheReadUsd} + ${d.cost.costCacheReadUsd}`,
          costCacheWriteUsd: sql`${rollup.costCacheWriteUsd} + ${d.cost.costCacheWriteUsd}`,
          costOutputUsd: sql`${rollup.costOutputUsd} + ${d.cost.costOutputUsd}`,
          costReasoningUsd: sql`${rollup.costReasoningUsd} + ${d.cost.costReasoningUsd}`,
          unpricedCount: sql`${rollup.unpricedCount} + ${d.unpriced}`,
        })
        .where(and(eq(rollup.projectId, job.projectId), eq(rollup.resolution, k.resolution), eq(rollup.bucket, k.bucket), eq(rollup.kind, KIND_LLM),
          eq(rollup.modelId, k.modelId), eq(rollup.modelVersionId, k.modelVersionId), eq(rollup.promptId, k.promptId), eq(rollup.promptVersionId, k.promptVersionId)));
    }
    const done = rows.length < size;
    await tx.orm
      .update(repriceJob)
      .set({
        status: done ? "done" : "running",
        cursor: rows.length ? rows[rows.length - 1].id : hi,
        processed: job.processed + rows.length,
        changed: job.changed + changed,
        startedAt: job.startedAt ?? now,
        finishedAt: done ? now : null,
      })
      .where(eq(repriceJob.id, jobId));
    return { done, processed: rows.length, changed };
  });
}

function storedCost(p: PricedCall): StoredCost {
  const b = p.breakdown;
  return {
    costUsd: p.costUsd, unpriced: p.unpriced ? 1 : null, costInputUsd: b?.input ?? null, costCacheReadUsd: b?.cacheRead ?? null,
    costCacheWriteUsd: b?.cacheWrite ?? null, costOutputUsd: b?.output ?? null, costReasoningUsd: b?.reasoning ?? null,
  };
}

function sameCost(a: StoredCost, b: StoredCost): boolean {
  return (a.unpriced ?? 0) === (b.unpriced ?? 0) && COST_COLUMNS.every((c) => a[c] === b[c]);
}

function addDelta(deltas: Map<string, Delta>, key: Delta["key"], before: StoredCost, after: StoredCost): void {
  const id = `${key.resolution}|${key.bucket}|${key.modelId}|${key.modelVersionId}|${key.promptId}|${key.promptVersionId}`;
  let d = deltas.get(id);
  if (!d) {
    d = { key, cost: { costUsd: 0, costInputUsd: 0, costCacheReadUsd: 0, costCacheWriteUsd: 0, costOutputUsd: 0, costReasoningUsd: 0 }, unpriced: 0 };
    deltas.set(id, d);
  }
  for (const c of COST_COLUMNS) d.cost[c] += (after[c] ?? 0) - (before[c] ?? 0);
  d.unpriced += (after.unpriced ?? 0) - (before.unpriced ?? 0);
}
