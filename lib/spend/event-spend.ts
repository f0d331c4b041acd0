import { formatPercent } from "@/lib/charts/format";
import type { PublicEvent } from "@/lib/events/public-event-type";

const exact = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toLocaleString("en-US"));
/** One call's dollars: three significant digits below $1 ($0.0289), cents above. */
const usd = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v === 0 ? "$0" : v < 1 ? `$${Number(v.toPrecision(3))}` : `$${v.toFixed(2)}`);

/** "48,183 in (47,105 cache read, 1,076 cache write) / 714 out (…) " for the event drawer. */
export function tokensLabel(e: PublicEvent): string {
  if (e.inputTokens === null && e.outputTokens === null) return "—";
  const inParts = [
    e.cacheReadInputTokens ? `${exact(e.cacheReadInputTokens)} cache read` : null,
    e.cacheCreationInputTokens ? `${exact(e.cacheCreationInputTokens)} cache write` : null,
  ].filter(Boolean);
  const outParts = e.reasoningTokens ? [`${exact(e.reasoningTokens)} reasoning`] : [];
  const side = (n: number | null, what: string, parts: unknown[]) => `${exact(n)} ${what}${parts.length ? ` (${parts.join(", ")})` : ""}`;
  return `${side(e.inputTokens, "in", inParts)} / ${side(e.outputTokens, "out", outParts)}`;
}

/** The billed cost, and the price book's beside it when a reported cost differs by more than 1%. */
export function costLabel(e: PublicEvent): string {
  if (e.unpriced) return "unpriced";
  const billed = usd(e.costUsd);
  if (!e.costReported) return billed;
  if (!e.costDiffers || e.bookCostUsd == null || e.costUsd === null) return `${billed} (reported)`;
  const diff = (e.costUsd - e.bookCostUsd) / e.bookCostUsd;
  return `${billed} reported · price book ${usd(e.bookCostUsd)} (${diff > 0 ? "+" : "−"}${formatPercent(Math.abs(diff), 1)})`;
}
