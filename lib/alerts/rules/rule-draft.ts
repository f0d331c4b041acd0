/**
 * The rule form's state (strings, as inputs hold them) and its translation into the API body.
 * Pure, so the form and its tests agree on what an empty field means (absent, not zero).
 */
export interface RuleDraft {
  name: string;
  metric: string;
  model: string;
  promptId: string;
  environment: string;
  /** feature_drift only. */
  feature: string;
  /** review_backlog only: a queue id, empty for every queue. */
  queueId: string;
  groupBy: string;
  windowSeconds: string;
  comparator: string;
  threshold: string;
  warningThreshold: string;
  recoveryThreshold: string;
  pendingSeconds: string;
  keepFiringSeconds: string;
  minSamples: string;
  noData: string;
  relative: string;
  channelIds: number[];
}

export const EMPTY_DRAFT: RuleDraft = {
  name: "", metric: "error_rate", model: "", promptId: "", environment: "", feature: "", queueId: "", groupBy: "", windowSeconds: "300", comparator: ">", threshold: "",
  warningThreshold: "", recoveryThreshold: "", pendingSeconds: "0", keepFiringSeconds: "0", minSamples: "0", noData: "ignore", relative: "", channelIds: [],
};

const num = (s: string): number | undefined => (s.trim() === "" || !Number.isFinite(Number(s)) ? undefined : Number(s));

/** The POST /api/v1/alert-rules body, or null while the threshold is not a number yet. */
export function draftToBody(d: RuleDraft): Record<string, unknown> | null {
  const threshold = num(d.threshold);
  if (threshold === undefined) return null;
  const scope: Record<string, string | number> = {};
  if (d.model.trim()) scope.model = d.model.trim();
  if (d.promptId.trim()) scope.promptId = d.promptId.trim();
  if (d.environment.trim()) scope.environment = d.environment.trim();
  // Fields of one metric only are sent with that metric, so switching metrics never leaves a stale one behind.
  if (d.metric === "feature_drift" && d.feature.trim()) scope.feature = d.feature.trim();
  if (d.metric === "review_backlog" && num(d.queueId) !== undefined) scope.queueId = num(d.queueId)!;
  const body: Record<string, unknown> = {
    name: d.name.trim() || "Untitled rule", metric: d.metric, scope, windowSeconds: Number(d.windowSeconds), comparator: d.comparator, threshold,
    pendingSeconds: Number(d.pendingSeconds), keepFiringSeconds: Number(d.keepFiringSeconds), minSamples: num(d.minSamples) ?? 0, noData: d.noData,
    channelIds: d.channelIds,
  };
  if (d.groupBy) body.groupBy = d.groupBy;
  if (num(d.warningThreshold) !== undefined) body.warningThreshold = num(d.warningThreshold);
  if (num(d.recoveryThreshold) !== undefined) body.recoveryThreshold = num(d.recoveryThreshold);
  if (d.relative) body.relative = { baseline: d.relative };
  return body;
}
