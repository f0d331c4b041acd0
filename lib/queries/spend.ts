import { queryOptions } from "@tanstack/react-query";
import type { SpendDimension } from "@/lib/spend/dimensions";
import { resolveWindow, type TimeRange } from "@/lib/time/ranges";
import type { SpendBreakdown } from "@/lib/spend/get-spend-breakdown";
import { apiGet } from "./api-client";
import { queryKeys } from "./keys";

export type { SpendBreakdown };

export function spendQuery(project: string | null, params: { by: SpendDimension; model?: string; limit?: number }, range: TimeRange) {
  return queryOptions({
    queryKey: queryKeys.spend(project, { ...params }, range),
    queryFn: () => {
      const w = resolveWindow(range);
      return apiGet<SpendBreakdown>("/api/v1/spend", { project, ...params, from: w.from, to: w.to });
    },
    refetchInterval: range.refresh > 0 ? range.refresh * 1000 : false,
  });
}
