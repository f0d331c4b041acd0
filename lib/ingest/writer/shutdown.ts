import { stopScheduler } from "@/lib/scheduler/scheduler";
import { stopTakingIngest } from "./ingest-writer";

type Global = typeof globalThis & { __sightlineShutdownInstalled?: boolean };
const g = globalThis as Global;

/** Longest wait in all, under `docker stop`'s default 10 s before SIGKILL. */
const DRAIN_LIMIT_MS = 8_000;
/**
 * After the writer stopped: time for requests in flight (the last batches' answers, dashboard
 * reads) to finish. `next start` exits on its own sooner when its connections go idle.
 */
const GRACE_MS = 2_000;

/**
 * SIGTERM/SIGINT (docker stop, systemd, Ctrl-C): stop the scheduler, stop taking ingest (503, the client retries
 * elsewhere or later), let the writer thread commit and answer what it was sent, close its
 * database, then exit with the signal's code.
 *
 * Why not leave it to `next start`: it waits for every keep-alive connection to close, and busy
 * ingest clients never let theirs go idle, so the process kept serving until SIGKILL — and a
 * writer thread killed inside a SQLite call aborts the process.
 */
export function drainIngestOnSignals(): void {
  if (g.__sightlineShutdownInstalled) return;
  g.__sightlineShutdownInstalled = true;
  for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]] as const) {
    process.once(signal, () => {
      setTimeout(() => process.exit(code), DRAIN_LIMIT_MS).unref();
      // Jobs get the same bounded wait as ingest; a job still running then is abandoned
      // (its lease expires by itself and another instance takes the job over).
      void Promise.all([stopTakingIngest(), stopScheduler(DRAIN_LIMIT_MS - GRACE_MS)])
        .catch((err) => console.error("[sightline] stopping the ingest writer failed", err))
        .finally(() => setTimeout(() => process.exit(code), GRACE_MS).unref());
    });
  }
}
