import { and, desc, eq } from "drizzle-orm";
import { repriceJob } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { eventIdToTs } from "@/lib/ingest/event-id";
import { actorLabel, authorize, type ServiceContext } from "@/lib/services/context";
import type { RepriceJobView, RepriceRequest } from "./schemas";

type JobRow = typeof repriceJob.$inferSelect;

/**
 * Queues the re-pricing of a past range (docs/pricing.md). The work is done by the scheduler
 * job `reprice` in bounded batches; the returned job reports its progress.
 */
export async function requestReprice(ctx: ServiceContext, input: RepriceRequest): Promise<RepriceJobView> {
  authorize(ctx, "settings:manage");
  const [row] = await ctx.db.orm
    .insert(repriceJob)
    .values({
      projectId: ctx.projectId, fromTs: input.from, toTs: input.to, model: input.model ?? null, status: "queued",
      requestedBy: actorLabel(ctx.actor), createdAt: ctx.now(),
    })
    .returning();
  return repriceJobView(row);
}

export async function getRepriceJob(ctx: ServiceContext, input: { id: number }): Promise<RepriceJobView> {
  authorize(ctx, "telemetry:read");
  const [row] = await ctx.db.orm.select().from(repriceJob).where(and(eq(repriceJob.id, input.id), eq(repriceJob.projectId, ctx.projectId)));
  if (!row) throw new NotFoundError(`No re-pricing job ${input.id} in this project`);
  return repriceJobView(row);
}

/** The project's most recent re-pricing jobs, newest first (the settings page shows them). */
export async function listRepriceJobs(ctx: ServiceContext): Promise<{ data: RepriceJobView[] }> {
  authorize(ctx, "telemetry:read");
  const rows = await ctx.db.orm.select().from(repriceJob).where(eq(repriceJob.projectId, ctx.projectId)).orderBy(desc(repriceJob.id)).limit(20);
  return { data: rows.map(repriceJobView) };
}

export function repriceJobView(r: JobRow): RepriceJobView {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const at = eventIdToTs(r.cursor);
  const progress = r.status === "done" ? 1 : r.cursor === 0 ? 0 : Math.min(1, Math.max(0, (at - r.fromTs) / (r.toTs - r.fromTs)));
  return {
    id: r.id, status: r.status, from: iso(r.fromTs)!, to: iso(r.toTs)!, model: r.model, processed: r.processed, changed: r.changed,
    progress, error: r.error, requestedBy: r.requestedBy, createdAt: iso(r.createdAt)!, startedAt: iso(r.startedAt), finishedAt: iso(r.finishedAt),
  };
}
