import { sqliteOf } from "@/db/driver";
import type { Db } from "@/db/client";
import { eventByClientIdPg, eventsOfTracePg, scanEventsPg } from "./pg/reads";

export interface EventReadRow {
  id: number;
  client_id: string;
  type: string;
  ts: number;
  received_at: number;
  model_id: number | null;
  model_version_id: number | null;
  prompt_id: number | null;
  prompt_version_id: number | null;
  environment: string;
  user_id: string | null;
  session_id: string | null;
  trace_id: string | null;
  span_id: string | null;
  parent_span_id: string | null;
  status: string | null;
  latency_ms: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  cache_read_tokens: number | null;
  cache_write_tokens: number | null;
  reasoning_tokens: number | null;
  cost_reported: number | null;
  cost_input_usd: number | null;
  cost_cache_read_usd: number | null;
  cost_cache_write_usd: number | null;
  cost_output_usd: number | null;
  cost_reasoning_usd: number | null;
  unpriced: number | null;
  flagged: number | null;
  hallucination_score: number | null;
  score: number | null;
  body: string;
}

/** A row read for a list: `body` is the preview, `truncated` a JSON array of the keys it cut. */
export interface EventListRow extends EventReadRow {
  truncated: string;
}

export interface EventScanFilter {
  projectId: number;
  /** Key range [lo, hi) — see lib/ingest/event-id.ts. */
  lo: number;
  hi: number;
  /** Exact timestamp bounds (inclusive): a key may lie up to KEY_LAG_MS after its timestamp. */
  from: number | null;
  to: number | null;
  type: string | null;
  modelId: number | null;
  modelVersionId: number | null;
  promptId: number | null;
  promptVersionId: number | null;
  status: string | null;
  flagged: number | null;
  /** 1: only events flagged as prompt-injection attempts (lib/injection); 0: only the others. */
  injection: number | null;
  userId: string | null;
  sessionId: string | null;
  environment: string | null;
  responseModel: string | null;
  traceId: string | null;
  /** LIKE pattern over input and output, or null. */
  q: string | null;
  limit: number;
}

/** The columns every event read returns but the body (the PostgreSQL reads use the same list, db/statements/pg/reads.ts). */
export const ROW_COLUMNS = `id, client_id, type, ts, received_at, model_id, model_version_id, prompt_id, prompt_version_id, environment,
  user_id, session_id, trace_id, span_id, parent_span_id, status, latency_ms, input_tokens, output_tokens, cost_usd,
  cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_reported, cost_input_usd, cost_cache_read_usd,
  cost_cache_write_usd, cost_output_usd, cost_reasoning_usd, unpriced, flagged, hallucination_score, score`;
export const COLUMNS = `${ROW_COLUMNS}, body`;

/** Characters a list keeps of one body field (docs/api.md → "Limits"). */
export const PREVIEW_CHARS = 1000;

/**
 * For lists: the body with every field longer than PREVIEW_CHARS (text, or the JSON text of a
 * structured value) cut to a string of its first PREVIEW_CHARS characters, and the keys cut.
 * Done in SQL so that a page over megabyte-sized events never carries them into JavaScript.
 */
const LIST_COLUMNS = `${ROW_COLUMNS},
  (SELECT json_group_object(key, CASE
      WHEN type IN ('text', 'object', 'array') AND length(value) > ${PREVIEW_CHARS} THEN substr(value, 1, ${PREVIEW_CHARS})
      WHEN type IN ('object', 'array') THEN json(value)
      WHEN type = 'true' THEN json('true') WHEN type = 'false' THEN json('false')
      ELSE value END) FROM json_each(event.body)) AS body,
  (SELECT json_group_array(key) FROM json_each(event.body)
    WHERE type IN ('text', 'object', 'array') AND length(value) > ${PREVIEW_CHARS}) AS truncated`;

/**
 * Newest first within a key window. Walks the time-ordered primary key backwards. The unary
 * `+` keeps SQLite off the (project_id, client_id) index, which it would otherwise pick for
 * `project_id = ?` and then read and sort every event of the project (846 ms at 10M events,
 * docs/benchmarks.md).
 */
export async function scanEvents(db: Db, f: EventScanFilter): Promise<EventListRow[]> {
  if (db.dialect === "postgres") return scanEventsPg(db, f);
  return sqliteOf(db)
    .prepare<[EventScanFilter], EventListRow>(
      `SELECT ${LIST_COLUMNS} FROM event
       WHERE id >= @lo AND id < @hi AND +project_id = @projectId
        AND (@from IS NULL OR ts >= @from) AND (@to IS NULL OR ts <= @to)
        AND (@type IS NULL OR type = @type) AND (@modelId IS NULL OR model_id = @modelId)
        AND (@modelVersionId IS NULL OR model_version_id = @modelVersionId)
        AND (@promptId IS NULL OR prompt_id = @promptId) AND (@promptVersionId IS NULL OR prompt_version_id = @promptVersionId)
        AND (@status IS NULL OR status = @status) AND (@flagged IS NULL OR flagged = @flagged)
        AND (@injection IS NULL OR (json_extract(body, '$.injection') IS NOT NULL) = @injection)
        AND (@userId IS NULL OR user_id = @userId) AND (@sessionId IS NULL OR session_id = @sessionId)
        AND (@environment IS NULL OR environment = @environment)
        AND (@responseModel IS NULL OR json_extract(body, '$.responseModel') = @responseModel)
        AND (@q IS NULL OR json_extract(body, '$.output') LIKE @q ESCAPE '\\'
             OR CAST(json_extract(body, '$.input') AS TEXT) LIKE @q ESCAPE '\\')
       ORDER BY id DESC LIMIT @limit`,
    )
    .all(f);
}

/** The first `limit` events of a trace, bodies as list previews (served by the partial trace index). */
export async function eventsOfTrace(db: Db, projectId: number, traceId: string, limit: number): Promise<EventListRow[]> {
  if (db.dialect === "postgres") return eventsOfTracePg(db, projectId, traceId, limit);
  return sqliteOf(db)
    .prepare<[number, string, number], EventListRow>(
      `SELECT ${LIST_COLUMNS} FROM event WHERE project_id = ? AND trace_id = ? ORDER BY id LIMIT ?`,
    )
    .all(projectId, traceId, limit);
}

export async function eventByClientId(db: Db, projectId: number, clientId: string): Promise<EventReadRow | undefined> {
  if (db.dialect === "postgres") return eventByClientIdPg(db, projectId, clientId);
  return sqliteOf(db)
    .prepare<[number, string], EventReadRow>(`SELECT ${COLUMNS} FROM event WHERE project_id = ? AND client_id = ?`)
    .get(projectId, clientId);
}
