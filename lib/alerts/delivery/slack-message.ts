import { headline, valueLine, type AlertEvent } from "./alert-event";

/** Slack Block Kit limits we must stay within (api.slack.com/reference/block-kit). */
export const SLACK_LIMITS = { headerText: 150, sectionText: 3000, contextText: 3000, blocks: 50, fallbackText: 3000 } as const;

type TextObject = { type: "plain_text" | "mrkdwn"; text: string; emoji?: boolean };
export type SlackBlock =
  | { type: "header"; text: TextObject }
  | { type: "section"; text: TextObject }
  | { type: "context"; elements: TextObject[] }
  | { type: "actions"; elements: { type: "button"; text: TextObject; url: string }[] }
  | { type: "divider" };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** A Slack incoming-webhook body: header, value vs threshold, context, link; `text` is the fallback. */
export function slackMessage(e: AlertEvent): SlackMessage {
  const head = `${headline(e)}: ${e.ruleName}`;
  // Each label is cut on its own first, so one huge value cannot push the others out.
  const ctx = Object.entries(e.context).map(([k, v]) => `*${escape(truncate(k, 100))}:* ${escape(truncate(v, 300))}`);
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: truncate(head, SLACK_LIMITS.headerText), emoji: true } },
    { type: "section", text: { type: "mrkdwn", text: truncate(escape(valueLine(e)), SLACK_LIMITS.sectionText) } },
  ];
  if (ctx.length > 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(ctx.join("\n"), SLACK_LIMITS.sectionText) } });
  if (e.url) blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: e.incidentId ? "Open incident" : "Open Sightline" }, url: e.url }] });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `Sightline · ${new Date(e.at).toISOString()}` }] });
  const fallback = `${head} — ${valueLine(e)}${e.url ? ` ${e.url}` : ""}`;
  return { text: truncate(fallback, SLACK_LIMITS.fallbackText), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

/** Cuts at a code point boundary and marks the cut, so a long name never breaks the payload. */
export function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  return chars.slice(0, max - 1).join("") + "…";
}

/** Slack mrkdwn control characters (api.slack.com/reference/surfaces/formatting#escaping). */
function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
