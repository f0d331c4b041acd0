import { and, eq, inArray } from "drizzle-orm";
import { alertChannel } from "@/db/schema";
import { ValidationError } from "@/lib/api/errors";
import { metricSource } from "@/lib/alerts/metrics";
import type { ServiceContext } from "@/lib/services/context";

/** Checks that need the database or the build: the metric has a source, the channels exist here. */
export async function checkRuleReferences(ctx: ServiceContext, input: { metric?: string; channelIds?: number[] }): Promise<void> {
  if (input.metric !== undefined && !metricSource(input.metric)) {
    throw new ValidationError("metric not available in this build", [{ path: "metric", message: `'${input.metric}' has no metric source registered in this build (lib/alerts/metrics/index.ts)` }]);
  }
  const ids = [...new Set(input.channelIds ?? [])];
  if (ids.length === 0) return;
  const found = await ctx.db.orm
    .select({ id: alertChannel.id })
    .from(alertChannel)
    .where(and(eq(alertChannel.projectId, ctx.projectId), inArray(alertChannel.id, ids)));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) throw new ValidationError("Unknown channel", [{ path: "channelIds", message: `no channel ${missing.join(", ")} in this project` }]);
}
