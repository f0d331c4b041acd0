import { headline, valueLine, type AlertEvent } from "./alert-event";

/** PagerDuty Events API v2 (developer.pagerduty.com/docs/events-api-v2/trigger-events). */
export const PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

export interface PagerDutyEvent {
  routing_key: string;
  event_action: "trigger" | "resolve";
  dedup_key: string;
  payload?: {
    summary: string;
    source: string;
    severity: "critical" | "warning" | "error" | "info";
    timestamp: string;
    component?: string;
    group?: string;
    class?: string;
    custom_details: Record<string, unknown>;
  };
  links?: { href: string; text: string }[];
}

/** One dedup key per incident: every trigger (and renotify) and the resolve land on one PagerDuty alert. */
export function dedupKey(projectId: number, incidentId: number | null, notificationId: string): string {
  return incidentId === null ? `sightline-test-${notificationId}` : `sightline-${projectId}-incident-${incidentId}`;
}

export function pagerDutyEvent(e: AlertEvent, routingKey: string, key: string): PagerDutyEvent {
  if (e.kind === "resolved") return { routing_key: routingKey, event_action: "resolve", dedup_key: key };
  return {
    routing_key: routingKey,
    event_action: "trigger",
    dedup_key: key,
    payload: {
      summary: `${headline(e)}: ${e.ruleName} — ${valueLine(e)}`.slice(0, 1024),
      source: e.context.model ?? "sightline",
      severity: e.kind === "test" ? "info" : (e.severity ?? "critical"),
      timestamp: new Date(e.at).toISOString(),
      component: e.context.model,
      group: e.context.prompt,
      class: e.metric ?? undefined,
      custom_details: { rule: e.ruleName, metric: e.metric, value: e.value, comparator: e.comparator, threshold: e.threshold, windowSeconds: e.windowSeconds, ...e.context },
    },
    ...(e.url ? { links: [{ href: e.url, text: "Sightline incident" }] } : {}),
  };
}
