import { z } from "zod";
import { NotFoundError } from "@/lib/api/errors";
import { rangeIsOrdered, timeRangeParams } from "@/lib/time/ranges";
import { listEventsQuerySchema, type ListEventsQuery } from "@/lib/events/list-events";
import type { PublicEvent } from "@/lib/events/public-event-type";
import type { Rubric, RubricValues } from "./rubric";
import type { Routing } from "./routing";

/** Request and response schemas of the review API (docs/api.md "Human review"). */
export { createQueueSchema, updateQueueSchema, type CreateQueueInput, type UpdateQueueInput } from "./queue-schema";

/**
 * The explorer's filter is the events API's query, field for field (`GET /api/v1/events`),
 * minus paging: "all matching" means every page. Values are strings as in a query string.
 */
export const eventFilterSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
  .transform((raw, ctx) => {
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) if (k !== "cursor" && k !== "limit") query[k] = String(v);
    const r = listEventsQuerySchema.safeParse(query);
    if (!r.success) {
      for (const issue of r.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return r.data;
  });

export const MAX_ENQUEUE = 10_000;

/** Exactly one of `eventIds` and `filter` (an object, so a 400 names the failing field inside either). */
export const enqueueSchema = z
  .object({
    eventIds: z.array(z.string().min(1).max(256)).min(1).max(MAX_ENQUEUE).optional(),
    filter: eventFilterSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.eventIds === undefined) === (v.filter === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: "give either eventIds or filter" });
    }
  })
  .transform((v): EnqueueInput => (v.eventIds ? { eventIds: v.eventIds } : { filter: v.filter! }));
export type EnqueueInput = { eventIds: string[] } | { filter: ListEventsQuery };

export const verdictSchema = z.object({
  values: z.record(z.string(), z.unknown()),
  correctedOutput: z.string().max(100_000).optional(),
  comment: z.string().max(10_000).optional(),
});
export type VerdictInput = z.output<typeof verdictSchema>;

export const adjudicationSchema = z.object({
  values: z.record(z.string(), z.unknown()),
  comment: z.string().max(10_000).optional(),
});
export type AdjudicationInput = z.output<typeof adjudicationSchema>;

export const goldSchema = z.object({ gold: z.boolean() });

export const exportQuerySchema = z.object({ format: z.enum(["csv", "jsonl"]).default("jsonl") });

export interface QueueView {
  id: number;
  name: string;
  description: string | null;
  instructions: string | null;
  rubric: Rubric;
  routing: Routing | null;
  reviewersPerItem: number;
  correctedOutput: boolean;
  goldRate: number;
  assignees: string[];
  createdAt: string;
  updatedAt: string;
}

export interface QueueProgress {
  /** Items to review (gold items, which measure reviewers, are not counted). */
  total: number;
  completed: number;
  /** Verdicts the caller has submitted in this queue. */
  mine: number;
  /** The caller is named among the assignees (or the queue is open to every reviewer). */
  assignedToMe: boolean;
}

export interface ClaimedItem {
  id: number;
  queueId: number;
  event: PublicEvent;
  leaseExpiresAt: string;
}

export interface VerdictView {
  id: number;
  itemId: number;
  reviewer: string;
  values: RubricValues;
  correctedOutput: string | null;
  comment: string | null;
  supersedes: number | null;
  createdAt: string;
}

export interface QueueStats {
  total: number;
  pending: number;
  inProgress: number;
  completed: number;
  byReviewer: { email: string; completed: number; goldAccuracy?: number; goldN?: number }[];
  agreement: Record<string, { kappa?: number | null; alpha?: number | null; n: number }>;
  detector: { precision: number | null; recall: number | null; n: number };
  awaitingAdjudication: number;
}

/** A numeric path id; anything else names no queue or item (404, as an unknown number would). */
export function pathId(raw: string | undefined, what: string): number {
  const n = Number(raw);
  if (!raw || !/^[1-9][0-9]{0,15}$/.test(raw) || !Number.isSafeInteger(n)) throw new NotFoundError(`No ${what} ${JSON.stringify(raw ?? "")}`);
  return n;
}

export const hallucinationRateQuerySchema = z
  .object({
    model: z.string().min(1).max(200).optional(),
    promptId: z.string().min(1).max(200).optional(),
    ...timeRangeParams,
  })
  .refine(rangeIsOrdered, { message: "from must be before to", path: ["from"] });
