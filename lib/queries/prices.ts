import { queryOptions } from "@tanstack/react-query";
import type { MetricsGroup } from "@/lib/metrics/get-metrics";
import type { CreatePriceInput, PriceView, RepriceJobView } from "@/lib/pricing/schemas";
import { apiGet, apiSend } from "./api-client";
import { queryKeys } from "./keys";

export type { PriceView, RepriceJobView };

/** Unpriced calls are looked for over this window on the price-book page. */
export const UNPRICED_WINDOW_MS = 7 * 86_400_000;

export function pricesQuery(project: string | null) {
  return queryOptions({
    queryKey: queryKeys.prices(project),
    queryFn: () => apiGet<{ data: PriceView[] }>("/api/v1/prices", { project }),
  });
}

/** LLM models with unpriced calls in the last 7 days (what a new price could fix). */
export function unpricedModelsQuery(project: string | null) {
  return queryOptions({
    queryKey: queryKeys.unpriced(project),
    queryFn: async () => {
      const to = Date.now();
      const { groups } = await apiGet<{ groups: MetricsGroup[] }>("/api/v1/metrics", { project, groupBy: "model", from: to - UNPRICED_WINDOW_MS, to });
      return groups.filter((g) => g.kind === "llm");
    },
  });
}

export function repriceJobQuery(project: string | null, id: number) {
  return queryOptions({
    queryKey: queryKeys.repriceJob(project, id),
    queryFn: () => apiGet<{ job: RepriceJobView }>(`/api/v1/prices/reprice/${id}`, { project }),
    // Poll while the scheduler works through the range.
    refetchInterval: (q) => (q.state.data && (q.state.data.job.status === "done" || q.state.data.job.status === "failed") ? false : 1000),
  });
}

/** The form's fields as typed (effectiveFrom as the date input gives it). */
export type PriceForm = Omit<CreatePriceInput, "effectiveFrom" | "tiers" | "match"> & { match: CreatePriceInput["match"]; effectiveFrom?: string };

export const createPrice = (project: string | null, body: PriceForm) => apiSend<{ price: PriceView }>("POST", "/api/v1/prices", body, { project });
export const deletePrice = (project: string | null, id: number) => apiSend<null>("DELETE", `/api/v1/prices/${id}`, undefined, { project });
export const requestReprice = (project: string | null, body: { from: number; to: number; model?: string }) =>
  apiSend<{ job: RepriceJobView }>("POST", "/api/v1/prices/reprice", body, { project });
