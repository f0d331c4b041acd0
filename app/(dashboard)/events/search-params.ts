import { z } from "zod";
import { timeRangeSchema } from "@/lib/time/ranges";

const text = (max: number) => z.string().min(1).max(max).optional().catch(undefined);

/** Event explorer URL state: every filter of GET /api/v1/events, plus the open event. */
export const eventsSearchParams = timeRangeSchema.extend({
  project: text(100),
  type: z.enum(["llm", "prediction", "label", "metric", "span"]).optional().catch(undefined),
  model: text(200),
  modelVersion: text(100),
  promptId: text(200),
  promptVersion: z.coerce.number().int().min(1).optional().catch(undefined),
  status: z.enum(["ok", "error"]).optional().catch(undefined),
  flagged: z.enum(["true", "false"]).optional().catch(undefined),
  userId: text(256),
  sessionId: text(256),
  environment: text(64),
  responseModel: text(200),
  traceId: text(128),
  q: text(200),
  event: text(128),
});

export type EventsSearchParams = z.infer<typeof eventsSearchParams>;

export const EVENT_FILTER_KEYS = ["type", "model", "modelVersion", "promptId", "promptVersion", "status", "flagged", "userId", "sessionId", "environment", "responseModel", "traceId", "q"] as const;
