import type { Db } from "@/db/client";
import { ApiError, type ErrorDetail } from "@/lib/api/errors";
import { storeGroup, type StoreStatus } from "@/lib/ingest/store-events";
import { batchResult, validateEvents, type IngestResult, type ValidatedBatch } from "@/lib/ingest/ingest-events";
import { parseBatch } from "@/lib/ingest/parse-batch";
import { decodeTraces, type OtlpEncoding } from "@/lib/otlp/decode";
import { prepareTraces, type TraceIngestResult } from "@/lib/otlp/ingest-traces";

/**
 * What the ingest writer is asked to do: a request body that the route has already
 * authenticated, size-checked and gunzipped. Plain data, so it can cross to a worker thread.
 */
export type IngestJob =
  | { kind: "events"; projectId: number; body: Uint8Array }
  | { kind: "otlp"; projectId: number; body: Uint8Array; encoding: OtlpEncoding };

export type JobValue<J extends IngestJob> = J extends { kind: "otlp" } ? TraceIngestResult : IngestResult;

/** An ApiError as plain data (errors lose their class crossing threads). */
export interface JobError {
  status: number;
  code: string;
  message: string;
  details?: ErrorDetail[];
  headers?: Record<string, string>;
  /** SQLite's code, so the route wrapper maps BUSY to 503 exactly as for in-thread errors. */
  sqliteCode?: string;
}

export type JobOutcome = { ok: true; value: IngestResult | TraceIngestResult } | { ok: false; error: JobError };

interface Prepared {
  projectId: number;
  events: ValidatedBatch;
  finish(statuses: StoreStatus[]): IngestResult | TraceIngestResult;
}

/**
 * Runs queued jobs with one commit: each job is parsed and validated on its own (a bad body
 * fails only its job), then every job's valid events are stored in ONE transaction. If that
 * transaction fails, each job is retried alone, so one job's storage error cannot fail its
 * neighbours — and a job is answered only after the transaction holding it committed.
 */
export function runIngestJobs(db: Db, jobs: IngestJob[], now = Date.now()): JobOutcome[] {
  const outcomes: JobOutcome[] = new Array(jobs.length);
  const ready: { at: number; job: Prepared }[] = [];
  jobs.forEach((job, at) => {
    try {
      ready.push({ at, job: prepare(db, job) });
    } catch (err) {
      outcomes[at] = failure(err);
    }
  });
  try {
    const statuses = storeGroup(db, ready.map(({ job }) => ({ projectId: job.projectId, items: job.events.valid })), now);
    ready.forEach(({ at, job }, i) => (outcomes[at] = { ok: true, value: job.finish(statuses[i]) }));
  } catch (groupErr) {
    if (ready.length === 1) {
      outcomes[ready[0].at] = failure(groupErr);
      return outcomes;
    }
    for (const { at, job } of ready) {
      try {
        const [statuses] = storeGroup(db, [{ projectId: job.projectId, items: job.events.valid }], now);
        outcomes[at] = { ok: true, value: job.finish(statuses) };
      } catch (err) {
        outcomes[at] = failure(err);
      }
    }
  }
  return outcomes;
}

function prepare(db: Db, job: IngestJob): Prepared {
  if (job.kind === "events") {
    const events = validateEvents(parseBatch(Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength)));
    return { projectId: job.projectId, events, finish: (statuses) => batchResult(events, statuses) };
  }
  const traces = prepareTraces(db, job.projectId, decodeTraces(job.body, job.encoding));
  return { projectId: job.projectId, events: traces.events, finish: traces.finish };
}

function failure(err: unknown): JobOutcome {
  if (err instanceof ApiError) {
    return { ok: false, error: { status: err.status, code: err.code, message: err.message, details: err.details, headers: err.headers } };
  }
  const code = (err as { code?: unknown } | null)?.code;
  const sqliteCode = typeof code === "string" ? code : undefined;
  if (sqliteCode !== "SQLITE_BUSY" && sqliteCode !== "SQLITE_LOCKED") console.error("[sightline] ingest job failed", err);
  return { ok: false, error: { status: 500, code: "internal", message: "Internal server error", sqliteCode } };
}

/** The error a route throws for a failed job: an ApiError, or SQLite's error for the wrapper to map. */
export function jobErrorToThrow(e: JobError): Error {
  if (e.sqliteCode === "SQLITE_BUSY" || e.sqliteCode === "SQLITE_LOCKED") return Object.assign(new Error(e.message), { code: e.sqliteCode });
  return new ApiError(e.status, e.code, e.message, e.details, e.headers);
}
