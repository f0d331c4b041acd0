import { randomBytes } from "node:crypto";
import { and, eq, gt, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertChannel, alertNotification, alertSilence } from "@/db/schema";
import type { AlertEvent } from "./alert-event";

/** A stable, unguessable notification id; it is the `webhook-id` receivers deduplicate on. */
export function notificationId(): string {
  return `msg_${randomBytes(18).toString("base64url")}`;
}

export interface Enqueue {
  projectId: number;
  channelIds: number[];
  event: AlertEvent;
  /** Labels a scope silence is matched against: the rule's scope and the incident's group. */
  labels: Record<string, string>;
  now: number;
}

/**
 * Writes one outbox row per channel. Called inside the transaction that records the incident
 * transition, so both commit or neither does. Under an active silence the row is written as
 * "silenced" (kept for the history, never sent).
 */
export async function enqueueNotifications(tx: Db, e: Enqueue): Promise<string[]> {
  if (e.channelIds.length === 0) return [];
  const channels = await tx.orm
    .select({ id: alertChannel.id })
    .from(alertChannel)
    .where(and(eq(alertChannel.projectId, e.projectId), inArray(alertChannel.id, e.channelIds)));
  if (channels.length === 0) return [];
  const silenced = await isSilenced(tx, e);
  const rows = channels.map((c) => ({
    id: notificationId(), projectId: e.projectId, channelId: c.id, incidentId: e.event.incidentId, ruleId: e.event.ruleId, kind: e.event.kind,
    event: e.event, status: silenced ? ("silenced" as const) : ("pending" as const), nextAttemptAt: e.now, createdAt: e.now,
    finishedAt: silenced ? e.now : null, lastError: silenced ? "silenced" : null,
  }));
  await tx.orm.insert(alertNotification).values(rows);
  return rows.map((r) => r.id);
}

async function isSilenced(tx: Db, e: Enqueue): Promise<boolean> {
  const active = await tx.orm
    .select()
    .from(alertSilence)
    .where(and(eq(alertSilence.projectId, e.projectId), lte(alertSilence.startsAt, e.now), gt(alertSilence.endsAt, e.now)));
  return active.some((s) => {
    if (s.ruleId !== null && s.ruleId !== e.event.ruleId) return false;
    if (s.incidentId !== null && s.incidentId !== e.event.incidentId) return false;
    return Object.entries(s.matchLabels).every(([k, v]) => e.labels[k] === v);
  });
}
