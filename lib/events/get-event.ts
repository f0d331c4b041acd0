import type { Db } from "@/db/client";
import { eventByClientId } from "@/db/statements/event-reads";
import { NotFoundError } from "@/lib/api/errors";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";
import { otelContextReader } from "@/lib/otlp/otel-context";
import { toPublicEvent } from "./public-event";

export function getEvent(db: Db, projectId: number, clientId: string) {
  const row = eventByClientId(db, projectId, clientId);
  if (!row) throw new NotFoundError(`No event with id "${clientId}"`);
  return toPublicEvent(row, loadDimensionNames(db, projectId), otelContextReader(db, projectId));
}
