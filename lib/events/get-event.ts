import { eventByClientId } from "@/db/statements/event-reads";
import { NotFoundError } from "@/lib/api/errors";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";
import { authorize, type ServiceContext } from "@/lib/services/context";
import type { PublicEvent } from "./public-event-type";
import { toPublicEvents } from "./public-event";

/** One stored event by the id its client sent. */
export async function getEvent(ctx: ServiceContext, input: { id: string }): Promise<PublicEvent> {
  authorize(ctx, "telemetry:read");
  const row = await eventByClientId(ctx.db, ctx.projectId, input.id);
  if (!row) throw new NotFoundError(`No event with id "${input.id}"`);
  const [event] = await toPublicEvents(ctx.db, ctx.projectId, [row], await loadDimensionNames(ctx.db, ctx.projectId));
  return event;
}
