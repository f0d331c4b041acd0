import { and, eq, gte, lt } from "drizzle-orm";
import { event, label, model, prediction } from "@/db/schema";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";
import { resolveDimensionFilter } from "@/lib/metrics/filters";
import { inferTaskKind } from "@/lib/quality/task-kind";
import type { MetricReading, MetricSource } from "./metric-source";

/**
 * Accuracy of a classifier over the labels that arrived in the window, joined to their
 * predictions by `targetId` (lib/quality/read-fleet-quality.ts, the overview's accuracy column,
 * uses the same definition). Labels arrive days late, so the window is over label time: each
 * evaluation sees the verdicts that just came in. samples = labelled predictions, so `minSamples`
 * counts labels, not predictions. Regression models read no data (accuracy does not apply).
 */
export const accuracy: MetricSource = {
  name: "accuracy",
  label: "Accuracy (from labels)",
  unit: "ratio",
  supports: { scope: ["model", "modelVersion"], groupBy: ["model", "modelVersion"] },
  async read(db, q) {
    const names = await loadDimensionNames(db, q.projectId);
    const ids = resolveDimensionFilter(names, { model: q.scope.model, modelVersion: q.scope.modelVersion });
    if (!ids) return [];
    const rows = await db.orm
      .select({ modelId: prediction.modelId, versionId: prediction.modelVersionId, pNum: prediction.valueNum, pText: prediction.valueText, lNum: label.valueNum, lText: label.valueText })
      .from(label)
      .innerJoin(event, and(eq(event.projectId, label.projectId), eq(event.clientId, label.targetClientId)))
      .innerJoin(prediction, eq(prediction.eventId, event.id))
      .innerJoin(model, eq(model.id, prediction.modelId))
      .where(and(
        eq(label.projectId, q.projectId), gte(label.ts, q.from), lt(label.ts, q.to), eq(model.kind, "ml"),
        ids.modelId === null ? undefined : eq(prediction.modelId, ids.modelId),
        ids.modelVersionId === null ? undefined : eq(prediction.modelVersionId, ids.modelVersionId),
      ));
    const groups = new Map<string, { labels: Record<string, string>; modelIds: Set<number>; pairs: { predicted: string | number; actual: string | number }[] }>();
    for (const r of rows) {
      const predicted = r.pNum ?? r.pText;
      const actual = r.lNum ?? r.lText;
      if (predicted === null || actual === null) continue;
      const m = names.models.get(r.modelId)?.name ?? "unknown";
      const labels: Record<string, string> =
        q.groupBy === "model" ? { model: m } : q.groupBy === "modelVersion" ? { model: m, modelVersion: names.modelVersions.get(r.versionId ?? 0) ?? "none" } : {};
      const key = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
      const g = groups.get(key) ?? groups.set(key, { labels, modelIds: new Set(), pairs: [] }).get(key)!;
      g.modelIds.add(r.modelId);
      g.pairs.push({ predicted, actual });
    }
    const out: MetricReading[] = [];
    for (const [key, g] of groups) {
      if (inferTaskKind(g.pairs.flatMap((p) => [p.predicted, p.actual])) !== "classification") continue;
      const correct = g.pairs.filter((p) => String(p.predicted) === String(p.actual)).length;
      out.push({ key, labels: g.labels, value: correct / g.pairs.length, samples: g.pairs.length });
    }
    return out.sort((a, b) => b.samples - a.samples || a.key.localeCompare(b.key)).slice(0, q.maxGroups);
  },
};
