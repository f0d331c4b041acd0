import type { FleetRow } from "./get-fleet-overview";

/** One event type's share of the fleet's requests, for a stat card that links to exactly those events. */
export interface KindShare {
  type: "llm" | "prediction";
  label: "LLM" | "ML";
  count: number;
  errorRate: number | null;
}

/**
 * The event types behind the overview's Requests and Error-rate cards. The events explorer
 * filters on one type at a time, so a card links as a whole only when one type carries all
 * the traffic; a mixed fleet links each type's share from the card's hint instead (the sum of
 * the two explorer views is then exactly the card's number).
 */
export function kindShares(models: FleetRow[]): KindShare[] {
  const shares: KindShare[] = [];
  for (const [kind, type, label] of [["llm", "llm", "LLM"], ["ml", "prediction", "ML"]] as const) {
    const rows = models.filter((m) => m.kind === kind);
    const count = rows.reduce((s, r) => s + r.count, 0);
    if (count === 0) continue;
    const errors = rows.reduce((s, r) => s + (r.errorRate ?? 0) * r.count, 0);
    shares.push({ type, label, count, errorRate: errors / count });
  }
  return shares;
}
