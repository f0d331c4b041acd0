import { z } from "zod";
import { eventGroupSchema, groupEvents, type EventGroup, type GroupListQuery } from "@/lib/events/group-events";
import { authorize, type ServiceContext } from "@/lib/services/context";

export { groupListQuerySchema as listSessionsQuerySchema } from "@/lib/events/group-events";
export const listSessionsResponseSchema = z.object({ sessions: z.array(eventGroupSchema) });

/** Sessions (events sharing a `sessionId`) active in the range, with their totals. */
export async function listSessions(ctx: ServiceContext, q: GroupListQuery): Promise<{ sessions: EventGroup[] }> {
  authorize(ctx, "telemetry:read");
  return { sessions: await groupEvents(ctx, "session", q) };
}

/** One session's totals over the range, or null when it had no events in it. */
export async function getSession(ctx: ServiceContext, sessionId: string, q: GroupListQuery): Promise<EventGroup | null> {
  authorize(ctx, "telemetry:read");
  return (await groupEvents(ctx, "session", { ...q, limit: 1 }, sessionId))[0] ?? null;
}
