import { ValidationError } from "@/lib/api/errors";
import { listEvents, type ListEventsQuery } from "@/lib/events/list-events";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { insertItems } from "./insert-items";
import { keysOfClientIds } from "./load-events";
import { loadQueue } from "./load-queue";
import { MAX_ENQUEUE, type EnqueueInput } from "./schemas";

export interface EnqueueResult {
  /** Events that entered the queue now. */
  added: number;
  /** Events that were already in it (an event enters a queue at most once). */
  existing: number;
  /** How many events the request named or its filter matched. */
  matched: number;
}

/**
 * Adds events to a queue: listed by id, or every event matching the events API's filter. The filter
 * is run through `listEvents` itself, page after page, so "all matching" is exactly what the
 * explorer lists; an open-ended range is closed at the request's instant so events arriving while
 * it pages do not leak in. Past MAX_ENQUEUE matches nothing is added and the 400 says so.
 */
export async function enqueueItems(ctx: ServiceContext, input: EnqueueInput & { queueId: number }): Promise<EnqueueResult> {
  authorize(ctx, "review:manage");
  const queue = await loadQueue(ctx, input.queueId);
  const now = ctx.now();
  let clientIds: string[];
  let source: "api" | "filter";
  if ("eventIds" in input) {
    clientIds = [...new Set(input.eventIds)];
    source = "api";
  } else {
    clientIds = await matchingIds(ctx, input.filter, now);
    source = "filter";
  }
  const keys = await keysOfClientIds(ctx.db, ctx.projectId, clientIds);
  if ("eventIds" in input) {
    const details = input.eventIds.flatMap((id, i) => (keys.has(id) ? [] : [{ path: `eventIds.${i}`, message: `no event with id "${id}"` }]));
    if (details.length > 0) throw new ValidationError("Unknown event ids", details.slice(0, 50));
  }
  const r = await ctx.db.transaction((tx) => insertItems(tx, queue, [...keys.values()], source, now));
  return { ...r, matched: clientIds.length };
}

async function matchingIds(ctx: ServiceContext, filter: ListEventsQuery, now: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  const query = { ...filter, to: filter.to ?? now, limit: 200 };
  for (;;) {
    const page = await listEvents(ctx, { ...query, cursor });
    ids.push(...page.events.map((e) => e.id));
    if (ids.length > MAX_ENQUEUE) {
      throw new ValidationError(`The filter matches more than ${MAX_ENQUEUE} events`, [
        { path: "filter", message: `matches more than ${MAX_ENQUEUE} events; narrow it (time range, model, prompt)` },
      ]);
    }
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
}
