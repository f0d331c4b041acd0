import type { alertIncident } from "@/db/schema";
import { okState, type GroupState } from "./step";

type IncidentRow = typeof alertIncident.$inferSelect;

/** An open incident row is the state machine's memory for its (rule, group). */
export function stateOfIncident(i: IncidentRow | undefined, now: number): GroupState {
  if (!i || i.state === "resolved") return okState(now);
  return {
    state: i.state, severity: i.severity, since: i.stateSince, pendingSince: i.pendingSince, firedAt: i.firedAt, recoveringSince: i.recoveringSince,
    lastNotifiedAt: i.lastNotifiedAt, lastValue: i.value, lastSamples: i.lastSamples,
  };
}

/** The columns a new state writes back (state "ok" closes the incident as resolved). */
export function incidentColumns(s: GroupState, now: number): Partial<IncidentRow> {
  return {
    state: s.state === "ok" ? "resolved" : s.state, severity: s.severity, stateSince: s.since, pendingSince: s.pendingSince, firedAt: s.firedAt,
    recoveringSince: s.recoveringSince, lastNotifiedAt: s.lastNotifiedAt, value: s.lastValue, lastSamples: s.lastSamples,
    resolvedAt: s.state === "ok" ? now : null,
  };
}
