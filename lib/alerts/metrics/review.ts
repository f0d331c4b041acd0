import { humanHallucinationRates } from "@/lib/review/hallucination-rate";
import { reviewBacklog } from "@/lib/review/review-backlog";
import { systemContext } from "@/lib/services/context";
import type { MetricReading, MetricSource } from "./metric-source";

/**
 * Items waiting for verdicts, now: the backlog is a level, not a flow, so the rule's window does
 * not apply. One queue when the scope names `queueId`, else every queue of the project summed.
 * samples = queues counted, so an empty queue reads 0 (a value) and a deleted one reads no data.
 */
export const reviewBacklogMetric: MetricSource = {
  name: "review_backlog",
  label: "Review backlog (pending items)",
  unit: "count",
  supports: { scope: ["queueId"], groupBy: [] },
  async read(db, q) {
    const queues = await reviewBacklog(systemContext(db, q.projectId, "alerts", () => q.now), { queueId: q.scope.queueId });
    if (queues.length === 0) return [];
    const labels: Record<string, string> = queues.length === 1 && q.scope.queueId !== undefined ? { queue: queues[0].name } : {};
    return [{ key: "", labels, value: queues.reduce((s, x) => s + x.pending, 0), samples: queues.length }];
  },
};

/**
 * Share of human-reviewed events labelled hallucinations (the review queues' consensus or
 * adjudicated label), among the window's events — selected by event time, whenever the verdicts
 * arrived. samples = reviewed events, so `minSamples` guards a rate read off a handful of verdicts.
 */
export const confirmedHallucinationRate: MetricSource = {
  name: "confirmed_hallucination_rate",
  label: "Hallucination rate (human-confirmed)",
  unit: "ratio",
  supports: { scope: ["model", "modelVersion", "promptId", "promptVersion"], groupBy: ["model", "modelVersion", "prompt", "promptVersion"] },
  async read(db, q) {
    const rows = await humanHallucinationRates(systemContext(db, q.projectId, "alerts", () => q.now), { model: q.scope.model, promptId: q.scope.promptId, from: q.from, to: q.to - 1 });
    const groups = new Map<string, MetricReading & { confirmed: number }>();
    for (const r of rows) {
      if (q.scope.modelVersion !== undefined && r.modelVersion !== q.scope.modelVersion) continue;
      if (q.scope.promptVersion !== undefined && r.promptVersion !== q.scope.promptVersion) continue;
      const labels = groupLabels(q.groupBy, r);
      if (labels === null) continue;
      const key = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
      const g = groups.get(key) ?? { key, labels, value: null, samples: 0, confirmed: 0 };
      g.samples += r.reviewed;
      g.confirmed += r.confirmed;
      groups.set(key, g);
    }
    return [...groups.values()]
      .map(({ confirmed, ...g }) => ({ ...g, value: g.samples > 0 ? confirmed / g.samples : null }))
      .sort((a, b) => b.samples - a.samples || a.key.localeCompare(b.key))
      .slice(0, q.maxGroups);
  },
};

type RateRow = Awaited<ReturnType<typeof humanHallucinationRates>>[number];

/** The same group names the telemetry metrics use (lib/alerts/metrics/read-totals.ts); null drops a row a prompt group cannot name. */
function groupLabels(groupBy: string | null, r: RateRow): Record<string, string> | null {
  switch (groupBy) {
    case "model":
      return { model: r.model ?? "unknown" };
    case "modelVersion":
      return { model: r.model ?? "unknown", modelVersion: r.modelVersion ?? "none" };
    case "prompt":
      return r.promptId === null ? null : { prompt: r.promptId };
    case "promptVersion":
      return r.promptId === null ? null : { prompt: r.promptId, promptVersion: String(r.promptVersion ?? "none") };
    default:
      return {};
  }
}
