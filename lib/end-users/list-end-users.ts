import { z } from "zod";
import { eventGroupSchema, groupEvents, type EventGroup, type GroupListQuery } from "@/lib/events/group-events";
import { authorize, type ServiceContext } from "@/lib/services/context";

export { groupListQuerySchema as listEndUsersQuerySchema } from "@/lib/events/group-events";
export const listEndUsersResponseSchema = z.object({ users: z.array(eventGroupSchema) });

/**
 * The end users of the observed application (events' `userId`), not Sightline accounts
 * (lib/users/), active in the range with their totals.
 */
export async function listEndUsers(ctx: ServiceContext, q: GroupListQuery): Promise<{ users: EventGroup[] }> {
  authorize(ctx, "telemetry:read");
  return { users: await groupEvents(ctx, "user", q) };
}

/** One end user's totals over the range, or null when they had no events in it. */
export async function getEndUser(ctx: ServiceContext, userId: string, q: GroupListQuery): Promise<EventGroup | null> {
  authorize(ctx, "telemetry:read");
  return (await groupEvents(ctx, "user", { ...q, limit: 1 }, userId))[0] ?? null;
}
