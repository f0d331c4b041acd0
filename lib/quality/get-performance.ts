import { requireModel, requireVersionId, versionNames } from "@/lib/models/find-model";
import { resolveRange } from "@/lib/time/ranges";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { performanceByVersion, performanceOverTime, summarisePerformance } from "./performance-series";
import { readJoinedPredictions } from "./read-joined-predictions";
import type { PerformanceQuery, PerformanceReport } from "./schemas";
import { inferTaskKind } from "./task-kind";

const INTERVAL_MS = { "1h": 3_600_000, "1d": 86_400_000 } as const;

/**
 * Model quality from late labels over a window: overall, per interval bucket and per version,
 * with label coverage and the median label delay.
 */
export async function getModelPerformance(ctx: ServiceContext, q: PerformanceQuery & { model: string }): Promise<PerformanceReport> {
  authorize(ctx, "telemetry:read");
  const m = await requireModel(ctx.db, ctx.projectId, q.model);
  const versionId = q.version ? await requireVersionId(ctx.db, m.id, m.name, q.version) : undefined;
  const { from, to } = resolveRange(q, ctx.now());
  const names = await versionNames(ctx.db, m.id);
  const rows = await readJoinedPredictions(ctx.db, { projectId: ctx.projectId, modelId: m.id, versionId, from, to }, (id) => (id === null ? null : (names.get(id) ?? null)));
  const outcomes = rows.flatMap((r) => (r.actual === null ? [] : [r.actual, r.predicted]));
  const task = q.task ?? inferTaskKind(outcomes);
  return {
    model: m.name,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    interval: q.interval,
    task,
    overall: summarisePerformance(rows, task),
    series: performanceOverTime(rows, task, INTERVAL_MS[q.interval]).map(({ bucket, ...s }) => ({ t: new Date(bucket).toISOString(), ...s })),
    versions: performanceByVersion(rows, task),
  };
}
