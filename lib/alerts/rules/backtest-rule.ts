import { z } from "zod";
import { readObservations } from "@/lib/alerts/evaluate/read-observations";
import { okState, step, type GroupState } from "@/lib/alerts/evaluate/step";
import { evaluationWindow } from "@/lib/alerts/evaluate/window";
import { metricSource } from "@/lib/alerts/metrics";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { checkMetricSupport } from "./check-rule";
import { createRuleSchema } from "./rule-schema";
import { stepRuleOf, type AlertRule } from "./rule-view";

export const BACKTEST_DAYS = 7;
/** At most this many evaluations (one per step) over the 7 days: a 30-minute step at least. */
const MAX_STEPS = 336;
/** Series drawn: the busiest groups only. */
const MAX_SERIES = 5;

export const backtestInputSchema = createRuleSchema;

export const backtestResultSchema = z.object({
  from: z.number(),
  to: z.number(),
  stepMs: z.number(),
  series: z.array(z.object({ key: z.string(), labels: z.record(z.string(), z.string()), points: z.array(z.object({ t: z.number(), value: z.number().nullable(), samples: z.number() })) })),
  incidents: z.array(z.object({ key: z.string(), startedAt: z.number(), endedAt: z.number().nullable(), severity: z.enum(["warning", "critical"]).nullable(), noData: z.boolean() })),
});
export type BacktestResult = z.infer<typeof backtestResultSchema>;

/**
 * Replays a draft rule over the last 7 days: the rule is evaluated once per step (its window,
 * or 30 minutes when the window is shorter, so at most 336 evaluations) and each group's state
 * machine runs exactly as live evaluation would, giving the incidents the rule would have opened.
 * With steps longer than the live 30 s interval, pending and keep-firing periods round up to a step.
 */
export async function backtestAlertRule(ctx: ServiceContext, input: z.output<typeof backtestInputSchema>): Promise<BacktestResult> {
  authorize(ctx, "telemetry:read");
  checkMetricSupport(input.metric, input.scope, input.groupBy ?? null);
  const source = metricSource(input.metric)!;
  const now = ctx.now();
  const rule = draftRule(input);
  const stepMs = Math.max(rule.windowSeconds * 1000, Math.ceil((BACKTEST_DAYS * 86_400_000) / MAX_STEPS / 60_000) * 60_000);
  const end = evaluationWindow(now, rule.windowSeconds).to + 30_000;
  const start = end - BACKTEST_DAYS * 86_400_000;
  const sr = stepRuleOf(rule);
  const states = new Map<string, GroupState>();
  const series = new Map<string, { key: string; labels: Record<string, string>; samples: number; points: { t: number; value: number | null; samples: number }[] }>();
  const incidents: BacktestResult["incidents"] = [];
  const openAt = new Map<string, number>();
  for (let t = start + stepMs; t <= end; t += stepMs) {
    const observed = await readObservations(ctx.db, ctx.projectId, rule, source, evaluationWindow(t, rule.windowSeconds), t);
    const byKey = new Map(observed.map((o) => [o.key, o]));
    const keys = new Set([...byKey.keys(), ...states.keys(), ...(rule.groupBy ? [] : [""])]);
    for (const key of keys) {
      const o = byKey.get(key);
      let s = series.get(key);
      if (!s) series.set(key, (s = { key, labels: o?.labels ?? {}, samples: 0, points: [] }));
      s.points.push({ t, value: o?.obs.value ?? null, samples: o?.obs.samples ?? 0 });
      s.samples += o?.obs.samples ?? 0;
      const r = step(sr, states.get(key) ?? okState(t), o?.obs ?? { value: null, samples: 0 }, t);
      states.set(key, r.next);
      for (const tr of r.transitions) {
        if (tr.kind === "firing" || tr.kind === "no_data") {
          if (!openAt.has(key)) {
            openAt.set(key, t);
            incidents.push({ key, startedAt: t, endedAt: null, severity: tr.severity, noData: tr.kind === "no_data" });
          }
        }
        if (tr.kind === "resolved") {
          const last = incidents.findLast((i) => i.key === key && i.endedAt === null);
          if (last) last.endedAt = t;
          openAt.delete(key);
        }
      }
    }
  }
  const top = [...series.values()].sort((a, b) => b.samples - a.samples).slice(0, MAX_SERIES);
  return { from: start, to: end, stepMs, series: top.map(({ key, labels, points }) => ({ key, labels, points })), incidents };
}

function draftRule(input: z.output<typeof backtestInputSchema>): AlertRule {
  return {
    ...input, id: 0, groupBy: input.groupBy ?? null, warningThreshold: input.warningThreshold ?? null, recoveryThreshold: input.recoveryThreshold ?? null,
    warningRecoveryThreshold: input.warningRecoveryThreshold ?? null, relative: input.relative ?? null, renotifySeconds: null,
    lastEvaluatedAt: null, createdAt: 0, updatedAt: 0,
  };
}
