import { sqliteOf } from "@/db/driver";
import type { Db } from "@/db/client";
import { pgRows } from "@/db/pg/driver";

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
  if (db.dialect === "postgres") {
    return pgRows<InjectionBucketRow>(
      db,
      `SELECT ((ts - $4) / $6)::int AS bucket, count(*)::int AS total, count(*) FILTER (WHERE body::jsonb ? 'injection')::int AS flagged
       FROM event
       WHERE project_id = $1 AND id >= $2 AND id < $3 AND type = 'llm' AND ts >= $4 AND ts < $5 AND ($7::bigint IS NULL OR model_id = $7)
       GROUP BY 1 ORDER BY 1`,
      [f.projectId, f.lo, f.hi, f.from, f.to, f.bucketMs, f.modelId],
    );
  }
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
