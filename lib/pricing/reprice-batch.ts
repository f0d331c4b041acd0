import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { model, repriceJob, RESOLUTIONS } from "@/db/schema";
import { repriceStatements, type RepriceRow } from "@/db/statements/reprice";
import { KEY_LAG_MS, keyFloor } from "@/lib/ingest/event-id";
import { KIND_LLM } from "@/lib/ingest/rollup-accumulator";
import { minuteHorizon } from "@/lib/metrics/retention";
import { loadPriceBook } from "./price-book";
import { priceCall, type PricedCall } from "./price-call";
import type { UsageFields } from "./usage";

/** Events per re-pricing transaction: bounds how long ingest may wait for the write lock. */
export const REPRICE_BATCH = 1000;

/** The stored cost of an event, as re-pricing compares and moves it (the `event` cost columns). */
type StoredCost = [costUsd: number | null, unpriced: number | null, input: number | null, cacheRead: number | null, cacheWrite: number | null, output: number | null, reasoning: number | null];

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
 * every total read from rollups stay equal, batch by batch (docs/adr/0037).
 */
export async function repriceBatch(db: Db, jobId: number, now: number, size = REPRICE_BATCH): Promise<RepriceBatchResult> {
  const book = await loadPriceBook(db); // before the transaction: it reads the price table's fingerprint
  return db.transaction(async (tx) => {
    const stmts = repriceStatements(tx);
    const job = (await tx.orm.select().from(repriceJob).where(eq(repriceJob.id, jobId)))[0];
    if (!job || job.status === "done" || job.status === "failed") return { done: true, processed: 0, changed: 0 };
    const models = await tx.orm
      .select({ id: model.id, name: model.name })
      .from(model)
      .where(job.model ? and(eq(model.projectId, job.projectId), eq(model.name, job.model)) : eq(model.projectId, job.projectId));
    const names = new Map(models.map((m) => [m.id, m.name]));
    const hi = keyFloor(job.toTs + KEY_LAG_MS);
    const rows =
      names.size === 0
        ? []
        : await stmts.scan.all({
            projectId: job.projectId, lo: Math.max(job.cursor, keyFloor(job.fromTs) - 1), hi, from: job.fromTs, to: job.toTs,
            modelId: job.model ? models[0].id : null, limit: size,
          });

    const deltas = new Map<string, number[]>();
    let changed = 0;
    for (const r of rows) {
      const name = names.get(r.model_id);
      if (name === undefined) continue;
      const before: StoredCost = [r.cost_usd, r.unpriced, r.cost_input_usd, r.cost_cache_read_usd, r.cost_cache_write_usd, r.cost_output_usd, r.cost_reasoning_usd];
      const after = storedCost(priceCall(book, callOf(job.projectId, name, r)));
      if (before.every((v, i) => (v ?? null) === after[i])) continue;
      changed++;
      await stmts.updateCost.run(...after, r.id, job.projectId);
      // The rows ingest folded this event into (lib/ingest/rollup-accumulator.ts): a minute only
      // when it arrived within the minute horizon, always its hour and day.
      const widths = r.ts >= minuteHorizon(r.received_at) ? [RESOLUTIONS.minute, RESOLUTIONS.hour, RESOLUTIONS.day] : [RESOLUTIONS.hour, RESOLUTIONS.day];
      for (const width of widths) {
        const bucket = r.ts - (r.ts % width);
        const key = `${width}|${bucket}|${r.model_id}|${r.model_version_id ?? 0}|${r.prompt_id ?? 0}|${r.prompt_version_id ?? 0}`;
        let d = deltas.get(key);
        if (!d) deltas.set(key, (d = [0, 0, 0, 0, 0, 0, 0, width, bucket, r.model_id, r.model_version_id ?? 0, r.prompt_id ?? 0, r.prompt_version_id ?? 0]));
        // cost_usd, the five kinds, the unpriced count: after − before.
        d[0] += (after[0] ?? 0) - (before[0] ?? 0);
        for (let k = 2; k < 7; k++) d[k - 1] += (after[k] ?? 0) - (before[k] ?? 0);
        d[6] += (after[1] ?? 0) - (before[1] ?? 0);
      }
    }
    for (const d of deltas.values()) {
      const [cost, input, cacheRead, cacheWrite, output, reasoning, unpriced, resolution, bucket, modelId, mv, p, pv] = d;
      await stmts.addCost.run(cost, input, cacheRead, cacheWrite, output, reasoning, unpriced, job.projectId, resolution, bucket, KIND_LLM, modelId, mv, p, pv);
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

/** An event row as a call to price: the usage columns, plus the details and provider kept in its body. */
function callOf(projectId: number, model: string, r: RepriceRow) {
  let extra: UsageFields | undefined;
  let provider: string | null = null;
  // Parse the body only when it holds something pricing needs (most do not).
  if (r.body.includes('"usage"') || r.body.includes('"provider"')) {
    const body = JSON.parse(r.body) as { usage?: UsageFields; metadata?: { provider?: unknown } };
    extra = body.usage;
    if (typeof body.metadata?.provider === "string") provider = body.metadata.provider;
  }
  const usage: UsageFields = {
    ...extra,
    inputTokens: r.input_tokens ?? undefined, outputTokens: r.output_tokens ?? undefined, cacheReadInputTokens: r.cache_read_tokens ?? undefined,
    cacheCreationInputTokens: r.cache_write_tokens ?? undefined, reasoningTokens: r.reasoning_tokens ?? undefined,
  };
  return { projectId, model, provider, ts: r.ts, usage, reportedUsd: r.cost_reported === 1 ? r.cost_usd : null };
}

function storedCost(p: PricedCall): StoredCost {
  const b = p.breakdown;
  return [p.costUsd, p.unpriced ? 1 : null, b?.input ?? null, b?.cacheRead ?? null, b?.cacheWrite ?? null, b?.output ?? null, b?.reasoning ?? null];
}
