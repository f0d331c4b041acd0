import { and, asc, eq, inArray, isNotNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { event, projectSetting } from "@/db/schema";
import { KEY_LAG_MS, keyFloor } from "@/lib/ingest/event-id";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemContext } from "@/lib/services/context";
import { dropExpiredEventPartitions } from "@/db/statements/partitions";

/** Rows per delete transaction: short write locks, so ingest keeps flowing while old data goes. */
export const RETENTION_BATCH = 2_000;
/** Batches per project per run; the rest is deleted at the next run. */
export const RETENTION_MAX_BATCHES = 50;

export interface RetentionResult {
  projectId: number;
  deleted: number;
  /** More rows are due than this run deleted (the next run continues). */
  more: boolean;
}

/**
 * Deletes raw events older than each project's retention, oldest first, in bounded batches.
 * Rollups (minute/hour/day aggregates) are not touched: charts and totals over old periods stay.
 * Keys are time-ordered, so each batch is a short range scan from the table's start.
 * On PostgreSQL whole day partitions whose every project is past its retention are dropped
 * first (docs/adr/0048); row deletes then take what remains due.
 */
export async function enforceRetention(db: Db, now: number, signal?: AbortSignal): Promise<RetentionResult[]> {
  const projects = await db.orm
    .select({ projectId: projectSetting.projectId, days: projectSetting.retentionDays })
    .from(projectSetting)
    .where(isNotNull(projectSetting.retentionDays));
  const out: RetentionResult[] = [];
  const cutoffs = new Map(projects.map(({ projectId, days }) => [projectId, now - days! * 86_400_000]));
  const dropped = await dropExpiredEventPartitions(db, cutoffs);
  for (const { projectId, days } of projects) {
    const cutoff = now - days! * 86_400_000;
    let deleted = dropped.get(projectId) ?? 0;
    let batches = 0;
    let last = RETENTION_BATCH;
    while (last === RETENTION_BATCH && batches < RETENTION_MAX_BATCHES && !signal?.aborted) {
      last = await db.transaction(async (tx) => {
        const due = tx.orm
          .select({ id: event.id })
          .from(event)
          .where(and(lt(event.id, keyFloor(cutoff + KEY_LAG_MS + 1)), eq(event.projectId, projectId), lt(event.ts, cutoff)))
          .orderBy(asc(event.id))
          .limit(RETENTION_BATCH);
        const rows = await tx.orm.delete(event).where(and(eq(event.projectId, projectId), inArray(event.id, due))).returning({ id: event.id });
        return rows.length;
      });
      deleted += last;
      batches++;
    }
    if (deleted > 0) {
      await recordAudit(systemContext(db, projectId, "retention", () => now), { action: "retention.delete", target: "event", after: { deleted, olderThan: new Date(cutoff).toISOString() } });
    }
    out.push({ projectId, deleted, more: last === RETENTION_BATCH });
  }
  return out;
}
