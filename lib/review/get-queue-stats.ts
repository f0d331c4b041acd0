import { and, eq, inArray } from "drizzle-orm";
import { event, reviewItem, reviewLease } from "@/db/schema";
import { authorize, can, type ServiceContext } from "@/lib/services/context";
import { cohenKappa, krippendorffAlpha, type Rating } from "./agreement";
import { detectorCalibration, type CalibrationPair } from "./calibration";
import { consensusLabel, disagreeingFields, matchesGold } from "./consensus";
import { loadQueue } from "./load-queue";
import { currentVerdicts, verdictsOf } from "./load-verdicts";
import { agreementLevel, hallucinationField } from "./rubric";
import type { QueueStats } from "./schemas";

const CHUNK = 500;

/**
 * A queue's numbers (docs/review.md "Statistics"):
 * - items: completed (every slot submitted), in progress (a verdict or a live lease, not complete),
 *   pending (untouched); gold items measure reviewers and are not counted;
 * - per reviewer: verdicts given and, for managers, accuracy on gold checks;
 * - agreement per non-text field over current review verdicts: Krippendorff's α for any number of
 *   reviewers (missing ratings allowed), Cohen's κ when the queue has exactly two reviewers per item
 *   (over items both rated), n = items with two or more ratings;
 * - detector: the automated flag against the human label (adjudicated, else unanimous).
 */
export async function getQueueStats(ctx: ServiceContext, input: { queueId: number }): Promise<QueueStats> {
  authorize(ctx, "telemetry:read");
  const queue = await loadQueue(ctx, input.queueId);
  const now = ctx.now();
  const items = await ctx.db.orm.select().from(reviewItem).where(eq(reviewItem.queueId, queue.id));
  const ids = items.map((i) => i.id);
  const leases = [];
  const flags = new Map<number, boolean | null>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    leases.push(...await ctx.db.orm.select().from(reviewLease).where(inArray(reviewLease.itemId, ids.slice(i, i + CHUNK))));
    const keys = items.slice(i, i + CHUNK).map((it) => it.eventId);
    const rows = await ctx.db.orm.select({ id: event.id, flagged: event.flagged }).from(event)
      .where(and(eq(event.projectId, ctx.projectId), inArray(event.id, keys)));
    for (const r of rows) flags.set(r.id, r.flagged === null ? null : r.flagged === 1);
  }
  const all = await verdictsOf(ctx.db, ids);
  const current = currentVerdicts(all.filter((v) => !v.gold));

  const touched = new Set(leases.filter((l) => !l.gold && (l.state === "submitted" || (l.state === "active" && l.expiresAt > now))).map((l) => l.itemId));
  const regular = items.filter((i) => !i.isGold);
  const completed = regular.filter((i) => i.completedAt !== null).length;
  const inProgress = regular.filter((i) => i.completedAt === null && touched.has(i.id)).length;

  const manager = can(ctx.actor, "review:manage");
  const goldOf = new Map(items.filter((i) => i.isGold && i.finalValues).map((i) => [i.id, i.finalValues!]));
  const reviewers = new Map<string, { completed: number; goldRight: number; goldN: number }>();
  for (const list of currentVerdicts(all).values()) {
    for (const v of list) {
      const r = reviewers.get(v.reviewer) ?? { completed: 0, goldRight: 0, goldN: 0 };
      r.completed++;
      const gold = goldOf.get(v.itemId);
      if (v.gold && gold) {
        r.goldN++;
        if (matchesGold(queue.rubric, v.values, gold)) r.goldRight++;
      }
      reviewers.set(v.reviewer, r);
    }
  }

  const agreement: QueueStats["agreement"] = {};
  for (const field of queue.rubric) {
    const level = agreementLevel(field);
    if (!level) continue;
    const units: Rating[][] = [];
    for (const list of current.values()) {
      const ratings = list.map((v) => v.values[field.key]).filter((r): r is Rating => r !== undefined);
      if (ratings.length >= 2) units.push(ratings);
    }
    const entry: QueueStats["agreement"][string] = { alpha: krippendorffAlpha(units, level), n: units.length };
    if (queue.reviewersPerItem === 2 && level === "nominal") {
      entry.kappa = cohenKappa(units.filter((u) => u.length === 2).map((u) => [u[0], u[1]] as const));
    }
    agreement[field.key] = entry;
  }

  const hall = hallucinationField(queue.rubric);
  const pairs: CalibrationPair[] = hall ? regular.map((i) => {
    const label = consensusLabel(queue.rubric, (current.get(i.id) ?? []).map((v) => v.values), i.finalValues ?? null);
    const human = label?.[hall.key];
    return { flagged: flags.get(i.eventId) ?? null, human: typeof human === "boolean" ? human : null };
  }) : [];
  const detector = detectorCalibration(pairs);

  return {
    total: regular.length,
    pending: regular.length - completed - inProgress,
    inProgress,
    completed,
    byReviewer: [...reviewers.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([email, r]) => ({
      email, completed: r.completed,
      ...(manager && r.goldN > 0 ? { goldAccuracy: r.goldRight / r.goldN, goldN: r.goldN } : {}),
    })),
    agreement,
    detector: { precision: detector.precision, recall: detector.recall, n: detector.n },
    awaitingAdjudication: regular.filter((i) =>
      i.completedAt !== null && !i.finalValues && disagreeingFields(queue.rubric, (current.get(i.id) ?? []).map((v) => v.values)).length > 0,
    ).length,
  };
}
