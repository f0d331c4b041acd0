import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Sample keys are uniform in [0, 2^31): positive in every SQL integer type. */
export const SAMPLE_KEY_RANGE = 2 ** 31;

/**
 * One row per prediction event with what drift, performance and explainability read: the
 * features and attributions as JSON, the prediction split by type, and a random `sample_key`.
 * The raw record stays in `event`; this side row lets a drift report sample a window from the
 * index instead of parsing every event body (docs/adr/0034 — measured).
 *
 * Reads: count the window through `prediction_window_idx`, then take the N smallest sample keys
 * of the window — a uniform random sample without replacement, the same rows on every reload.
 */
export const prediction = sqliteTable(
  "prediction",
  {
    eventId: integer("event_id").primaryKey(),
    projectId: integer("project_id").notNull(),
    modelId: integer("model_id").notNull(),
    modelVersionId: integer("model_version_id"),
    ts: integer("ts").notNull(),
    /** Uniform random integer in [0, 2^31) drawn at ingest. */
    sampleKey: integer("sample_key").notNull(),
    valueNum: real("value_num"),
    valueText: text("value_text"),
    score: real("score"),
    /** JSON object feature → number | string | boolean | null, as sent. */
    features: text("features"),
    /** JSON object feature → number (e.g. SHAP values), when sent. */
    attributions: text("attributions"),
  },
  (t) => [index("prediction_window_idx").on(t.projectId, t.modelId, t.ts, t.sampleKey)],
);
