import type { Db } from "@/db/client";
import { createAlertChannel } from "@/lib/alerts/channels/create-channel";
import { createAlertRule } from "@/lib/alerts/rules/create-rule";
import { createRuleSchema } from "@/lib/alerts/rules/rule-schema";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { testContext } from "@/tests/helpers/db";

/** A whole minute two hours ago: every test instant is in the past, so ingest takes them as they are. */
export const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 2 * 3_600_000;
/** An evaluation at T0 + 40 s reads the window ending at T0 (windows end a little before now). */
export const at = (minutes: number) => T0 + minutes * 60_000 + 40_000;

let seq = 0;

/** `n` LLM calls of `model` at `ts` (spread over the following seconds), `errors` of them failing. */
export async function calls(db: Db, projectId: number, ts: number, n: number, over: { errors?: number; latencyMs?: number; model?: string; environment?: string } = {}) {
  const events = Array.from({ length: n }, (_, i) => ({
    id: `e${++seq}`, type: "llm", model: over.model ?? "gpt-4o", timestamp: ts + i * 10, latencyMs: over.latencyMs ?? 100,
    inputTokens: 10, outputTokens: 5, status: i < (over.errors ?? 0) ? "error" : "ok", environment: over.environment ?? "production",
  }));
  await ingestEvents(db, projectId, events);
}

export async function channel(db: Db, projectId: number, input: Parameters<typeof createAlertChannel>[1]) {
  return createAlertChannel(testContext(db, projectId, { now: T0 }), input);
}

/** An error-rate rule on gpt-4o (> 20% over 5 minutes) unless overridden. */
export async function rule(db: Db, projectId: number, over: Record<string, unknown> = {}) {
  const input = createRuleSchema.parse({ name: "gpt-4o errors", metric: "error_rate", scope: { model: "gpt-4o" }, windowSeconds: 300, comparator: ">", threshold: 0.2, ...over });
  return createAlertRule(testContext(db, projectId, { now: T0 }), input);
}
