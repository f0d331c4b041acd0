import type { AlertEvent } from "./alert-event";

/** Generic webhook body in the Standard Webhooks shape: `type`, `timestamp`, `data`. */
export function webhookBody(e: AlertEvent): { type: string; timestamp: string; data: AlertEvent } {
  return { type: `incident.${e.kind}`, timestamp: new Date(e.at).toISOString(), data: e };
}
