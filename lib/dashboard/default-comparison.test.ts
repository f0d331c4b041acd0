import { describe, expect, it } from "vitest";
import { defaultComparison } from "./default-comparison";

describe("defaultComparison", () => {
  it("picks the two busiest versions, older one as baseline", () => {
    const v = [
      { version: 1, count: 500 },
      { version: 2, count: 40 },
      { version: 3, count: 900 },
      { version: 4, count: 0 },
    ];
    expect(defaultComparison(v)).toEqual({ a: 1, b: 3 });
  });
  it("never picks a version without traffic, and gives up below two", () => {
    expect(defaultComparison([{ version: "a", count: 3 }, { version: "b", count: 0 }])).toBeNull();
    expect(defaultComparison([])).toBeNull();
  });
  it("breaks ties towards the newer versions", () => {
    expect(defaultComparison([{ version: 1, count: 5 }, { version: 2, count: 5 }, { version: 3, count: 5 }])).toEqual({ a: 2, b: 3 });
  });
});
