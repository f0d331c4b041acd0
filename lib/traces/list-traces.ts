import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { event } from "@/db/schema";
import { eventGroupSchema, groupEvents, type GroupListQuery } from "@/lib/events/group-events";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";
import { authorize, type ServiceContext } from "@/lib/services/context";

export { groupListQuerySchema as listTracesQuerySchema } from "@/lib/events/group-events";

export const traceSummarySchema = eventGroupSchema.extend({
  /** The root span's name (or its model for an LLM root); null when the root has not arrived. */
  rootName: z.string().nullable(),
});
export type TraceSummary = z.infer<typeof traceSummarySchema>;
export const listTracesResponseSchema = z.object({ traces: z.array(traceSummarySchema) });

/** Traces active in the range with their totals: spans, LLM calls, errors, tokens, cost, duration. */
export async function listTraces(ctx: ServiceContext, q: GroupListQuery): Promise<{ traces: TraceSummary[] }> {
  authorize(ctx, "telemetry:read");
  const groups = await groupEvents(ctx, "trace", q);
  const names = await rootNames(ctx, groups.map((g) => g.id));
  return { traces: groups.map((g) => ({ ...g, rootName: names.get(g.id) ?? null })) };
}

/** One trace's totals over all of its events (no time range: a trace is small and bounded). */
export async function getTraceSummary(ctx: ServiceContext, traceId: string): Promise<TraceSummary | null> {
  authorize(ctx, "telemetry:read");
  const [g] = await groupEvents(ctx, "trace", { from: 0, to: ctx.now() + 86_400_000, sort: "lastSeen", dir: "desc", limit: 1 }, traceId);
  if (!g) return null;
  const names = await rootNames(ctx, [traceId]);
  return { ...g, rootName: names.get(traceId) ?? null };
}

async function rootNames(ctx: ServiceContext, traceIds: string[]): Promise<Map<string, string>> {
  if (traceIds.length === 0) return new Map();
  const roots = await ctx.db.orm
    .select({ traceId: event.traceId, type: event.type, modelId: event.modelId, body: event.body })
    .from(event)
    .where(and(eq(event.projectId, ctx.projectId), inArray(event.traceId, traceIds), isNull(event.parentSpanId)));
  const dims = await loadDimensionNames(ctx.db, ctx.projectId);
  const out = new Map<string, string>();
  for (const r of roots) {
    if (!r.traceId || out.has(r.traceId)) continue;
    const name = (JSON.parse(r.body) as { name?: unknown }).name;
    const label = typeof name === "string" ? name : r.modelId !== null ? dims.models.get(r.modelId)?.name : undefined;
    if (label) out.set(r.traceId, label);
  }
  return out;
}
