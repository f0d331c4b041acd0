import { and, eq, isNull, lt, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobLease } from "@/db/schema";

/**
 * Takes the job's lease when it is due and nobody holds a live lease: one conditional UPDATE,
 * atomic on SQLite and PostgreSQL alike, so of several processes racing exactly one wins.
 * `force` ignores the schedule (not the lease): an operator's "run now".
 */
export async function acquireLease(db: Db, name: string, holder: string, now: number, leaseMs: number, force = false): Promise<boolean> {
  await db.orm.insert(jobLease).values({ name, holder: null, leaseExpiresAt: 0, nextRunAt: now }).onConflictDoNothing();
  const free = or(isNull(jobLease.holder), lt(jobLease.leaseExpiresAt, now));
  const won = await db.orm
    .update(jobLease)
    .set({ holder, leaseExpiresAt: now + leaseMs, lastStartedAt: now })
    .where(and(eq(jobLease.name, name), free, force ? undefined : lte(jobLease.nextRunAt, now)))
    .returning({ name: jobLease.name });
  return won.length === 1;
}

/** Gives the lease back and schedules the next run (only if we still hold it). */
export async function releaseLease(db: Db, name: string, holder: string, finishedAt: number, nextRunAt: number, error: string | null): Promise<void> {
  await db.orm
    .update(jobLease)
    .set({ holder: null, leaseExpiresAt: 0, nextRunAt, lastFinishedAt: finishedAt, lastError: error })
    .where(and(eq(jobLease.name, name), eq(jobLease.holder, holder)));
}

/** Extends a long-running job's lease so that another process does not take it over. */
export async function renewLease(db: Db, name: string, holder: string, until: number): Promise<boolean> {
  const r = await db.orm
    .update(jobLease)
    .set({ leaseExpiresAt: until })
    .where(and(eq(jobLease.name, name), eq(jobLease.holder, holder)))
    .returning({ name: jobLease.name });
  return r.length === 1;
}
