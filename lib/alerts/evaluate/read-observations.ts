import type { Db } from "@/db/client";
import type { MetricReading, MetricSource } from "@/lib/alerts/metrics/metric-source";
import type { AlertRule } from "@/lib/alerts/rules/rule-view";
import { relativeObservation } from "./relative";
import type { Observation } from "./step";
import { baselineWindow, type Window } from "./window";

/** Groups a rule may track at once; beyond it the busiest groups win (the cap is in the docs). */
export const MAX_GROUPS = 50;

export interface GroupObservation {
  key: string;
  labels: Record<string, string>;
  obs: Observation;
}

/** One observation per group for a window: the metric itself, or its change against the baseline window. */
export async function readObservations(db: Db, projectId: number, rule: AlertRule, source: MetricSource, w: Window, now: number): Promise<GroupObservation[]> {
  const q = { projectId, scope: rule.scope, groupBy: rule.groupBy, maxGroups: MAX_GROUPS, now };
  const current = await source.read(db, { ...q, ...w });
  if (!rule.relative) return current.map((r) => ({ key: r.key, labels: r.labels, obs: { value: r.value, samples: r.samples } }));
  const base = new Map<string, MetricReading>((await source.read(db, { ...q, ...baselineWindow(w, rule.relative.baseline) })).map((r) => [r.key, r]));
  return current.map((r) => {
    const b = base.get(r.key);
    return { key: r.key, labels: r.labels, obs: relativeObservation({ value: r.value, samples: r.samples }, b ? { value: b.value, samples: b.samples } : { value: null, samples: 0 }) };
  });
}
