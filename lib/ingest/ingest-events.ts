import type { Db } from "@/db/client";
import { EVENT_TYPES } from "@/db/schema";
import { joinPath } from "@/lib/api/errors";
import { ingestEventSchema } from "./event-schema";
import { fastValidate } from "./fast-validate";
import { storeUnits, type StoreItem, type StoreStatus } from "./store-events";

export type EventStatus = "accepted" | "duplicate" | "rejected";

export interface EventResult {
  index: number;
  id: string | null;
  status: EventStatus;
  error?: { code: string; message: string; path: string };
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: EventResult[];
}

export interface IngestOptions {
  /** Merged into each stored event's JSON body (OTLP puts its mapping provenance here). */
  extras?: (Record<string, unknown> | undefined)[];
  now?: number;
}

/** A batch after validation: the events to store, and the results of those refused. */
export interface ValidatedBatch {
  total: number;
  valid: StoreItem[];
  /** Input index of each `valid` item. */
  validIndex: number[];
  /** Filled for rejected events now; for stored ones by `batchResult`. */
  results: EventResult[];
}

/**
 * Validates each event on its own and stores the valid ones in one transaction: a bad event
 * is reported in `results` and never blocks the rest of its batch.
 */
export async function ingestEvents(db: Db, projectId: number, inputs: unknown[], opts: IngestOptions = {}): Promise<IngestResult> {
  const batch = validateEvents(inputs, opts.extras);
  const statuses = batch.valid.length ? (await storeUnits(db, [{ projectId, items: batch.valid }], opts.now))[0] : [];
  return batchResult(batch, statuses);
}

/** The CPU half of ingest (no storage): the ingest writer runs it outside its transaction. */
export function validateEvents(inputs: unknown[], extras?: (Record<string, unknown> | undefined)[]): ValidatedBatch {
  const results: EventResult[] = new Array(inputs.length);
  const valid: StoreItem[] = [];
  const validIndex: number[] = [];
  inputs.forEach((input, index) => {
    const id = clientIdOf(input);
    const typeError = checkType(input);
    if (typeError) {
      results[index] = { index, id, status: "rejected", error: { code: "invalid_event", ...typeError } };
      return;
    }
    const fast = fastValidate(input as Record<string, unknown>);
    if (fast) {
      valid.push({ event: fast, extra: extras?.[index] });
      validIndex.push(index);
      return;
    }
    const parsed = ingestEventSchema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues;
      const message = issues.map((i) => `${joinPath("", i.path) || "event"}: ${i.message}`).join("; ");
      results[index] = { index, id, status: "rejected", error: { code: "invalid_event", message, path: joinPath("", issues[0].path) } };
      return;
    }
    valid.push({ event: parsed.data, extra: extras?.[index] });
    validIndex.push(index);
  });
  return { total: inputs.length, valid, validIndex, results };
}

/** Merges the storage statuses of a validated batch's events into its per-event results. */
export function batchResult(batch: ValidatedBatch, statuses: StoreStatus[]): IngestResult {
  const { results, valid, validIndex } = batch;
  let accepted = 0;
  let duplicates = 0;
  statuses.forEach((status, i) => {
    const index = validIndex[i];
    const id = valid[i].event.id;
    if (typeof status === "object") {
      results[index] = { index, id, status: "rejected", error: status };
      return;
    }
    results[index] = { index, id, status };
    if (status === "accepted") accepted++;
    else duplicates++;
  });
  return { accepted, duplicates, rejected: batch.total - accepted - duplicates, results };
}

function clientIdOf(input: unknown): string | null {
  const id = (input as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : null;
}

/** A clearer message than the union's generic one when `type` itself is wrong. */
function checkType(input: unknown): { message: string; path: string } | null {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { message: "event must be a JSON object", path: "" };
  }
  const t = (input as { type?: unknown }).type;
  if (typeof t !== "string" || !(EVENT_TYPES as readonly string[]).includes(t)) {
    return { message: `type must be one of ${EVENT_TYPES.join(", ")}`, path: "type" };
  }
  return null;
}
