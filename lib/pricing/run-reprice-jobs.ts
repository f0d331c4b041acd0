import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { repriceJob } from "@/db/schema";
import { repriceBatch } from "./reprice-batch";

/** How long one scheduler run keeps re-pricing before it lets the tick end (the next tick resumes). */
const RUN_BUDGET_MS = 20_000;

/**
 * The scheduler job's body: works through queued and running re-pricing jobs, oldest first,
 * one batch (one short transaction) at a time so ingest is never held for more than a batch,
 * yielding to the event loop between batches. Stops at the time budget or when aborted; the
 * cursor stored with each batch lets the next run continue. A job whose batch throws is
 * marked failed with the error, and the next job is taken.
 */
export async function runRepriceJobs(db: Db, opts: { now: () => number; signal?: AbortSignal; budgetMs?: number }): Promise<number> {
  const started = opts.now();
  let batches = 0;
  for (;;) {
    const [job] = await db.orm
      .select({ id: repriceJob.id })
      .from(repriceJob)
      .where(inArray(repriceJob.status, ["queued", "running"]))
      .orderBy(asc(repriceJob.id))
      .limit(1);
    if (!job) return batches;
    try {
      for (;;) {
        if (opts.signal?.aborted || opts.now() - started > (opts.budgetMs ?? RUN_BUDGET_MS)) return batches;
        const r = await repriceBatch(db, job.id, opts.now());
        batches++;
        if (r.done) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (err) {
      await db.orm.update(repriceJob).set({ status: "failed", error: (err as Error).message, finishedAt: opts.now() }).where(eq(repriceJob.id, job.id));
    }
  }
}
