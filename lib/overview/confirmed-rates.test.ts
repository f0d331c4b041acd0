import { describe, expect, it } from "vitest";
import type { HumanHallucinationRate } from "@/lib/review/hallucination-rate";
import { confirmedRatesBy, confirmedTotal } from "./confirmed-rates";

const row = (over: Partial<HumanHallucinationRate>): HumanHallucinationRate => ({
  model: "gpt-4o", modelVersion: null, promptId: null, promptVersion: null, reviewed: 0, confirmed: 0, rate: null, detectorRate: null, ...over,
});

describe("confirmedRatesBy", () => {
  const rows = [
    row({ model: "gpt-4o", promptId: "answer", promptVersion: 1, reviewed: 2, confirmed: 2 }),
    row({ model: "gpt-4o", promptId: "answer", promptVersion: 2, reviewed: 198, confirmed: 18 }),
    row({ model: "claude", promptId: null, reviewed: 10, confirmed: 5 }),
  ];

  it("pools versions by confirmed ÷ reviewed, so a small version does not weigh like a large one", () => {
    expect(confirmedRatesBy(rows, "model").get("gpt-4o")).toEqual({ reviewed: 200, confirmed: 20, rate: 0.1 });
  });

  it("keys prompts by prompt id and leaves out events without a prompt", () => {
    const byPrompt = confirmedRatesBy(rows, "prompt");
    expect([...byPrompt.keys()]).toEqual(["answer"]);
    expect(byPrompt.get("answer")!.reviewed).toBe(200);
  });

  it("totals the project, null when nothing was reviewed", () => {
    expect(confirmedTotal(rows)).toEqual({ reviewed: 210, confirmed: 25, rate: 25 / 210 });
    expect(confirmedTotal([])).toBeNull();
  });
});
