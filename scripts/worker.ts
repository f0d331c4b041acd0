/**
 * `npm run worker`: periodic work (alert evaluation, notification delivery, retention) in a
 * process of its own, beside or instead of the server's scheduler. Every job holds a lease row
 * while it runs (lib/scheduler/lease.ts), so a worker and servers on one database never run a
 * job twice at once. SIGTERM/SIGINT stop the scheduler, let running jobs finish, then exit.
 */
import { openDb } from "@/db/client";
import { Scheduler } from "@/lib/scheduler/scheduler";
import { JOBS } from "@/lib/scheduler/jobs";

async function main() {
  const db = openDb();
  const scheduler = new Scheduler(JOBS, () => db);
  scheduler.start(Number(process.env.SIGHTLINE_WORKER_FIRST_TICK_MS ?? 1_000));
  console.log(`[sightline] worker ${scheduler.holder} running: ${JOBS.map((j) => j.name).join(", ")}`);
  // A timer that keeps the process alive: the scheduler's own timers are unref'd.
  const keepAlive = setInterval(() => undefined, 60_000);
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, async () => {
      clearInterval(keepAlive);
      await scheduler.stop();
      db.close();
      process.exit(sig === "SIGTERM" ? 143 : 130);
    });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
