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
  const base = { id, timestamp: ts, environment: "production", status: "ok" as const };
  if (r.chance(0.15)) {
    return {
      ...base, type: "prediction", model: r.pick(ML_MODELS), modelVersion: r.chance(0.5) ? "1.3.0" : "1.4.0",
      prediction: r.chance(0.1) ? 1 : 0, score: r.next(), latencyMs: Math.round(r.lognormal(10, 0.3) * 10) / 10,
      status: r.chance(0.003) ? "error" : "ok",
    };
  }
  const p = r.pick(DEMO_PROMPTS);
  const v = r.pick(p.versions);
  const error = r.chance(0.02);
  return {
    ...base, type: "llm", model: p.model, promptId: p.key, promptVersion: v.version,
    latencyMs: Math.round(r.lognormal(v.latencyMs, 0.45)), inputTokens: r.int(200, 4000), outputTokens: r.int(10, 400),
    status: error ? "error" : "ok", userId: `user-${r.int(1, 5000)}`,
    hallucination: p.judged && !error ? { flagged: r.chance(v.hallucination) } : undefined,
  };
}
