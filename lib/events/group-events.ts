import { and, count, desc, asc, eq, gte, isNotNull, lt, lte, max, min, sql, sum, type SQL } from "drizzle-orm";
import { z } from "zod";
import { event } from "@/db/schema";
import { KEY_LAG_MS, keyFloor } from "@/lib/ingest/event-id";
import { rangeIsOrdered, resolveRange, timeRangeParams } from "@/lib/time/ranges";
import type { ServiceContext } from "@/lib/services/context";

/** The columns a list of traces, sessions or end users is grouped by. */
const GROUP_COLUMNS = { trace: event.traceId, session: event.sessionId, user: event.userId } as const;
export type EventGroupDimension = keyof typeof GROUP_COLUMNS;

export const GROUP_SORTS = ["lastSeen", "events", "costUsd", "errors", "tokens", "durationMs"] as const;

export const groupListQuerySchema = z
  .object({
    ...timeRangeParams,
    sort: z.enum(GROUP_SORTS).default("lastSeen"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    environment: z.string().min(1).max(64).optional(),
  })
  .refine(rangeIsOrdered, { message: "from must be before to", path: ["from"] });

export type GroupListQuery = z.output<typeof groupListQuerySchema>;

/** One trace, session or end user over the range: what its events add up to. */
export const eventGroupSchema = z.object({
  id: z.string(),
  events: z.number().int(),
  llmCalls: z.number().int(),
  errors: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  /** Flagged ÷ judged LLM calls; null when no call was judged. */
  hallucinationRate: z.number().nullable(),
  firstSeen: z.number().int(),
  lastSeen: z.number().int(),
  /** From the first event's start to the last event's end. */
  durationMs: z.number(),
});
export type EventGroup = z.infer<typeof eventGroupSchema>;

const num = (v: unknown) => Number(v ?? 0);

/**
 * Events grouped by trace, session or end user over a time range, newest activity first (or
 * by another total). The scan is bounded by the time-ordered key like the events list
 * (lib/events/list-events.ts); groups with events outside the range count only the inside.
 */
export async function groupEvents(ctx: ServiceContext, dimension: EventGroupDimension, q: GroupListQuery, only?: string): Promise<EventGroup[]> {
  const col = GROUP_COLUMNS[dimension];
  const { from, to } = resolveRange(q, ctx.now());
  const conditions: SQL[] = [
    eq(event.projectId, ctx.projectId),
    gte(event.id, keyFloor(from)),
    lt(event.id, keyFloor(to + KEY_LAG_MS + 1)),
    gte(event.ts, from),
    lte(event.ts, to),
    isNotNull(col),
  ];
  if (only !== undefined) conditions.push(eq(col, only));
  if (q.environment) conditions.push(eq(event.environment, q.environment));
  const totals = {
    id: sql<string>`${col}`.as("group_id"),
    events: count().as("events"),
    llmCalls: sql<number>`sum(case when ${event.type} = 'llm' then 1 else 0 end)`.as("llm_calls"),
    errors: sql<number>`sum(case when ${event.status} = 'error' then 1 else 0 end)`.as("errors"),
    inputTokens: sum(event.inputTokens).as("input_tokens"),
    outputTokens: sum(event.outputTokens).as("output_tokens"),
    costUsd: sum(event.costUsd).as("cost_usd"),
    flagged: sql<number>`sum(case when ${event.flagged} = 1 then 1 else 0 end)`.as("flagged"),
    judged: sql<number>`sum(case when ${event.flagged} is not null then 1 else 0 end)`.as("judged"),
    firstSeen: min(event.ts).as("first_seen"),
    lastSeen: max(event.ts).as("last_seen"),
    lastEnd: max(sql<number>`${event.ts} + coalesce(${event.latencyMs}, 0)`).as("last_end"),
  };
  const order = {
    lastSeen: sql`last_seen`,
    events: sql`events`,
    costUsd: sql`cost_usd`,
    errors: sql`errors`,
    tokens: sql`coalesce(input_tokens, 0) + coalesce(output_tokens, 0)`,
    durationMs: sql`last_end - first_seen`,
  }[q.sort];
  const rows = await ctx.db.orm
    .select(totals)
    .from(event)
    .where(and(...conditions))
    .groupBy(col)
    .orderBy(q.dir === "asc" ? asc(order) : desc(order), asc(col))
    .limit(q.limit);
  return rows.map((r) => ({
    id: r.id,
    events: num(r.events),
    llmCalls: num(r.llmCalls),
    errors: num(r.errors),
    inputTokens: num(r.inputTokens),
    outputTokens: num(r.outputTokens),
    costUsd: Math.round(num(r.costUsd) * 1e6) / 1e6,
    hallucinationRate: num(r.judged) > 0 ? num(r.flagged) / num(r.judged) : null,
    firstSeen: num(r.firstSeen),
    lastSeen: num(r.lastSeen),
    durationMs: Math.max(0, num(r.lastEnd) - num(r.firstSeen)),
  }));
}
