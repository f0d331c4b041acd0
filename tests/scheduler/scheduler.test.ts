import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDb, type Db } from "@/db/client";
import { jobLease } from "@/db/schema";
import { Scheduler } from "@/lib/scheduler/scheduler";
import type { Job } from "@/lib/scheduler/jobs";
import { freshDb } from "@/tests/helpers/db";

let db: Db;
let t: number;
const clock = () => t;
beforeEach(async () => {
  db = await freshDb();
  t = 1_000_000;
});
afterEach(() => vi.restoreAllMocks());

const lease = async (name: string) => (await db.orm.select().from(jobLease).where(eq(jobLease.name, name)))[0];

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe("Scheduler", () => {
  it("awaits a job and never overlaps it with itself", async () => {
    const g = gate();
    let runs = 0;
    const job: Job = { name: "slow", everyMs: 1000, run: async () => { runs++; await g.opened; } };
    const s = new Scheduler([job], () => db, clock);
    const first = s.runJob(job);
    const second = s.runJob(job);
    g.open();
    expect(await first).toEqual({ job: "slow", ran: true });
    expect(await second).toEqual({ job: "slow", ran: false });
    expect(runs).toBe(1);
  });

  it("runs a due job once per interval and skips it before it is due again", async () => {
    let runs = 0;
    const job: Job = { name: "tick", everyMs: 60_000, run: async () => void runs++ };
    const s = new Scheduler([job], () => db, clock);
    expect((await s.runJob(job)).ran).toBe(true);
    t += 30_000;
    expect((await s.runJob(job)).ran).toBe(false);
    t += 30_000;
    expect((await s.runJob(job)).ran).toBe(true);
    expect(runs).toBe(2);
    expect((await lease("tick")).nextRunAt).toBe(t + 60_000);
  });

  it("logs a failure with the job's name, records it, and runs the job again at the next tick", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    let attempt = 0;
    const job: Job = { name: "flaky", everyMs: 60_000, run: async () => { if (++attempt === 1) throw new Error("upstream down"); } };
    const s = new Scheduler([job], () => db, clock);
    expect(await s.runJob(job)).toEqual({ job: "flaky", ran: true, error: "upstream down" });
    expect(String(logged.mock.calls[0][0])).toContain("job flaky failed");
    expect((await lease("flaky")).lastError).toBe("upstream down");
    t += 1; // not a full interval later: a failed job is due at once
    expect(await s.runJob(job)).toEqual({ job: "flaky", ran: true });
    expect((await lease("flaky")).lastError).toBeNull();
  });

  it("lets exactly one of two schedulers on one SQLite file run a job, and takes over an expired lease", async () => {
    const other = openDb(process.env.DATABASE_URL);
    try {
      const g = gate();
      const ran: string[] = [];
      const job = (who: string): Job => ({ name: "shared", everyMs: 60_000, leaseMs: 10_000, run: async () => { ran.push(who); await g.opened; } });
      const a = new Scheduler([job("a")], () => db, clock);
      const b = new Scheduler([job("b")], () => other, clock);
      const runA = a.runJob(job("a"), { force: true });
      // `a` holds the lease while it runs: `b` (another connection, another holder) is refused.
      await vi.waitFor(() => expect(ran).toEqual(["a"]));
      expect(await b.runJob(job("b"), { force: true })).toEqual({ job: "shared", ran: false });
      // A holder that died keeps the row until its lease expires; then `b` takes the job over.
      t += 10_001;
      const runB = b.runJob(job("b"), { force: true });
      await vi.waitFor(() => expect(ran).toEqual(["a", "b"]));
      g.open();
      await Promise.all([runA, runB]);
      expect((await lease("shared")).holder).toBeNull();
    } finally {
      other.close();
    }
  });

  it("stop() aborts the running job's signal, waits a bounded time, and refuses new runs", async () => {
    let sawAbort = false;
    const job: Job = {
      name: "long",
      everyMs: 1000,
      run: ({ signal }) =>
        new Promise<void>((resolve) => {
          const abort = () => {
            sawAbort = true;
            resolve();
          };
          if (signal.aborted) abort();
          else signal.addEventListener("abort", abort);
        }),
    };
    const stuck: Job = { name: "stuck", everyMs: 1000, run: () => new Promise<void>(() => {}) };
    const s = new Scheduler([job, stuck], () => db, clock);
    const running = s.runJob(job);
    void s.runJob(stuck);
    // Both runs hold their leases (on PostgreSQL taking one is real I/O) before stopping.
    await vi.waitFor(async () => {
      expect((await lease("stuck"))?.holder).toBe(s.holder);
      expect((await lease("long"))?.holder).toBe(s.holder);
    });
    // Returns although `stuck` never settles (the test would time out otherwise).
    await s.stop(300);
    expect(sawAbort).toBe(true);
    expect(await running).toEqual({ job: "long", ran: true });
    expect(await s.runJob(job)).toEqual({ job: "long", ran: false });
  });
});
