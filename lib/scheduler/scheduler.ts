import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { getDb, type Db } from "@/db/client";
import { acquireLease, releaseLease } from "./lease";
import { JOBS, type Job } from "./jobs";

const DEFAULT_LEASE_MS = 5 * 60_000;
/** First tick after start: let the server finish booting first. */
const FIRST_TICK_MS = 5_000;

export interface JobRun {
  job: string;
  ran: boolean;
  error?: string;
}

/**
 * Runs jobs on their intervals, each awaited: a job never overlaps itself (in this process by
 * the `running` map, across processes by its lease row), a failure is logged with the job's
 * name and the job is due again at the next tick, and `stop` waits a bounded time for runs in
 * progress after aborting their signal (the SIGTERM path, lib/ingest/writer/shutdown.ts).
 */
export class Scheduler {
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  private timers: NodeJS.Timeout[] = [];
  private running = new Map<string, Promise<JobRun>>();
  private abort = new AbortController();
  private stopped = false;

  constructor(
    private readonly jobs: Job[] = JOBS,
    private readonly db: () => Db = getDb,
    private readonly clock: () => number = Date.now,
  ) {}

  start(firstTickMs = FIRST_TICK_MS): void {
    for (const job of this.jobs) {
      const tick = () => void this.runJob(job);
      this.timers.push(setTimeout(tick, firstTickMs).unref(), setInterval(tick, job.everyMs).unref());
    }
  }

  /** One run of `job` if it is due and free (or `force`d); resolves when it finished. Never rejects. */
  runJob(job: Job, opts: { force?: boolean } = {}): Promise<JobRun> {
    if (this.stopped) return Promise.resolve({ job: job.name, ran: false });
    const inFlight = this.running.get(job.name);
    if (inFlight) return inFlight.then(() => ({ job: job.name, ran: false }));
    const run = this.runLeased(job, opts.force === true).finally(() => this.running.delete(job.name));
    this.running.set(job.name, run);
    return run;
  }

  private async runLeased(job: Job, force: boolean): Promise<JobRun> {
    let db: Db;
    const startedAt = this.clock();
    try {
      db = this.db();
      if (!(await acquireLease(db, job.name, this.holder, startedAt, job.leaseMs ?? DEFAULT_LEASE_MS, force))) return { job: job.name, ran: false };
    } catch (err) {
      console.error(`[sightline] job ${job.name}: could not take its lease`, err);
      return { job: job.name, ran: false, error: String(err) };
    }
    let error: string | null = null;
    try {
      await job.run({ db, now: startedAt, signal: this.abort.signal });
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      console.error(`[sightline] job ${job.name} failed; retrying at its next tick`, err);
    }
    const finishedAt = this.clock();
    try {
      // A failed run is due again at once (the next tick); a good one after its interval.
      await releaseLease(db, job.name, this.holder, finishedAt, error ? finishedAt : startedAt + job.everyMs, error);
    } catch (err) {
      console.error(`[sightline] job ${job.name}: could not release its lease (it expires by itself)`, err);
    }
    return { job: job.name, ran: true, ...(error ? { error } : {}) };
  }

  /** Stops ticking, aborts running jobs' signals and waits up to `waitMs` for them. */
  async stop(waitMs = 5_000): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearTimeout);
    this.timers = [];
    this.abort.abort();
    const runs = [...this.running.values()];
    if (runs.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(runs), new Promise((r) => (timer = setTimeout(r, waitMs)))]);
    clearTimeout(timer);
  }
}

type Global = typeof globalThis & { __sightlineScheduler?: Scheduler };

/** The server process's scheduler (instrumentation.ts). Idempotent per process. */
export function startScheduler(jobs: Job[] = JOBS): Scheduler {
  const g = globalThis as Global;
  if (!g.__sightlineScheduler) {
    g.__sightlineScheduler = new Scheduler(jobs);
    g.__sightlineScheduler.start();
  }
  return g.__sightlineScheduler;
}

export async function stopScheduler(waitMs?: number): Promise<void> {
  const g = globalThis as Global;
  const s = g.__sightlineScheduler;
  g.__sightlineScheduler = undefined;
  await s?.stop(waitMs);
}
