import { and, asc, eq, lt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { event, traceInheritance } from "@/db/schema";
import { loadOtelContexts } from "./otel-context";
import { planInheritance, type StoredSpan } from "./plan-inheritance";

/** Traces handled per run; the rest wait for the next tick (every few seconds). */
const TRACES_PER_RUN = 200;
/** Spans read per trace: a larger trace's later spans are left as they are. */
const MAX_SPANS = 5_000;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 10 * 60_000;
/** A trace whose root has not come within a day of its last export is given up. */
export const GIVE_UP_MS = 86_400_000;

export interface InheritanceRun {
  traces: number;
  updated: number;
  waiting: number;
}

/**
 * Traces are queued by the ingest writer, in the transaction that stores an export's spans
 * (`inheritTraces` of lib/ingest/store-events.ts): one row per trace, not per span.
 *
 * The `trace-root-attributes` job: for each due trace, once its single root span is stored,
 * copy the root's user, session, environment and tags to the spans stored without them — in
 * earlier or later exports than the root — and record the source in their provenance. A
 * trace without a root yet is retried with backoff, and given up a day after its last export.
 */
export async function inheritRootAttributes(db: Db, now: number, signal?: AbortSignal): Promise<InheritanceRun> {
  const run: InheritanceRun = { traces: 0, updated: 0, waiting: 0 };
  await db.orm.delete(traceInheritance).where(lt(traceInheritance.enqueuedAt, now - GIVE_UP_MS));
  const due = await db.orm.select().from(traceInheritance).where(lte(traceInheritance.nextAt, now)).orderBy(asc(traceInheritance.nextAt)).limit(TRACES_PER_RUN);
  for (const row of due) {
    if (signal?.aborted) break;
    run.traces++;
    const rows = await db.orm
      .select({ id: event.id, spanId: event.spanId, parentSpanId: event.parentSpanId, userId: event.userId, sessionId: event.sessionId, environment: event.environment, body: event.body })
      .from(event)
      .where(and(eq(event.projectId, row.projectId), eq(event.traceId, row.traceId)))
      .orderBy(asc(event.id))
      .limit(MAX_SPANS);
    const bodies = new Map(rows.map((r) => [r.id, JSON.parse(r.body) as { tags?: string[]; otel?: { ctx?: number; inherited?: Record<string, string> } }]));
    const contextOf = await loadOtelContexts(db, row.projectId, rows.map((r) => bodies.get(r.id)!.otel));
    const spans: StoredSpan[] = rows.map((r) => {
      const body = bodies.get(r.id)!;
      const ctx = body.otel?.ctx;
      const mapped = typeof ctx === "number" ? { ...contextOf(ctx)?.mapped, ...body.otel?.inherited } : null;
      return { id: r.id, spanId: r.spanId, parentSpanId: r.parentSpanId, userId: r.userId, sessionId: r.sessionId, environment: r.environment, tags: body.tags, mapped };
    });
    const plan = planInheritance(spans);
    // Only a row no export touched meanwhile is finished or backed off (a newer export resets it).
    const unchanged = and(eq(traceInheritance.projectId, row.projectId), eq(traceInheritance.traceId, row.traceId), eq(traceInheritance.enqueuedAt, row.enqueuedAt));
    if (plan.root === null) {
      run.waiting++;
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** row.attempts);
      await db.orm.update(traceInheritance).set({ attempts: row.attempts + 1, nextAt: now + delay }).where(unchanged);
      continue;
    }
    await db.transaction(async (tx) => {
      for (const u of plan.updates) {
        const body = bodies.get(u.id)!;
        if (u.tags) body.tags = u.tags;
        if (body.otel) body.otel.inherited = { ...body.otel.inherited, ...u.inherited };
        await tx.orm
          .update(event)
          .set({ ...(u.userId ? { userId: u.userId } : {}), ...(u.sessionId ? { sessionId: u.sessionId } : {}), ...(u.environment ? { environment: u.environment } : {}), body: JSON.stringify(body) })
          .where(and(eq(event.projectId, row.projectId), eq(event.id, u.id)));
      }
      await tx.orm.delete(traceInheritance).where(unchanged);
    });
    run.updated += plan.updates.length;
  }
  return run;
}
