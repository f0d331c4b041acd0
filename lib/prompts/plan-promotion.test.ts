import { describe, expect, it } from "vitest";
import { promoteChange, undoPromotionChanges } from "./plan-promotion";

const before = [
  { version: 3, labels: ["latest", "staging"] },
  { version: 2, labels: ["production", "canary"] },
  { version: 1, labels: [] },
];

describe("promoteChange", () => {
  it("adds production to the version's stored labels", () => {
    expect(promoteChange(before, 3)).toEqual({ version: 3, labels: ["staging", "production"] });
    expect(promoteChange(before, 1)).toEqual({ version: 1, labels: ["production"] });
  });
});

describe("undoPromotionChanges", () => {
  it("restores the promoted version, then gives production back to its previous holder", () => {
    expect(undoPromotionChanges(before, 3)).toEqual([
      { version: 3, labels: ["staging"] },
      { version: 2, labels: ["production", "canary"] },
    ]);
  });
  it("only resets the promoted version when nothing was in production", () => {
    expect(undoPromotionChanges([{ version: 2, labels: [] }, { version: 1, labels: ["staging"] }], 2)).toEqual([{ version: 2, labels: [] }]);
  });
});
