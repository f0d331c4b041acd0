import fs from "node:fs";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { getDb } from "@/db/client";
import { UnavailableError } from "@/lib/api/errors";
import { databaseUrl, ingestOnWorker, intEnv } from "@/lib/config/env";
import { jobErrorToThrow, runIngestJobs, type IngestJob, type JobOutcome, type JobValue } from "./jobs";
import type { WriterData, WriterReply, WriterRequest } from "./worker-entry";
import { ingestWorkerFile } from "./worker-file";

/**
 * Where ingest requests are stored. By default on a writer thread (docs/adr/0025): the
 * request thread then only receives bodies and answers, so dashboard reads and HTTP handling
 * use the second core, and requests that arrive while a transaction runs are committed
 * together. `SIGHTLINE_INGEST_WORKER=0` stores on the request thread instead (same code).
 */
export type WriterMode = "worker" | "inline";

interface Pending {
  resolve(outcome: JobOutcome): void;
  reject(err: Error): void;
  bytes: number;
}

export class WorkerWriter {
  private worker: Worker;
  private port: MessagePort;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private pings = new Map<number, () => void>();
  private queuedBytes = 0;
  private stopped = false;
  private exited = false;
  /** Requests answered, and transactions they took (requests ÷ transactions = mean group size). */
  readonly stats = { requests: 0, transactions: 0 };

  constructor(
    readonly url: string,
    file: string,
  ) {
    const { port1, port2 } = new MessageChannel();
    const data: WriterData = {
      url,
      port: port2,
      maxGroupJobs: intEnv("SIGHTLINE_INGEST_GROUP_MAX_REQUESTS", 16),
      maxGroupBytes: 8 * 1024 * 1024,
    };
    this.worker = new Worker(file, { workerData: data, transferList: [port2], name: "sightline-ingest-writer" });
    this.port = port1;
    this.port.on("message", (reply: WriterReply | { pong: number }) => ("pong" in reply ? this.pings.get(reply.pong)?.() : this.settle(reply)));
    this.worker.on("error", (err) => this.fail(err));
    this.worker.on("exit", (code) => this.fail(new Error(`ingest writer exited with code ${code}`)));
    this.idle();
  }

  submit(job: IngestJob): Promise<JobOutcome> {
    if (this.stopped) return Promise.reject(new UnavailableError("The ingest writer is restarting; retry shortly", 1));
    const limit = intEnv("SIGHTLINE_INGEST_QUEUE_MB", 64) * 1024 * 1024;
    const bytes = job.body.byteLength;
    if (this.queuedBytes > 0 && this.queuedBytes + bytes > limit) {
      return Promise.reject(new UnavailableError("Too much ingest is queued for storage; retry shortly", 1));
    }
    const id = this.nextId++;
    // An exactly-sized copy whose buffer can be moved to the thread (the request's Buffer may
    // be a view into a larger, shared one).
    const body = new Uint8Array(job.body);
    const request: WriterRequest = { id, job: { ...job, body } };
    return new Promise<JobOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, bytes });
      this.queuedBytes += bytes;
      if (this.pending.size === 1) this.worker.ref();
      this.port.postMessage(request, [body.buffer]);
    });
  }

  /** True when the thread answers a ping within `timeoutMs` (it reads messages between transactions). */
  ping(timeoutMs: number): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    const id = this.nextId++;
    return new Promise<boolean>((resolve) => {
      const done = (alive: boolean) => {
        clearTimeout(timer);
        this.pings.delete(id);
        if (this.pending.size === 0 && this.pings.size === 0) this.worker.unref();
        resolve(alive);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      this.pings.set(id, () => done(true));
      this.worker.ref();
      this.port.postMessage({ ping: id });
    });
  }

  /**
   * Graceful: the thread answers what was sent before, closes its connection and ends. (Never
   * `terminate()`: stopping a thread inside a SQLite call aborts the whole process.)
   */
  stop(): Promise<void> {
    if (this.exited) return Promise.resolve();
    this.stopped = true;
    const exited = new Promise<void>((resolve) => this.worker.once("exit", () => resolve()));
    this.worker.ref();
    this.port.postMessage("stop");
    return exited;
  }

  private settle({ id, outcome, groupSize }: WriterReply) {
    const p = this.pending.get(id);
    if (!p) return;
    this.stats.requests++;
    this.stats.transactions += 1 / groupSize;
    this.pending.delete(id);
    this.queuedBytes -= p.bytes;
    this.idle();
    p.resolve(outcome);
  }

  /** The thread died (a crash, or `stop`): its uncommitted transaction is gone, so every waiting request gets a 503 to retry. */
  private fail(err: Error) {
    if (this.exited) return;
    this.exited = true;
    // The thread's last answers can still be queued on our port (its 'exit' is not ordered
    // with the port's messages): take them before declaring anything lost.
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) this.settle(m.message as WriterReply);
    this.port.close();
    if (!this.stopped || this.pending.size) console.error("[sightline] ingest writer thread stopped", err);
    this.stopped = true;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.queuedBytes = 0;
    for (const p of waiting) p.reject(new UnavailableError("The ingest writer restarted; retry shortly", 1));
    if (current() === this) setCurrent(undefined);
  }

  /** An idle writer must not keep a CLI or test process alive; a busy one must. */
  private idle() {
    if (this.pending.size === 0) this.worker.unref();
  }
}

