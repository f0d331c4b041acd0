import type { alertChannel } from "@/db/schema";
import type { AlertEvent } from "./alert-event";
import { dedupKey, pagerDutyEvent, PAGERDUTY_EVENTS_URL } from "./pagerduty-event";
import { webhookHeaders } from "./sign-webhook";
import { slackMessage } from "./slack-message";
import { webhookBody } from "./webhook-body";

export interface RenderedRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

type Channel = Pick<typeof alertChannel.$inferSelect, "type" | "url" | "secret" | "routingKey" | "projectId">;

/**
 * The HTTP request for one notification on one channel. The body depends only on the frozen
 * event, so every retry sends the same bytes under the same `webhook-id`; only the signature's
 * timestamp is fresh (receivers reject stale timestamps to stop replays).
 */
export function renderNotification(channel: Channel, notificationId: string, event: AlertEvent, nowMs: number): RenderedRequest {
  const common = { "webhook-id": notificationId };
  switch (channel.type) {
    case "slack":
      return { url: channel.url!, body: JSON.stringify(slackMessage(event)), headers: common };
    case "pagerduty": {
      const body = JSON.stringify(pagerDutyEvent(event, channel.routingKey!, dedupKey(channel.projectId, event.incidentId, notificationId)));
      return { url: channel.url ?? PAGERDUTY_EVENTS_URL, body, headers: common };
    }
    case "webhook": {
      const body = JSON.stringify(webhookBody(event));
      return { url: channel.url!, body, headers: { ...webhookHeaders(channel.secret!, notificationId, Math.floor(nowMs / 1000), body) } };
    }
  }
}
