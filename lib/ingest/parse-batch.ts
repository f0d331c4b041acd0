import { ValidationError } from "@/lib/api/errors";
import { MAX_EVENTS_PER_BATCH } from "./event-schema";

/** Body → events array, with 400s that say exactly what is wrong with the envelope. */
export function parseBatch(bytes: Buffer): unknown[] {
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString("utf8"));
  } catch (err) {
    throw new ValidationError("Body is not valid JSON", [{ path: "body", message: (err as Error).message }]);
  }
  const events = (body as { events?: unknown } | null)?.events;
  if (typeof body !== "object" || body === null || !Array.isArray(events)) {
    throw new ValidationError("Body must be an object with an 'events' array", [{ path: "events", message: "required array" }]);
  }
  if (events.length === 0 || events.length > MAX_EVENTS_PER_BATCH) {
    throw new ValidationError(`'events' must hold 1 to ${MAX_EVENTS_PER_BATCH} events, got ${events.length}`, [
      { path: "events", message: `1 to ${MAX_EVENTS_PER_BATCH} items` },
    ]);
  }
  return events;
}
