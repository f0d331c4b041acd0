import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reviewAdjudication, reviewVerdict, user } from "@/db/schema";
import type { RubricValues } from "./rubric";

export interface VerdictRow {
  id: number;
  itemId: number;
  reviewerId: number;
  reviewer: string;
  values: RubricValues;
  correctedOutput: string | null;
  comment: string | null;
  gold: boolean;
  supersedes: number | null;
  createdAt: number;
}

const CHUNK = 500;

/** Every verdict on the items, oldest first, with the reviewer's email. */
export async function verdictsOf(db: Db, itemIds: number[]): Promise<VerdictRow[]> {
  const out: VerdictRow[] = [];
  for (let i = 0; i < itemIds.length; i += CHUNK) {
    out.push(...await db.orm
      .select({
        id: reviewVerdict.id, itemId: reviewVerdict.itemId, reviewerId: reviewVerdict.reviewerId, reviewer: user.email,
        values: reviewVerdict.values, correctedOutput: reviewVerdict.correctedOutput, comment: reviewVerdict.comment,
        gold: reviewVerdict.gold, supersedes: reviewVerdict.supersedes, createdAt: reviewVerdict.createdAt,
      })
      .from(reviewVerdict).innerJoin(user, eq(user.id, reviewVerdict.reviewerId))
      .where(inArray(reviewVerdict.itemId, itemIds.slice(i, i + CHUNK))).orderBy(asc(reviewVerdict.id)));
  }
  return out;
}

/** Each reviewer's latest verdict per item (the ones nothing supersedes), in order of first verdict. */
export function currentVerdicts(rows: readonly VerdictRow[]): Map<number, VerdictRow[]> {
  const latest = new Map<string, VerdictRow>();
  for (const r of rows) latest.set(`${r.itemId}:${r.reviewerId}`, r);
  const out = new Map<number, VerdictRow[]>();
  for (const r of latest.values()) {
    const list = out.get(r.itemId) ?? [];
    list.push(r);
    out.set(r.itemId, list);
  }
  return out;
}

export interface AdjudicationRow {
  id: number;
  itemId: number;
  adjudicator: string;
  values: RubricValues;
  comment: string | null;
  createdAt: number;
}

export async function adjudicationsOf(db: Db, itemIds: number[]): Promise<AdjudicationRow[]> {
  const out: AdjudicationRow[] = [];
  for (let i = 0; i < itemIds.length; i += CHUNK) {
    out.push(...await db.orm
      .select({
        id: reviewAdjudication.id, itemId: reviewAdjudication.itemId, adjudicator: user.email, values: reviewAdjudication.values,
        comment: reviewAdjudication.comment, createdAt: reviewAdjudication.createdAt,
      })
      .from(reviewAdjudication).innerJoin(user, eq(user.id, reviewAdjudication.adjudicatorId))
      .where(inArray(reviewAdjudication.itemId, itemIds.slice(i, i + CHUNK))).orderBy(asc(reviewAdjudication.id)));
  }
  return out;
}
