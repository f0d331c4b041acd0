import { queryOptions } from "@tanstack/react-query";
import type { ItemDetail } from "@/lib/review/get-item";
import type { QueueWithProgress } from "@/lib/review/list-queues";
import type { RubricValues } from "@/lib/review/rubric";
import type { ClaimedItem, QueueStats, QueueView, VerdictView } from "@/lib/review/schemas";
import type { HumanHallucinationRate } from "@/lib/review/hallucination-rate";
import { resolveWindow, type TimeRange } from "@/lib/time/ranges";
import type { EventFilters } from "./events";
import { apiGet, apiSend } from "./api-client";
import { queryKeys } from "./keys";

export type { ClaimedItem, HumanHallucinationRate, ItemDetail, QueueStats, QueueWithProgress };

export function reviewQueuesQuery(project: string | null) {
  return queryOptions({
    queryKey: queryKeys.reviewQueues(project),
    queryFn: () => apiGet<{ queues: QueueWithProgress[] }>("/api/v1/review-queues", { project }),
  });
}

export function reviewQueueQuery(project: string | null, id: number) {
  return queryOptions({
    queryKey: queryKeys.reviewQueue(project, id),
    queryFn: () => apiGet<{ queue: QueueWithProgress }>(`/api/v1/review-queues/${id}`, { project }),
  });
}

export function reviewDisagreementsQuery(project: string | null, id: number) {
  return queryOptions({
    queryKey: queryKeys.reviewDisagreements(project, id),
    queryFn: () => apiGet<{ items: ItemDetail[] }>(`/api/v1/review-queues/${id}/disagreements`, { project }),
  });
}

export function reviewStatsQuery(project: string | null, id: number) {
  return queryOptions({
    queryKey: queryKeys.reviewStats(project, id),
    queryFn: () => apiGet<QueueStats>(`/api/v1/review-queues/${id}/stats`, { project }),
  });
}

/** The next item for the caller, or null when the queue has nothing left for them. */
export async function claimItem(project: string | null, queueId: number): Promise<ClaimedItem | null> {
  const res = await apiSend<{ item: ClaimedItem } | null>("POST", `/api/v1/review-queues/${queueId}/claim`, {}, { project });
  return res?.item ?? null;
}

export function submitVerdict(project: string | null, itemId: number, body: { values: RubricValues; comment?: string; correctedOutput?: string }) {
  return apiSend<{ verdict: VerdictView }>("POST", `/api/v1/review-items/${itemId}/verdicts`, body, { project });
}

export function skipItem(project: string | null, itemId: number) {
  return apiSend("POST", `/api/v1/review-items/${itemId}/skip`, {}, { project });
}

export function extendLease(project: string | null, itemId: number) {
  return apiSend<{ leaseExpiresAt: string }>("POST", `/api/v1/review-items/${itemId}/lease`, {}, { project });
}

export function adjudicate(project: string | null, itemId: number, body: { values: RubricValues; comment?: string }) {
  return apiSend("POST", `/api/v1/review-items/${itemId}/adjudication`, body, { project });
}

export function setGold(project: string | null, itemId: number, gold: boolean) {
  return apiSend("PUT", `/api/v1/review-items/${itemId}/gold`, { gold }, { project });
}

export function enqueue(project: string | null, queueId: number, body: { eventIds: string[] } | { filter: EventFilters }) {
  return apiSend<{ added: number; existing: number; matched: number }>("POST", `/api/v1/review-queues/${queueId}/items`, body, { project });
}

/** Human-confirmed hallucination rates for a model or a prompt over the page's time range. */
export function humanHallucinationRatesQuery(project: string | null, filter: { model?: string; promptId?: string }, range: TimeRange) {
  return queryOptions({
    queryKey: queryKeys.reviewRates(project, filter, range),
    queryFn: () => {
      const w = resolveWindow(range);
      return apiGet<{ rates: HumanHallucinationRate[] }>("/api/v1/review/hallucination-rates", { project, ...filter, from: w.from, to: w.to });
    },
  });
}

export function createQueue(project: string | null, body: unknown) {
  return apiSend<{ queue: QueueView }>("POST", "/api/v1/review-queues", body, { project });
}

export function updateQueue(project: string | null, id: number, body: unknown) {
  return apiSend<{ queue: QueueView }>("PATCH", `/api/v1/review-queues/${id}`, body, { project });
}
