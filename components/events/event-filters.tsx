"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { TimeRange } from "@/lib/time/ranges";
import { metricsQuery } from "@/lib/queries/metrics";
import { promptsQuery } from "@/lib/queries/prompts";

type Patch = Record<string, string | number | undefined>;

/** Commits a text filter on Enter or blur, so typing does not refetch on every key. */
function TextFilter({ name, label, value, onChange, className }: { name: string; label: string; value: string | undefined; onChange: (p: Patch) => void; className?: string }) {
  const commit = (v: string) => v.trim() !== (value ?? "") && onChange({ [name]: v.trim() || undefined });
  return (
    <Input
      key={value ?? ""}
      aria-label={label}
      placeholder={label}
      defaultValue={value ?? ""}
      className={className ?? "w-36"}
      onBlur={(e) => commit(e.target.value)}
      onKeyDown={(e) => e.key === "Enter" && commit(e.currentTarget.value)}
    />
  );
}

export function EventFilters({ state, project, range, onChange }: { state: Record<string, string | number | undefined>; project: string | null; range: TimeRange; onChange: (p: Patch) => void }) {
  const models = useQuery(metricsQuery(project, { groupBy: "model" }, range));
  const prompts = useQuery(promptsQuery(project));
  const prompt = prompts.data?.prompts.find((p) => p.key === state.promptId);
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <Select aria-label={label} value={String(state[name] ?? "")} onChange={(e) => onChange({ [name]: e.target.value || undefined, ...(name === "promptId" ? { promptVersion: undefined } : {}), ...(name === "model" ? { modelVersion: undefined } : {}) })}>
      <option value="">{label}: any</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
  return (
    <div className="flex flex-wrap items-center gap-2" role="search">
      <TextFilter name="q" label="Search input and output…" value={state.q as string | undefined} onChange={onChange} className="w-64" />
      {select("type", "Type", ["llm", "prediction", "span", "label", "metric"].map((t) => ({ value: t, label: t })))}
      {select("model", "Model", (models.data?.groups ?? []).map((g) => ({ value: g.model, label: g.model })))}
      <TextFilter name="responseModel" label="Response model" value={state.responseModel as string | undefined} onChange={onChange} className="w-36" />
      <TextFilter name="modelVersion" label="Model version" value={state.modelVersion as string | undefined} onChange={onChange} className="w-28" />
      {select("promptId", "Prompt", (prompts.data?.prompts ?? []).map((p) => ({ value: p.key, label: p.name ?? p.key })))}
      {select("promptVersion", "Prompt version", Array.from({ length: prompt?.latestVersion ?? 0 }, (_, i) => ({ value: String(i + 1), label: `v${i + 1}` })))}
      {select("status", "Status", [
        { value: "ok", label: "ok" },
        { value: "error", label: "error" },
      ])}
      {select("flagged", "Flagged", [
        { value: "true", label: "flagged" },
        { value: "false", label: "not flagged" },
      ])}
      <TextFilter name="userId" label="User id" value={state.userId as string | undefined} onChange={onChange} className="w-28" />
      <TextFilter name="sessionId" label="Session id" value={state.sessionId as string | undefined} onChange={onChange} className="w-28" />
      <TextFilter name="environment" label="Environment" value={state.environment as string | undefined} onChange={onChange} className="w-28" />
      <TextFilter name="traceId" label="Trace id" value={state.traceId as string | undefined} onChange={onChange} className="w-28" />
      <Button
        variant="ghost"
        onClick={() =>
          onChange(Object.fromEntries(["q", "type", "model", "modelVersion", "promptId", "promptVersion", "status", "flagged", "userId", "sessionId", "environment", "responseModel", "traceId"].map((k) => [k, undefined])))
        }
      >
        Clear
      </Button>
    </div>
  );
}
