import { fieldErrorsOf, type FieldErrors } from "@/lib/forms/field-errors";
import { createRuleSchema } from "./rule-schema";
import type { AlertRule } from "./rule-view";

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
  /** Scope fields the form has no input for (model version, user, budget…), kept as they are when editing. */
  keptScope: Record<string, string | number>;
}

export const EMPTY_DRAFT: RuleDraft = {
  name: "", metric: "error_rate", model: "", promptId: "", environment: "", feature: "", queueId: "", groupBy: "", windowSeconds: "300", comparator: ">", threshold: "",
  warningThreshold: "", recoveryThreshold: "", pendingSeconds: "0", keepFiringSeconds: "0", minSamples: "0", noData: "ignore", relative: "", channelIds: [], keptScope: {},
};

const num = (s: string): number | undefined => (s.trim() === "" || !Number.isFinite(Number(s)) ? undefined : Number(s));

/** The POST /api/v1/alert-rules body, or null while the threshold is not a number yet. */
export function draftToBody(d: RuleDraft): Record<string, unknown> | null {
  const threshold = num(d.threshold);
  if (threshold === undefined) return null;
  const scope: Record<string, string | number> = { ...d.keptScope };
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

const FORM_SCOPE = new Set(["model", "promptId", "environment", "feature", "queueId"]);
const str = (n: number | null | undefined) => (n == null ? "" : String(n));

/** A saved rule as the form's draft, for editing it in the form that created it. */
export function ruleToDraft(r: AlertRule): RuleDraft {
  const scope = r.scope as Record<string, string | number | undefined>;
  const keptScope = Object.fromEntries(Object.entries(scope).filter((e): e is [string, string | number] => e[1] !== undefined && !FORM_SCOPE.has(e[0])));
  return {
    name: r.name, metric: r.metric, model: r.scope.model ?? "", promptId: r.scope.promptId ?? "", environment: r.scope.environment ?? "",
    feature: r.scope.feature ?? "", queueId: str(r.scope.queueId), groupBy: r.groupBy ?? "", windowSeconds: String(r.windowSeconds),
    comparator: r.comparator, threshold: String(r.threshold), warningThreshold: str(r.warningThreshold), recoveryThreshold: str(r.recoveryThreshold),
    pendingSeconds: String(r.pendingSeconds), keepFiringSeconds: String(r.keepFiringSeconds), minSamples: String(r.minSamples), noData: r.noData,
    relative: r.relative?.baseline ?? "", channelIds: [...r.channelIds], keptScope,
  };
}

/**
 * The PATCH body for an edit: the whole draft, with an emptied optional field sent as null so
 * that clearing it in the form clears it on the rule (absent would keep the old value).
 */
export function draftToPatch(d: RuleDraft): Record<string, unknown> | null {
  const body = draftToBody(d);
  if (!body) return null;
  return { warningThreshold: null, recoveryThreshold: null, groupBy: null, relative: null, ...body };
}

/** The form's own field for an API or schema path (`scope.feature` is the Feature input). */
const FIELD_OF: Record<string, string> = { "scope.feature": "feature", "scope.queueId": "queueId", "scope.model": "model", "scope.promptId": "promptId", "scope.environment": "environment", "relative.baseline": "relative" };

export function ruleFieldOf(path: string): string {
  return FIELD_OF[path] ?? path.split(".")[0];
}

/** Checks a draft the way the API will (the same zod schema), naming the form's fields. */
export function validateDraft(d: RuleDraft): { ok: true; body: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const isNum = (s: string) => s.trim() !== "" && Number.isFinite(Number(s));
  if (!d.name.trim()) errors.name = "a rule needs a name";
  if (!isNum(d.threshold)) errors.threshold = "enter a number";
  for (const k of ["warningThreshold", "recoveryThreshold"] as const) if (d[k].trim() !== "" && !isNum(d[k])) errors[k] = "enter a number, or leave empty";
  if (d.minSamples.trim() !== "" && !/^\d+$/.test(d.minSamples.trim())) errors.minSamples = "a whole number, 0 or more";
  if (d.metric === "review_backlog" && d.queueId.trim() !== "" && !/^[1-9]\d*$/.test(d.queueId.trim())) errors.queueId = "a queue id (a number), or leave empty";
  const body = draftToBody(d);
  if (body) {
    const parsed = createRuleSchema.safeParse(body);
    if (!parsed.success) {
      for (const [path, message] of Object.entries(fieldErrorsOf(parsed.error.issues))) {
        const field = ruleFieldOf(path);
        if (!(field in errors)) errors[field] = message;
      }
    }
  }
  return Object.keys(errors).length > 0 || !body ? { ok: false, errors } : { ok: true, body };
}
