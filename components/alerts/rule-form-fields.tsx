"use client";

import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { METRIC_LABELS } from "@/lib/alerts/charts/format-metric";
import type { RuleDraft } from "@/lib/alerts/rules/rule-draft";
import { METRIC_NAMES } from "@/lib/alerts/rules/rule-schema";
import type { FieldErrors } from "@/lib/forms/field-errors";
import type { AlertChannel } from "@/lib/queries/alerts";

const WINDOWS: [string, string][] = [["60", "1 minute"], ["300", "5 minutes"], ["900", "15 minutes"], ["3600", "1 hour"], ["21600", "6 hours"], ["86400", "24 hours"]];
const PERIODS: [string, string][] = [["0", "none"], ["60", "1 minute"], ["300", "5 minutes"], ["900", "15 minutes"], ["3600", "1 hour"]];

/** A rule saved through the API may use a window the menu does not list: offer it rather than show another. */
function withCurrent(options: [string, string][], value: string): [string, string][] {
  return options.some(([v]) => v === value) ? options : [...options, [value, `${Number(value) / 60} minutes`]];
}

/** The rule form's inputs, each labelled, with its error under it. */
export function RuleFormFields({ idPrefix, draft, set, errors, available, channels }: { idPrefix: string; draft: RuleDraft; set: (patch: Partial<RuleDraft>) => void; errors: FieldErrors; available: string[]; channels: AlertChannel[] }) {
  const field = (key: keyof RuleDraft, label: string, control: (p: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode, className?: string) => (
    <Field id={`${idPrefix}-${key}`} label={label} error={errors[key]} className={className}>{control}</Field>
  );
  const text = (key: keyof RuleDraft, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}, className?: string) =>
    field(key, label, (p) => <Input {...p} {...extra} value={draft[key] as string} onChange={(e) => set({ [key]: e.target.value })} />, className);
  const select = (key: keyof RuleDraft, label: string, options: [string, string][]) =>
    field(key, label, (p) => (
      <Select {...p} value={draft[key] as string} onChange={(e) => set({ [key]: e.target.value })}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </Select>
    ));
  return (
    <>
      {text("name", "Name", { required: true, placeholder: "p95 latency on gpt-4o" }, "sm:col-span-2")}
      {field("metric", "Metric", (p) => (
        <Select {...p} value={draft.metric} onChange={(e) => set({ metric: e.target.value })}>
          {METRIC_NAMES.map((m) => (
            <option key={m} value={m} disabled={!available.includes(m)}>{METRIC_LABELS[m]}{available.includes(m) ? "" : " (not in this build)"}</option>
          ))}
        </Select>
      ))}
      {select("windowSeconds", "Window", withCurrent(WINDOWS, draft.windowSeconds))}
      {text("model", "Model", { placeholder: "any" })}
      {text("promptId", "Prompt", { placeholder: "any" })}
      {text("environment", "Environment", { placeholder: "any" })}
      {draft.metric === "feature_drift" ? text("feature", "Feature", { required: true, placeholder: "amount" }) : null}
      {draft.metric === "review_backlog" ? text("queueId", "Queue id", { inputMode: "numeric", placeholder: "every queue" }) : null}
      {select("groupBy", "One incident per", [["", "whole scope"], ["model", "model"], ["modelVersion", "model version"], ["prompt", "prompt"], ["promptVersion", "prompt version"], ["user", "user"]])}
      {select("comparator", "Comparator", [">", ">=", "<", "<="].map((c) => [c, c]))}
      {text("threshold", "Critical threshold", { required: true, inputMode: "decimal" })}
      {text("warningThreshold", "Warning threshold", { inputMode: "decimal", placeholder: "optional" })}
      {text("recoveryThreshold", "Recovery threshold", { inputMode: "decimal", placeholder: "optional" })}
      {select("pendingSeconds", "Pending for", withCurrent(PERIODS, draft.pendingSeconds))}
      {select("keepFiringSeconds", "Keep firing for", withCurrent(PERIODS, draft.keepFiringSeconds))}
      {text("minSamples", "Minimum samples", { inputMode: "numeric" })}
      {select("noData", "No data", [["ignore", "ignore"], ["alert", "alert"], ["resolve", "resolve"], ["keep", "keep last state"]])}
      {select("relative", "Compare", [["", "absolute value"], ["previous_window", "% vs previous window"], ["last_week", "% vs same window last week"]])}
      <fieldset className="flex flex-wrap items-center gap-3 text-xs sm:col-span-2 lg:col-span-4" aria-describedby={errors.channelIds ? `${idPrefix}-channelIds-error` : undefined}>
        <legend className="mb-1 text-[11px] font-medium text-muted">Notify</legend>
        {channels.length === 0 ? <span className="text-muted">No channels yet: add one under Alerts → Channels.</span> : null}
        {channels.map((c) => (
          <label key={c.id} className="flex items-center gap-1.5">
            <input type="checkbox" checked={draft.channelIds.includes(c.id)} onChange={(e) => set({ channelIds: e.target.checked ? [...draft.channelIds, c.id] : draft.channelIds.filter((id) => id !== c.id) })} />
            {c.name} <span className="text-muted">({c.type})</span>
          </label>
        ))}
        {errors.channelIds ? <span id={`${idPrefix}-channelIds-error`} className="w-full text-[11px] text-bad">{errors.channelIds}</span> : null}
      </fieldset>
    </>
  );
}
