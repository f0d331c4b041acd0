import type { MetricsGroup } from "@/lib/metrics/get-metrics";

export interface ModelTotals {
  count: number;
  errorRate: number | null;
  tokens: number;
  costUsd: number;
  flaggedCount: number;
}

/**
 * Headline numbers of a model page from its per-version groups, restricted to the version
 * filter when one is set — the stat cards must count what the charts below them count.
 */
export function modelTotals(groups: MetricsGroup[], version: string | undefined): ModelTotals {
  const shown = version ? groups.filter((g) => g.modelVersion === version) : groups;
  const count = shown.reduce((s, g) => s + g.count, 0);
  const errors = shown.reduce((s, g) => s + (g.errorRate ?? 0) * g.count, 0);
  return {
    count,
    errorRate: count > 0 ? errors / count : null,
    tokens: shown.reduce((s, g) => s + (g.inputTokens ?? 0) + (g.outputTokens ?? 0), 0),
    costUsd: shown.reduce((s, g) => s + (g.costUsd ?? 0), 0),
    flaggedCount: shown.reduce((s, g) => s + (g.flaggedCount ?? 0), 0),
  };
}
