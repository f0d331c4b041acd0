import { getDb } from "@/db/client";
import { JOBS, type Job } from "./jobs";

type Global = typeof globalThis & { __sightlineScheduler?: NodeJS.Timeout[] };

/**
 * Starts each job on its interval (first run shortly after start). Idempotent per process.
 * Timers are unref'd so they never keep a process alive; a failing job is logged and retried
 * on its next tick.
 */
export function startScheduler(jobs: Job[] = JOBS): void {
  const g = globalThis as Global;
  if (g.__sightlineScheduler) return;
  g.__sightlineScheduler = jobs.map((job) => {
    const tick = () => runJob(job);
    setTimeout(tick, 5_000).unref();
    return setInterval(tick, job.everyMs).unref();
  });
}

export function stopScheduler(): void {
  const g = globalThis as Global;
  g.__sightlineScheduler?.forEach(clearInterval);
  g.__sightlineScheduler = undefined;
}

export function runJob(job: Job, now = Date.now()): void {
  try {
    job.run(getDb(), now);
  } catch (err) {
    console.error(`[sightline] job ${job.name} failed`, err);
  }
}
