import type { MetricsGroup } from "@/lib/metrics/get-metrics";

export interface ModelTotals {
  count: number;
  errorRate: number | null;
  tokens: number;
  inputTokens: number;
  cacheReadTokens: number;
  costUsd: number;
  flaggedCount: number;
}

/**
 * Headline numbers of a model page from its per-version groups, restricted to the version
 * filter when one is set — the stat cards must count what the charts below them count.
 */
export function modelTotals(groups: MetricsGroup[], version: string | undefined): ModelTotals {
  const shown = groupsOfVersion(groups, version);
  const count = shown.reduce((s, g) => s + g.count, 0);
  const errors = shown.reduce((s, g) => s + (g.errorRate ?? 0) * g.count, 0);
  return {
    count,
    errorRate: count > 0 ? errors / count : null,
    tokens: shown.reduce((s, g) => s + (g.inputTokens ?? 0) + (g.outputTokens ?? 0), 0),
    inputTokens: shown.reduce((s, g) => s + (g.inputTokens ?? 0), 0),
    cacheReadTokens: shown.reduce((s, g) => s + (g.cacheReadTokens ?? 0), 0),
    costUsd: shown.reduce((s, g) => s + (g.costUsd ?? 0), 0),
    flaggedCount: shown.reduce((s, g) => s + (g.flaggedCount ?? 0), 0),
  };
}

/** The per-version groups a version filter keeps (all of them without one). */
export function groupsOfVersion(groups: MetricsGroup[], version: string | undefined): MetricsGroup[] {
  return version ? groups.filter((g) => g.modelVersion === version) : groups;
}
