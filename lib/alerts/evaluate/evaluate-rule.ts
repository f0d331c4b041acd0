import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertIncident, alertRule, type IncidentHistoryEntry } from "@/db/schema";
import { incidentLink, type AlertEvent } from "@/lib/alerts/delivery/alert-event";
import { enqueueNotifications } from "@/lib/alerts/delivery/enqueue-notifications";
import { metricSource } from "@/lib/alerts/metrics";
import { scopeLabels, stepRuleOf, type AlertRule } from "@/lib/alerts/rules/rule-view";
import { incidentColumns, stateOfIncident } from "./incident-state";
import { readObservations } from "./read-observations";
import { step, type GroupState, type Transition } from "./step";
import { evaluationWindow } from "./window";

/** A transition as the evaluate endpoint reports it. */
export interface RuleTransition extends Transition {
  ruleId: number;
  ruleName: string;
  incidentId: number | null;
  groupKey: string;
  labels: Record<string, string>;
  notifications: string[];
}

/**
 * One evaluation of one rule: read the window per group, step each group's state machine, and
 * write every transition together with its outbox rows in one transaction per group.
 */
export async function evaluateRule(db: Db, projectId: number, rule: AlertRule, now: number): Promise<RuleTransition[]> {
  const source = metricSource(rule.metric);
  if (!source) return [];
  const w = evaluationWindow(now, rule.windowSeconds);
  const observed = await readObservations(db, projectId, rule, source, w, now);
  const open = await db.orm.select().from(alertIncident).where(and(eq(alertIncident.ruleId, rule.id), isNull(alertIncident.resolvedAt)));
  const byKey = new Map(observed.map((o) => [o.key, o]));
  // An ungrouped rule always has its one group; a group seen before but silent now has no data.
  const keys = new Set<string>([...byKey.keys(), ...open.map((i) => i.groupKey), ...(rule.groupBy ? [] : [""])]);
  const out: RuleTransition[] = [];
  for (const key of keys) {
    const incident = open.find((i) => i.groupKey === key);
    const labels = byKey.get(key)?.labels ?? incident?.labels ?? {};
    const prev = stateOfIncident(incident, now);
    const { next, transitions } = step(stepRuleOf(rule), prev, byKey.get(key)?.obs ?? { value: null, samples: 0 }, now);
    if (!incident && next.state === "ok") continue;
    out.push(...(await persist(db, projectId, rule, key, labels, incident?.id ?? null, incident?.history ?? [], next, transitions, now)));
  }
  await db.orm.update(alertRule).set({ lastEvaluatedAt: now }).where(eq(alertRule.id, rule.id));
  return out;
}

async function persist(
  db: Db, projectId: number, rule: AlertRule, key: string, labels: Record<string, string>, incidentId: number | null,
  history: IncidentHistoryEntry[], next: GroupState, transitions: Transition[], now: number,
): Promise<RuleTransition[]> {
  const added = transitions.filter((t) => t.kind !== "renotify").map((t) => ({ at: t.at, kind: t.kind, from: t.from, to: t.to, severity: t.severity, value: t.value }));
  return db.transaction(async (tx) => {
    const cols = { ...incidentColumns(next, now), labels, history: [...history, ...added] };
    let id = incidentId;
    if (id === null) {
      const [row] = await tx.orm.insert(alertIncident).values({ projectId, ruleId: rule.id, groupKey: key, startedAt: now, ...cols, state: cols.state!, stateSince: cols.stateSince!, history: cols.history }).returning({ id: alertIncident.id });
      id = row.id;
    } else {
      await tx.orm.update(alertIncident).set(cols).where(eq(alertIncident.id, id));
    }
    const context = { ...scopeLabels(rule.scope), ...labels };
    const reported: RuleTransition[] = [];
    for (const t of transitions) {
      const notifications = t.notify ? await enqueueNotifications(tx, { projectId, channelIds: rule.channelIds, event: eventOf(rule, id, t, next, context), labels: context, now }) : [];
      reported.push({ ...t, ruleId: rule.id, ruleName: rule.name, incidentId: id, groupKey: key, labels, notifications });
    }
    return reported;
  });
}

function eventOf(rule: AlertRule, incidentId: number, t: Transition, next: GroupState, context: Record<string, string>): AlertEvent {
  return {
    kind: t.kind, incidentId, ruleId: rule.id, ruleName: rule.name, metric: rule.metric, severity: t.severity, state: t.to, value: t.value,
    comparator: rule.comparator, threshold: t.severity === "warning" && rule.warningThreshold != null ? rule.warningThreshold : rule.threshold,
    windowSeconds: rule.windowSeconds, relative: rule.relative !== null, context, at: t.at, firedAt: next.firedAt ?? (t.firedForMs != null ? t.at - t.firedForMs : null),
    firedForMs: t.firedForMs ?? null, url: incidentLink(incidentId),
  };
}
