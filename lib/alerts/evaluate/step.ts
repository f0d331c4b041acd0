import type { NoDataPolicy } from "@/lib/alerts/rules/rule-schema";
import { severityOf, type Severity, type ThresholdRule } from "./severity";

/**
 * The incident state machine of one (rule, group), as a pure function of the previous state,
 * one observation and the time. Grafana's alert states are the model: ok → pending → firing →
 * recovering → resolved (back to ok), plus no_data. docs/alerts.md describes each edge.
 */
export type GroupStateName = "ok" | "pending" | "firing" | "recovering" | "no_data";

export interface StepRule extends ThresholdRule {
  pendingSeconds: number;
  keepFiringSeconds: number;
  minSamples: number;
  noData: NoDataPolicy;
  renotifySeconds?: number | null;
}

export interface GroupState {
  state: GroupStateName;
  severity: Severity | null;
  /** When the current state was entered. */
  since: number;
  pendingSince: number | null;
  firedAt: number | null;
  recoveringSince: number | null;
  lastNotifiedAt: number | null;
  /** The last value with enough samples (the "keep" no-data policy re-reads it). */
  lastValue: number | null;
  lastSamples: number;
}

/** A window's reading: `samples` is the metric's denominator (calls, judged calls, labels…). */
export interface Observation {
  value: number | null;
  samples: number;
}

export type TransitionKind =
  | "pending" | "cancelled" | "firing" | "severity_changed" | "recovering" | "refiring" | "resolved" | "no_data" | "renotify";

export interface Transition {
  kind: TransitionKind;
  from: GroupStateName;
  to: GroupStateName;
  severity: Severity | null;
  previousSeverity: Severity | null;
  value: number | null;
  at: number;
  /** Whether channels hear about it (pending, cancelled, recovering and refiring stay internal). */
  notify: boolean;
  /** For resolved: how long the incident fired. */
  firedForMs?: number;
}

export interface StepResult {
  next: GroupState;
  transitions: Transition[];
}

export function okState(now: number): GroupState {
  return { state: "ok", severity: null, since: now, pendingSince: null, firedAt: null, recoveringSince: null, lastNotifiedAt: null, lastValue: null, lastSamples: 0 };
}

export function step(rule: StepRule, prev: GroupState, obs: Observation, now: number): StepResult {
  if (obs.samples <= 0) return onNoData(rule, prev, now);
  // Too few samples to trust either a breach or a recovery: nothing moves, no timer advances.
  if (obs.samples < rule.minSamples || obs.value === null) return { next: prev, transitions: [] };
  const seen = { ...prev, lastValue: obs.value, lastSamples: obs.samples };
  const active = prev.state === "pending" || prev.state === "firing" ? prev.severity : null;
  return advance(rule, seen, severityOf(rule, obs.value, active), obs.value, now);
}

function onNoData(rule: StepRule, prev: GroupState, now: number): StepResult {
  switch (rule.noData) {
    case "ignore":
      return { next: prev, transitions: [] };
    case "keep":
      // Evaluate as if the last trusted value still held, so timers (pending, keep-firing,
      // renotify) keep running; with nothing seen yet there is nothing to keep.
      if (prev.lastValue === null) return { next: prev, transitions: [] };
      return advance(rule, prev, severityOf(rule, prev.lastValue, prev.state === "pending" || prev.state === "firing" ? prev.severity : null), prev.lastValue, now);
    case "resolve":
      return advance(rule, prev, null, null, now);
    case "alert":
      if (prev.state === "no_data") return renotify(rule, prev, now, null);
      return move(prev, { ...prev, state: "no_data", severity: "critical", since: now, pendingSince: null, recoveringSince: null, firedAt: prev.firedAt ?? now }, "no_data", null, now, true);
  }
}

function advance(rule: StepRule, prev: GroupState, level: Severity | null, value: number | null, now: number): StepResult {
  const pendingMs = rule.pendingSeconds * 1000;
  const keepMs = rule.keepFiringSeconds * 1000;
  switch (prev.state) {
    case "ok":
      if (level === null) return { next: prev, transitions: [] };
      if (pendingMs > 0) return move(prev, { ...prev, state: "pending", severity: level, since: now, pendingSince: now }, "pending", value, now, false);
      return fire(prev, level, value, now);
    case "pending":
      if (level === null) return move(prev, { ...okState(now), lastValue: prev.lastValue, lastSamples: prev.lastSamples }, "cancelled", value, now, false);
      if (now - (prev.pendingSince ?? now) >= pendingMs) return fire(prev, level, value, now);
      return { next: { ...prev, severity: level }, transitions: [] };
    case "no_data":
      if (level === null) return resolve(prev, value, now);
      return fire(prev, level, value, now);
    case "firing":
      if (level === null) {
        if (keepMs > 0) return move(prev, { ...prev, state: "recovering", since: now, recoveringSince: now }, "recovering", value, now, false);
        return resolve(prev, value, now);
      }
      if (level !== prev.severity) return move(prev, { ...prev, severity: level }, "severity_changed", value, now, true);
      return renotify(rule, prev, now, value);
    case "recovering":
      if (level !== null) {
        const back = { ...prev, state: "firing" as const, since: now, recoveringSince: null, severity: level };
        return move(prev, back, level !== prev.severity ? "severity_changed" : "refiring", value, now, level !== prev.severity);
      }
      if (now - (prev.recoveringSince ?? now) >= keepMs) return resolve(prev, value, now);
      return { next: prev, transitions: [] };
  }
}

function fire(prev: GroupState, level: Severity, value: number | null, now: number): StepResult {
  const next: GroupState = { ...prev, state: "firing", severity: level, since: now, pendingSince: null, recoveringSince: null, firedAt: prev.firedAt ?? now };
  return move(prev, next, "firing", value, now, true);
}

function resolve(prev: GroupState, value: number | null, now: number): StepResult {
  const next = { ...okState(now), lastValue: prev.lastValue, lastSamples: prev.lastSamples };
  const r = move(prev, next, "resolved", value, now, true);
  r.transitions[0].firedForMs = prev.firedAt === null ? 0 : now - prev.firedAt;
  return r;
}

function renotify(rule: StepRule, prev: GroupState, now: number, value: number | null): StepResult {
  const every = (rule.renotifySeconds ?? 0) * 1000;
  if (every <= 0 || prev.lastNotifiedAt === null || now - prev.lastNotifiedAt < every) return { next: prev, transitions: [] };
  return move(prev, prev, "renotify", value, now, true);
}

function move(prev: GroupState, next: GroupState, kind: TransitionKind, value: number | null, now: number, notify: boolean): StepResult {
  const t: Transition = { kind, from: prev.state, to: next.state, severity: next.severity ?? prev.severity, previousSeverity: prev.severity, value, at: now, notify };
  return { next: notify ? { ...next, lastNotifiedAt: now } : next, transitions: [t] };
}
