import { queryOptions } from "@tanstack/react-query";
import { resolveWindow, type TimeRange } from "@/lib/time/ranges";
import type { PromptSummary } from "@/lib/prompts/schemas";
import type { PromptStats } from "@/lib/prompts/get-prompt-stats";
import type { PromptView } from "@/lib/prompts/schemas";
import { apiGet, apiSend } from "./api-client";
import { queryKeys } from "./keys";

export type { PromptStats, PromptSummary, PromptView };

export function promptsQuery(project: string | null) {
  return queryOptions({
    queryKey: queryKeys.prompts(project),
    queryFn: () => apiGet<{ prompts: PromptSummary[] }>("/api/v1/prompts", { project }),
  });
}

export function promptQuery(project: string | null, key: string) {
  return queryOptions({
    queryKey: queryKeys.prompt(project, key),
    queryFn: () => apiGet<{ prompt: PromptView }>(`/api/v1/prompts/${encodeURIComponent(key)}`, { project }),
  });
}

export function promptStatsQuery(project: string | null, key: string, a: number | null, b: number | null, range: TimeRange) {
  return queryOptions({
    queryKey: queryKeys.promptStats(project, key, a, b, range),
    queryFn: () => {
      const w = resolveWindow(range);
      return apiGet<PromptStats>(`/api/v1/prompts/${encodeURIComponent(key)}/stats`, { project, from: w.from, to: w.to, a, b });
    },
    refetchInterval: range.refresh > 0 ? range.refresh * 1000 : false,
  });
}

export function setVersionLabels(project: string | null, key: string, version: number, labels: string[]) {
  return apiSend("PATCH", `/api/v1/prompts/${encodeURIComponent(key)}/versions/${version}`, { labels }, { project });
}
