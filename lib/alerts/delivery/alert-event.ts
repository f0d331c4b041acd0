import type { Severity } from "@/lib/alerts/evaluate/severity";
import type { GroupStateName, TransitionKind } from "@/lib/alerts/evaluate/step";
import type { Comparator, MetricName } from "@/lib/alerts/rules/rule-schema";

/**
 * What a notification says, frozen when the transition is written to the outbox, so every
 * retry sends the same bytes and the message describes the moment it happened.
 */
export interface AlertEvent {
  kind: TransitionKind | "test";
  incidentId: number | null;
  ruleId: number | null;
  ruleName: string;
  metric: MetricName | null;
  severity: Severity | null;
  state: GroupStateName;
  value: number | null;
  comparator: Comparator | null;
  threshold: number | null;
  windowSeconds: number | null;
  /** True when value and threshold are a percent change against a baseline window. */
  relative: boolean;
  /** Scope and group labels: model, model version, prompt, prompt version, environment, user. */
  context: Record<string, string>;
  at: number;
  firedAt: number | null;
  firedForMs: number | null;
  /** Link to the incident (or the alerts page) under SIGHTLINE_PUBLIC_URL; null when it is unset. */
  url: string | null;
}

/** Base URL for links in messages, without a trailing slash. */
export function publicUrl(raw = process.env.SIGHTLINE_PUBLIC_URL ?? ""): string | null {
  const v = raw.trim().replace(/\/+$/, "");
  return v === "" ? null : v;
}

export function incidentLink(incidentId: number | null, base = publicUrl()): string | null {
  if (base === null) return null;
  return incidentId === null ? `${base}/alerts` : `${base}/alerts/incidents/${incidentId}`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60 ? ` ${s % 60}s` : ""}`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${m % 60 ? ` ${m % 60}m` : ""}`;
  const d = Math.floor(h / 24);
  return `${d}d${h % 24 ? ` ${h % 24}h` : ""}`;
}

export function formatValue(v: number | null, relative: boolean): string {
  if (v === null) return "no data";
  const n = Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
  return relative ? `${v > 0 ? "+" : ""}${n}%` : n;
}

/** One line: what happened, e.g. "FIRING (critical)" or "RESOLVED after 12m". */
export function headline(e: AlertEvent): string {
  switch (e.kind) {
    case "resolved":
      return `RESOLVED after ${formatDuration(e.firedForMs ?? 0)}`;
    case "no_data":
      return "NO DATA";
    case "severity_changed":
      return `${(e.severity ?? "critical").toUpperCase()} (severity changed)`;
    case "renotify":
      return `STILL FIRING (${e.severity ?? "critical"})`;
    case "test":
      return "TEST";
    default:
      return `FIRING (${e.severity ?? "critical"})`;
  }
}

export function valueLine(e: AlertEvent): string {
  if (e.kind === "test") return "This is a test notification from Sightline.";
  const metric = e.metric ?? "metric";
  const window = e.windowSeconds ? ` over ${formatDuration(e.windowSeconds * 1000)}` : "";
  const vs = e.threshold !== null && e.comparator ? ` (threshold ${e.comparator} ${formatValue(e.threshold, e.relative)})` : "";
  return `${metric}${e.relative ? " change" : ""} = ${formatValue(e.value, e.relative)}${vs}${window}`;
}
