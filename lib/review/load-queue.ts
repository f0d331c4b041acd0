import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { membership, reviewQueue, reviewQueueAssignee, user } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/api/errors";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/services/context";
import type { QueueView } from "./schemas";

export type QueueRow = typeof reviewQueue.$inferSelect;

/** The queue `id` of the context's project, or 404 (another project's queue does not exist here). */
export async function loadQueue(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<QueueRow> {
  const [row] = await db.orm.select().from(reviewQueue).where(and(eq(reviewQueue.id, id), eq(reviewQueue.projectId, ctx.projectId)));
  if (!row) throw new NotFoundError(`No review queue ${id}`);
  return row;
}

/** Assignee emails per queue. */
export async function assigneesOf(db: Db, queueIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>(queueIds.map((id) => [id, []]));
  if (queueIds.length === 0) return out;
  const rows = await db.orm
    .select({ queueId: reviewQueueAssignee.queueId, email: user.email })
    .from(reviewQueueAssignee)
    .innerJoin(user, eq(user.id, reviewQueueAssignee.userId))
    .where(inArray(reviewQueueAssignee.queueId, queueIds));
  for (const r of rows) out.get(r.queueId)!.push(r.email);
  for (const list of out.values()) list.sort();
  return out;
}

export function toQueueView(q: QueueRow, assignees: string[]): QueueView {
  return {
    id: q.id, name: q.name, description: q.description, instructions: q.instructions, rubric: q.rubric,
    routing: q.routing ?? null, reviewersPerItem: q.reviewersPerItem, correctedOutput: q.correctedOutput,
    goldRate: q.goldRate, assignees, createdAt: new Date(q.createdAt).toISOString(), updatedAt: new Date(q.updatedAt).toISOString(),
  };
}

/**
 * Emails → user ids of project members who may review (reviewer role and up). Every unknown email
 * or member without review rights is named in the 400 (`assignees.<i>`).
 */
export async function resolveAssignees(ctx: ServiceContext, emails: string[]): Promise<number[]> {
  if (emails.length === 0) return [];
  const wanted = emails.map((e) => e.toLowerCase());
  const rows = await ctx.db.orm
    .select({ id: user.id, email: user.email, role: membership.role })
    .from(user)
    .innerJoin(membership, and(eq(membership.userId, user.id), eq(membership.projectId, ctx.projectId)))
    .where(inArray(user.email, [...new Set([...emails, ...wanted])]));
  const byEmail = new Map(rows.map((r) => [r.email.toLowerCase(), r]));
  const details = wanted.flatMap((e, i) => {
    const m = byEmail.get(e);
    if (!m) return [{ path: `assignees.${i}`, message: "not a member of this project" }];
    if (!ROLE_PERMISSIONS[m.role].includes("review:submit")) return [{ path: `assignees.${i}`, message: `role '${m.role}' may not review` }];
    return [];
  });
  if (details.length > 0) throw new ValidationError("Unknown or ineligible assignees", details);
  return [...new Set(wanted.map((e) => byEmail.get(e)!.id))];
}

/** Whether the member may take items from the queue: named, or the queue names nobody. */
export async function mayReview(db: Db, queueId: number, userId: number): Promise<boolean> {
  const rows = await db.orm.select({ userId: reviewQueueAssignee.userId }).from(reviewQueueAssignee).where(eq(reviewQueueAssignee.queueId, queueId));
  return rows.length === 0 || rows.some((r) => r.userId === userId);
}
