import type { IngestEvent } from "@/lib/ingest/event-schema";
import { DEMO_PROMPTS } from "./demo-catalog";
import type { Rng } from "./random";

const ML_MODELS = ["fraud-xgb", "churn-lgbm"];

/**
 * One event of the load scenario: 85% LLM calls over the demo prompts (tokens, latency,
 * errors, hallucination verdicts), 15% ML predictions. Also valid as a wire event for
 * `POST /api/v1/ingest`, which is how the benchmark sends the same rows over HTTP.
 */
export function loadEvent(r: Rng, id: string, ts: number): IngestEvent {
  // Object literals with every key written out, in one shape per type (no `...base` spread,
  // no `undefined` members): this runs 10M times for the load seed, where the spread version
  // was a quarter of seeding time. The draw order of `r` is part of the scenario: keep it.
  if (r.chance(0.15)) {
    const model = r.pick(ML_MODELS);
    const modelVersion = r.chance(0.5) ? "1.3.0" : "1.4.0";
    const prediction = r.chance(0.1) ? 1 : 0;
    const score = r.next();
    const latencyMs = Math.round(r.lognormal(10, 0.3) * 10) / 10;
    const status = r.chance(0.003) ? "error" : "ok";
    return { id, timestamp: ts, environment: "production", type: "prediction", model, modelVersion, prediction, score, latencyMs, status };
  }
  const p = r.pick(DEMO_PROMPTS);
  const v = r.pick(p.versions);
  const error = r.chance(0.02);
  const latencyMs = Math.round(r.lognormal(v.latencyMs, 0.45));
  const inputTokens = r.int(200, 4000);
  const outputTokens = r.int(10, 400);
  const userId = `user-${r.int(1, 5000)}`;
  const status = error ? "error" : "ok";
  const event: IngestEvent = {
    id, timestamp: ts, environment: "production", type: "llm", model: p.model, promptId: p.key, promptVersion: v.version,
    latencyMs, inputTokens, outputTokens, status, userId,
  };
  if (p.judged && !error) event.hallucination = { flagged: r.chance(v.hallucination) };
  return event;
}
