import { describe, expect, it } from "vitest";
import type { PublicEvent } from "@/lib/events/public-event-type";
import { costLabel, tokensLabel } from "./event-spend";

const ev = (over: Partial<PublicEvent>) => ({ inputTokens: null, outputTokens: null, costUsd: null, unpriced: false, ...over }) as PublicEvent;

describe("event spend labels", () => {
  it("names the usage details inside the totals", () => {
    expect(tokensLabel(ev({ inputTokens: 48_183, cacheReadInputTokens: 47_105, cacheCreationInputTokens: 1_076, outputTokens: 714 }))).toBe(
      "48,183 in (47,105 cache read, 1,076 cache write) / 714 out",
    );
    expect(tokensLabel(ev({ inputTokens: 10, outputTokens: 20, reasoningTokens: 15 }))).toBe("10 in / 20 out (15 reasoning)");
  });

  it("shows the price book's cost beside a reported one that differs by more than 1%", () => {
    expect(costLabel(ev({ costUsd: 0.02, costReported: true, costDiffers: true, bookCostUsd: 0.025 }))).toBe("$0.02 reported · price book $0.025 (−20.0%)");
    expect(costLabel(ev({ costUsd: 0.02, costReported: true, costDiffers: false, bookCostUsd: 0.0201 }))).toBe("$0.02 (reported)");
    expect(costLabel(ev({ unpriced: true }))).toBe("unpriced");
  });
});
