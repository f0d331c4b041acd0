import type { Db } from "@/db/client";
import { dbErrorCode, isBusyCode } from "@/db/busy";
import { ApiError, type ErrorDetail } from "@/lib/api/errors";
import { storeUnits, type StoreItem, type StoreStatus } from "@/lib/ingest/store-events";
import { batchResult, validateEvents, type IngestResult } from "@/lib/ingest/ingest-events";
import { parseBatch } from "@/lib/ingest/parse-batch";
import { governItems } from "@/lib/governance/govern-items";

/**
 * What the ingest writer is asked to do. Plain data, so it can cross to a worker thread:
 * - `events`: a native batch body, authenticated, size-checked and gunzipped by the route;
 * - `store`: events another path already validated (StoreItem[] as JSON — the OTLP route's).
 */
export type IngestJob =
  | { kind: "events"; projectId: number; body: Uint8Array }
  | { kind: "store"; projectId: number; body: Uint8Array; inheritTraces?: string[] };

export type JobValue<J extends IngestJob> = J extends { kind: "store" } ? StoreStatus[] : IngestResult;

/** An ApiError as plain data (errors lose their class crossing threads). */
export interface JobError {
  status: number;
  code: string;
  message: string;
  details?: ErrorDetail[];
  headers?: Record<string, string>;
  /** The database's busy code (db/busy.ts), so the route wrapper answers 503 exactly as for in-thread errors. */
  busyCode?: string;
}

export type JobOutcome = { ok: true; value: IngestResult | StoreStatus[] } | { ok: false; error: JobError };

interface Prepared {
  projectId: number;
  items: StoreItem[];
  inheritTraces?: string[];
  finish(statuses: StoreStatus[]): IngestResult | StoreStatus[];
}

/**
 * Runs queued jobs with one commit: each job is parsed and validated on its own (a bad body
 * fails only its job), then every job's valid events are stored in ONE transaction. If that
 * transaction fails, each job is retried alone, so one job's storage error cannot fail its
 * neighbours — and a job is answered only after the transaction holding it committed.
 */
export async function runIngestJobs(db: Db, jobs: IngestJob[], now = Date.now()): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = new Array(jobs.length);
  const ready: { at: number; job: Prepared }[] = [];
  for (const [at, job] of jobs.entries()) {
    try {
      ready.push({ at, job: await prepare(db, job) });
    } catch (err) {
      outcomes[at] = failure(err);
    }
  }
  try {
    const statuses = await storeUnits(db, ready.map(({ job }) => ({ projectId: job.projectId, items: job.items, inheritTraces: job.inheritTraces })), now);
    ready.forEach(({ at, job }, i) => (outcomes[at] = { ok: true, value: job.finish(statuses[i]) }));
  } catch (groupErr) {
    if (ready.length === 1) {
      outcomes[ready[0].at] = failure(groupErr);
      return outcomes;
    }
    for (const { at, job } of ready) {
      try {
        const [statuses] = await storeUnits(db, [{ projectId: job.projectId, items: job.items, inheritTraces: job.inheritTraces }], now);
        outcomes[at] = { ok: true, value: job.finish(statuses) };
      } catch (err) {
        outcomes[at] = failure(err);
      }
    }
  }
  return outcomes;
}

/** `store` jobs come from the OTLP route, which already ran governance on the request thread. */
async function prepare(db: Db, job: IngestJob): Promise<Prepared> {
  const text = Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength);
  if (job.kind === "store") {
    return { projectId: job.projectId, items: JSON.parse(text.toString("utf8")) as StoreItem[], inheritTraces: job.inheritTraces, finish: (statuses) => statuses };
  }
  const events = validateEvents(parseBatch(text));
  await governItems(db, job.projectId, events.valid);
  return { projectId: job.projectId, items: events.valid, finish: (statuses) => batchResult(events, statuses) };
}

function failure(err: unknown): JobOutcome {
  if (err instanceof ApiError) {
    return { ok: false, error: { status: err.status, code: err.code, message: err.message, details: err.details, headers: err.headers } };
  }
  const code = dbErrorCode(err);
  const busyCode = isBusyCode(code) ? code : undefined;
  if (!busyCode) console.error("[sightline] ingest job failed", err);
  return { ok: false, error: { status: 500, code: "internal", message: "Internal server error", busyCode } };
}

/** The error a route throws for a failed job: an ApiError, or the database's busy error for the wrapper to map. */
export function jobErrorToThrow(e: JobError): Error {
  if (e.busyCode) return Object.assign(new Error(e.message), { code: e.busyCode });
  return new ApiError(e.status, e.code, e.message, e.details, e.headers);
}
