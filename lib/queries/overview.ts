import { queryOptions } from "@tanstack/react-query";
import { resolveWindow, type TimeRange } from "@/lib/time/ranges";
import type { FleetOverview } from "@/lib/overview/get-fleet-overview";
import { apiGet } from "./api-client";
import { queryKeys } from "./keys";

export type { FleetOverview, FleetRow } from "@/lib/overview/get-fleet-overview";

export function fleetOverviewQuery(project: string | null, range: TimeRange) {
  return queryOptions({
    queryKey: queryKeys.overview(project, range),
    queryFn: () => {
      const w = resolveWindow(range);
      return apiGet<FleetOverview>("/api/v1/overview", { project, from: w.from, to: w.to, interval: w.interval });
    },
    refetchInterval: range.refresh > 0 ? range.refresh * 1000 : false,
  });
}
