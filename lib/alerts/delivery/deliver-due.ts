import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertChannel, alertDelivery, alertNotification } from "@/db/schema";
import type { AlertEvent } from "./alert-event";
import { allowedHosts } from "./destination-guard";
import { postJson, type PostResult } from "./post-json";
import { renderNotification } from "./render-notification";
import { nextStep, type AttemptOutcome } from "./retry-schedule";

/** A channel is disabled after this many failed notifications in a row. */
export const DISABLE_AFTER_FAILURES = 5;
/** How long a claim protects a notification being sent; past it (a crash) another run takes it over. */
const CLAIM_MS = 60_000;
const BATCH = 50;

export interface DeliveryReport {
  id: string;
  channelId: number;
  status: number | null;
  outcome: AttemptOutcome["kind"];
}

export interface DeliverOptions {
  /** Restrict to one project (the "send test" action); the job delivers every project's outbox. */
  projectId?: number;
  ids?: string[];
  random?: () => number;
}

/**
 * Sends every due outbox row once. A row is claimed by a conditional UPDATE before its HTTP
 * call and settled after it (attempt logged, next attempt scheduled, or finished), so two
 * workers never send the same row, and a worker that dies mid-send leaves a claim that expires
 * and is retried with the same `webhook-id` (at-least-once on the wire; receivers deduplicate).
 */
export async function deliverDueNotifications(db: Db, now: number, opts: DeliverOptions = {}): Promise<DeliveryReport[]> {
  const due = await db.orm
    .select({ id: alertNotification.id })
    .from(alertNotification)
    .where(
      and(
        eq(alertNotification.status, "pending"),
        lte(alertNotification.nextAttemptAt, now),
        or(isNull(alertNotification.claimedUntil), lt(alertNotification.claimedUntil, now)),
        opts.projectId === undefined ? undefined : eq(alertNotification.projectId, opts.projectId),
        opts.ids === undefined ? undefined : sql`${alertNotification.id} IN (${sql.join(opts.ids.map((i) => sql`${i}`), sql`, `)})`,
      ),
    )
    .orderBy(asc(alertNotification.nextAttemptAt))
    .limit(BATCH);
  const out: DeliveryReport[] = [];
  for (const { id } of due) {
    const r = await deliverOne(db, id, now, opts.random);
    if (r) out.push(r);
  }
  return out;
}

async function deliverOne(db: Db, id: string, now: number, random?: () => number): Promise<DeliveryReport | null> {
  const claimed = await db.orm
    .update(alertNotification)
    .set({ claimedUntil: now + CLAIM_MS })
    .where(and(eq(alertNotification.id, id), eq(alertNotification.status, "pending"), or(isNull(alertNotification.claimedUntil), lt(alertNotification.claimedUntil, now))))
    .returning();
  const n = claimed[0];
  if (!n) return null;
  const [channel] = await db.orm.select().from(alertChannel).where(eq(alertChannel.id, n.channelId));
  // Deleting a channel cascades to its outbox rows; one claimed just before is simply dropped.
  if (!channel) return null;
  const attempt = n.attempts + 1;
  let result: PostResult;
  if (!channel.enabled) {
    result = { status: null, retryAfter: null, latencyMs: 0, excerpt: "", error: `channel disabled${channel.disabledReason ? `: ${channel.disabledReason}` : ""}` };
  } else {
    const req = renderNotification(channel, n.id, n.event as AlertEvent, Date.now());
    result = await postJson(req.url, req.body, req.headers, { allowHosts: allowedHosts() });
  }
  // A refused destination or a disabled channel will not fix itself by waiting: fail now.
  const final = result.error?.startsWith("destination refused") || !channel.enabled;
  const step: AttemptOutcome = final ? { kind: "failed", reason: result.error! } : nextStep(attempt, result, now, random);
  await db.transaction(async (tx) => {
    await tx.orm.insert(alertDelivery).values({
      projectId: n.projectId, notificationId: n.id, channelId: n.channelId, attempt, at: now, statusCode: result.status,
      latencyMs: result.latencyMs, outcome: step.kind, error: result.error ?? (step.kind === "delivered" ? null : "reason" in step ? step.reason : null),
      responseExcerpt: result.excerpt || null,
    });
    await tx.orm
      .update(alertNotification)
      .set({
        attempts: attempt, claimedUntil: null,
        status: step.kind === "retry" ? "pending" : step.kind,
        nextAttemptAt: step.kind === "retry" ? step.atMs : n.nextAttemptAt,
        lastError: step.kind === "delivered" ? null : step.reason,
        finishedAt: step.kind === "retry" ? null : now,
      })
      .where(eq(alertNotification.id, n.id));
    if (step.kind === "delivered") await tx.orm.update(alertChannel).set({ consecutiveFailures: 0 }).where(eq(alertChannel.id, channel.id));
    if (step.kind === "failed" && channel.enabled) await recordFailure(tx, channel.id, now, step.reason);
  });
  return { id: n.id, channelId: n.channelId, status: result.status, outcome: step.kind };
}

/** One more failed notification; the fifth in a row disables the channel (a banner offers re-enable). */
async function recordFailure(tx: Db, channelId: number, now: number, reason: string): Promise<void> {
  const [c] = await tx.orm
    .update(alertChannel)
    .set({ consecutiveFailures: sql`${alertChannel.consecutiveFailures} + 1` })
    .where(eq(alertChannel.id, channelId))
    .returning({ failures: alertChannel.consecutiveFailures });
  if (c && c.failures >= DISABLE_AFTER_FAILURES) {
    await tx.orm
      .update(alertChannel)
      .set({ enabled: false, disabledAt: now, disabledReason: `${c.failures} notifications failed in a row (last: ${reason})` })
      .where(eq(alertChannel.id, channelId));
  }
}
