import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { reviewItem } from "@/db/schema";
import type { PublicEvent } from "@/lib/events/public-event-type";
import { authorize, can, type ServiceContext } from "@/lib/services/context";
import { consensusLabel, disagreeingFields } from "./consensus";
import { loadPublicEvents } from "./load-events";
import { loadQueue } from "./load-queue";
import { adjudicationsOf, currentVerdicts, verdictsOf, type VerdictRow } from "./load-verdicts";
import type { RubricValues } from "./rubric";
import { loadItem, type ItemRow } from "./submit-verdict";

export interface ItemHistoryEntry {
  kind: "verdict" | "adjudication";
  id: number;
  by: string;
  at: string;
  values: RubricValues;
  comment: string | null;
  correctedOutput?: string | null;
  supersedes?: number | null;
}

export interface ItemDetail {
  id: number;
  queueId: number;
  event: PublicEvent | null;
  completed: boolean;
  /** Shown to queue managers only: reviewers must not learn which items are gold checks. */
  isGold?: boolean;
  /** Oldest first. Review is blind: a reviewer sees only their own verdicts. */
  history: ItemHistoryEntry[];
  disagreeingFields?: string[];
  finalLabel?: RubricValues | null;
}

/** An item with its history; everything for managers, only the caller's own verdicts otherwise. */
export async function getReviewItem(ctx: ServiceContext, input: { itemId: number }): Promise<ItemDetail> {
  authorize(ctx, "review:submit");
  const item = await loadItem(ctx, input.itemId);
  const [detail] = await detailsOf(ctx, [item]);
  return detail;
}

/**
 * Items whose current verdicts disagree on a non-text field and that nobody has adjudicated yet,
 * oldest first: the adjudication step's worklist.
 */
export async function listDisagreements(ctx: ServiceContext, input: { queueId: number; limit?: number }): Promise<ItemDetail[]> {
  authorize(ctx, "review:manage");
  const queue = await loadQueue(ctx, input.queueId);
  const items = await ctx.db.orm.select().from(reviewItem).where(and(
    eq(reviewItem.queueId, queue.id), isNotNull(reviewItem.completedAt), isNull(reviewItem.finalValues), eq(reviewItem.isGold, false),
  )).orderBy(asc(reviewItem.id));
  const verdicts = currentVerdicts((await verdictsOf(ctx.db, items.map((i) => i.id))).filter((v) => !v.gold));
  const open = items.filter((i) => disagreeingFields(queue.rubric, (verdicts.get(i.id) ?? []).map((v) => v.values)).length > 0);
  return detailsOf(ctx, open.slice(0, input.limit ?? 50));
}

async function detailsOf(ctx: ServiceContext, items: ItemRow[]): Promise<ItemDetail[]> {
  if (items.length === 0) return [];
  const manager = can(ctx.actor, "review:manage");
  const me = ctx.actor.kind === "member" ? ctx.actor.userId : null;
  const ids = items.map((i) => i.id);
  const [events, all, adjudications] = await Promise.all([
    loadPublicEvents(ctx.db, ctx.projectId, items.map((i) => i.eventId)),
    verdictsOf(ctx.db, ids),
    manager ? adjudicationsOf(ctx.db, ids) : Promise.resolve([]),
  ]);
  const visible = manager ? all : all.filter((v) => v.reviewerId === me);
  const queues = new Map<number, Awaited<ReturnType<typeof loadQueue>>>();
  const out: ItemDetail[] = [];
  for (const item of items) {
    const history: ItemHistoryEntry[] = [
      ...visible.filter((v) => v.itemId === item.id).map(verdictEntry),
      ...adjudications.filter((a) => a.itemId === item.id).map((a): ItemHistoryEntry => ({
        kind: "adjudication", id: a.id, by: a.adjudicator, at: new Date(a.createdAt).toISOString(), values: a.values, comment: a.comment,
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    const detail: ItemDetail = { id: item.id, queueId: item.queueId, event: events.get(item.eventId) ?? null, completed: item.completedAt !== null, history };
    if (manager) {
      if (!queues.has(item.queueId)) queues.set(item.queueId, await loadQueue(ctx, item.queueId));
      const rubric = queues.get(item.queueId)!.rubric;
      const current = (currentVerdicts(all.filter((v) => v.itemId === item.id && !v.gold)).get(item.id) ?? []).map((v) => v.values);
      detail.isGold = item.isGold;
      detail.disagreeingFields = disagreeingFields(rubric, current);
      detail.finalLabel = consensusLabel(rubric, current, item.finalValues ?? null);
    }
    out.push(detail);
  }
  return out;
}

function verdictEntry(v: VerdictRow): ItemHistoryEntry {
  return {
    kind: "verdict", id: v.id, by: v.reviewer, at: new Date(v.createdAt).toISOString(), values: v.values,
    comment: v.comment, correctedOutput: v.correctedOutput, supersedes: v.supersedes,
  };
}
