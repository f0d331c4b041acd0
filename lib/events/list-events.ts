import { z } from "zod";
import { EVENT_TYPES } from "@/db/schema";
import { eventsOfTrace, scanEvents, type EventReadRow } from "@/db/statements/event-reads";
import { KEY_LAG_MS, keyFloor } from "@/lib/ingest/event-id";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";
import { dimensionFilterParams, resolveDimensionFilter } from "@/lib/metrics/filters";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { rangeIsOrdered, timeRangeParams } from "@/lib/time/ranges";
import type { PublicEvent } from "./public-event-type";
import { toPublicEvents } from "./public-event";

export const listEventsQuerySchema = z
  .object({
    type: z.enum(EVENT_TYPES).optional(),
    ...dimensionFilterParams,
    status: z.enum(["ok", "error"]).optional(),
    flagged: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    userId: z.string().min(1).max(256).optional(),
    sessionId: z.string().min(1).max(256).optional(),
    environment: z.string().min(1).max(64).optional(),
    /** The exact model name a call reported (when it differs from its canonical `model`). */
    responseModel: z.string().min(1).max(200).optional(),
    traceId: z.string().min(1).max(128).optional(),
    q: z.string().min(1).max(200).optional(),
    ...timeRangeParams,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().regex(/^[0-9a-z]{1,16}$/, "must be a nextCursor from a previous page").optional(),
  })
  .refine(rangeIsOrdered, { message: "from must be before to", path: ["from"] });

export type ListEventsQuery = z.output<typeof listEventsQuerySchema>;

/** Each page examines windows of the key range until it is full or this budget is spent. */
const SCAN_BUDGET_MS = 150;
const FIRST_WINDOW_MS = 3_600_000;

/**
 * Newest-first events, paginated by an opaque cursor (a position in the time-ordered key).
 * Selective filters over long ranges never turn into one unbounded scan: the page walks the
 * key backwards in growing windows and, past its time budget, returns what it found with a
 * cursor to continue from. A page may thus hold fewer than `limit` events while `nextCursor`
 * is not null; the listing ends when `nextCursor` is null.
 */
export async function listEvents(ctx: ServiceContext, q: ListEventsQuery): Promise<{ events: PublicEvent[]; nextCursor: string | null }> {
  authorize(ctx, "telemetry:read");
  const { db, projectId } = ctx;
  const now = ctx.now();
  const names = await loadDimensionNames(db, projectId);
  const ids = resolveDimensionFilter(names, q);
  if (!ids) return { events: [], nextCursor: null };
  if (q.traceId && !q.cursor) {
    const rows = (await eventsOfTrace(db, projectId, q.traceId, 1000)).filter((r) => matchesInMemory(r, q, ids));
    return { events: await toPublicEvents(db, projectId, rows, names), nextCursor: null };
  }
  const lo = keyFloor(q.from ?? 0);
  // Keys trail timestamps by up to KEY_LAG_MS (arrival-ordered keys, docs/adr/0022): widen the
  // key range past `to` and let the exact `ts` bounds decide.
  const to = q.to ?? now;
  let hi = q.cursor ? parseInt(q.cursor, 36) : keyFloor(to + KEY_LAG_MS + 1);
  const started = performance.now();
  const found: EventReadRow[] = [];
  let window = FIRST_WINDOW_MS;
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => "\\" + c)}%` : null;
  while (hi > lo && found.length < q.limit) {
    const wlo = Math.max(lo, hi - keyFloor(window));
    const rows = await scanEvents(db, {
      projectId, lo: wlo, hi, from: q.from ?? null, to, type: q.type ?? null, ...ids, status: q.status ?? null,
      flagged: q.flagged === undefined ? null : q.flagged ? 1 : 0, userId: q.userId ?? null,
      sessionId: q.sessionId ?? null, environment: q.environment ?? null, responseModel: q.responseModel ?? null, traceId: null, q: like, limit: q.limit - found.length,
    });
    found.push(...rows);
    hi = found.length >= q.limit ? found[found.length - 1].id : wlo;
    window *= 4;
    if (performance.now() - started > SCAN_BUDGET_MS) break;
  }
  const more = hi > lo;
  // Keys follow arrival within a bounded skew (docs/adr/0022), so the scan order can differ from
  // timestamp order by up to KEY_LAG_MS; within a page the events are strictly newest first.
  found.sort((a, b) => b.ts - a.ts || b.id - a.id);
  return { events: await toPublicEvents(db, projectId, found, names), nextCursor: more ? hi.toString(36) : null };
}

function matchesInMemory(r: EventReadRow, q: ListEventsQuery, ids: { modelId: number | null; promptId: number | null }): boolean {
  return (
    (!q.type || r.type === q.type) && (ids.modelId === null || r.model_id === ids.modelId) &&
    (ids.promptId === null || r.prompt_id === ids.promptId) && (!q.status || r.status === q.status) &&
    (q.from === undefined || r.ts >= q.from) && (q.to === undefined || r.ts <= q.to) &&
    (!q.environment || r.environment === q.environment) &&
    (!q.responseModel || (JSON.parse(r.body) as { responseModel?: string }).responseModel === q.responseModel)
  );
}
