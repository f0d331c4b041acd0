import { sqliteOf } from "@/db/driver";
import type { Db } from "@/db/client";

export interface InjectionBucketRow {
  bucket: number;
  total: number;
  flagged: number;
}

/**
 * LLM calls and those flagged as injection attempts, per time bucket. The flag lives in the event
 * body (json), so this scans the key range: meant for alert windows and dashboards over hours to
 * days, not for months.
 */
export async function injectionBuckets(db: Db, f: { projectId: number; lo: number; hi: number; from: number; to: number; bucketMs: number; modelId: number | null }): Promise<InjectionBucketRow[]> {
  return sqliteOf(db)
    .prepare<[typeof f], InjectionBucketRow>(
      `SELECT CAST((ts - @from) / @bucketMs AS INTEGER) AS bucket, count(*) AS total,
              sum(json_extract(body, '$.injection') IS NOT NULL) AS flagged
       FROM event
       WHERE id >= @lo AND id < @hi AND +project_id = @projectId AND type = 'llm' AND ts >= @from AND ts < @to
         AND (@modelId IS NULL OR model_id = @modelId)
       GROUP BY bucket ORDER BY bucket`,
    )
    .all(f);
}