type Global = typeof globalThis & {
  __sightlineIngestWriter?: WorkerWriter;
  __sightlineIngestWriterWarned?: boolean;
  __sightlineIngestWorkerFound?: string;
  __sightlineShuttingDown?: boolean;
};
const g = globalThis as Global;
const current = () => g.__sightlineIngestWriter;
const setCurrent = (w: WorkerWriter | undefined) => (g.__sightlineIngestWriter = w);

export function writerMode(): WriterMode {
  if (!ingestOnWorker()) return "inline";
  const file = ingestWorkerFile();
  if (g.__sightlineIngestWorkerFound === file) return "worker";
  if (fs.existsSync(file)) {
    g.__sightlineIngestWorkerFound = file; // checked once, not per request
    return "worker";
  }
  if (!g.__sightlineIngestWriterWarned) {
    g.__sightlineIngestWriterWarned = true;
    console.warn(`[sightline] ${file} is missing (run \`npm run build\`): storing ingest on the request thread`);
  }
  return "inline";
}

/**
 * Stores an authenticated, size-checked ingest body and returns the route's result, after the
 * transaction holding it committed. Throws the job's ApiError (400 for an undecodable body),
 * or SQLite's BUSY error, which the route wrapper answers with 503.
 */
export async function submitIngest<J extends IngestJob>(job: J): Promise<JobValue<J>> {
  if (g.__sightlineShuttingDown) throw new UnavailableError("Sightline is shutting down; retry shortly", 1);
  const outcome = writerMode() === "worker" ? await writerFor(databaseUrl()).submit(job) : (await runIngestJobs(getDb(), [job]))[0];
  if (!outcome.ok) throw jobErrorToThrow(outcome.error);
  return outcome.value as JobValue<J>;
}

function writerFor(url: string): WorkerWriter {
  const w = current();
  if (w && w.url === url) return w;
  // DATABASE_URL changed (tests point each case at a fresh file): the old thread's file is done.
  if (w) void w.stop();
  // The request thread opens (and migrates) the database first: the writer never migrates.
  getDb();
  const next = new WorkerWriter(url, ingestWorkerFile());
  setCurrent(next);
  return next;
}

/**
 * Whether ingest can be stored now: the writer thread (started if it was not yet) answers a
 * ping. On the request thread (no worker) there is nothing separate to be alive.
 */
export async function ingestWriterAlive(timeoutMs = 2000): Promise<boolean> {
  if (g.__sightlineShuttingDown) return false;
  if (writerMode() === "inline") return true;
  return writerFor(databaseUrl()).ping(timeoutMs);
}

/** Counters of the current writer thread (tests and benchmarks). */
export function ingestWriterStats(): { requests: number; transactions: number } | undefined {
  const s = current()?.stats;
  return s && { requests: s.requests, transactions: Math.round(s.transactions) };
}

/**
 * The process is shutting down (lib/ingest/writer/shutdown.ts): from now on ingest gets 503
 * and no new writer thread starts; then stop the current one gracefully.
 */
export function stopTakingIngest(): Promise<void> {
  g.__sightlineShuttingDown = true;
  return stopIngestWriter();
}

/** Stops the writer thread gracefully (tests, shutdown); the next request starts a new one. */
export async function stopIngestWriter(): Promise<void> {
  const w = current();
  setCurrent(undefined);
  await w?.stop();
}
