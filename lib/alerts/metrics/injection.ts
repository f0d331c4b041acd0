import { injectionRate as injectionRateSeries } from "@/lib/governance/injection-rate";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";
import { resolveDimensionFilter } from "@/lib/metrics/filters";
import { systemContext } from "@/lib/services/context";
import type { MetricSource } from "./metric-source";

/**
 * Share of LLM calls in the window whose input or retrieved context matched a prompt-injection
 * rule at ingest (lib/injection/, docs/security.md). The flag lives in the event body, so this
 * scans the window's events (ADR 0039): fine for alert windows up to the 24 h rules allow.
 * samples = LLM calls in the window.
 */
export const injectionRate: MetricSource = {
  name: "injection_rate",
  label: "Prompt-injection rate",
  unit: "ratio",
  supports: { scope: ["model"], groupBy: [] },
  async read(db, q) {
    let modelId: number | null = null;
    if (q.scope.model) {
      const ids = resolveDimensionFilter(await loadDimensionNames(db, q.projectId), { model: q.scope.model });
      if (!ids || ids.modelId === null) return [];
      modelId = ids.modelId;
    }
    // One bucket spanning the window: the rule wants its total, not a series.
    const [point] = await injectionRateSeries(systemContext(db, q.projectId, "alerts"), {
      from: q.from, to: q.to, bucketMs: Math.max(60_000, q.to - q.from), modelId,
    });
    if (!point || point.total === 0) return [];
    return [{ key: "", labels: {}, value: point.rate, samples: point.total }];
  },
};
