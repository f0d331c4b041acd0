import { describe, expect, it } from "vitest";
import { baselineWindow, evaluationWindow } from "./window";

describe("evaluation windows", () => {
  const now = Date.parse("2026-03-01T12:00:20Z");

  it("end at a whole minute at least 30 s before now", () => {
    const w = evaluationWindow(now, 300);
    expect(new Date(w.to).toISOString()).toBe("2026-03-01T11:59:00.000Z");
    expect(w.to - w.from).toBe(300_000);
    expect(new Date(evaluationWindow(Date.parse("2026-03-01T12:00:40Z"), 60).to).toISOString()).toBe("2026-03-01T12:00:00.000Z");
  });

  it("baselines: the window before, or the same window a week earlier", () => {
    const w = evaluationWindow(now, 600);
    expect(baselineWindow(w, "previous_window")).toEqual({ from: w.from - 600_000, to: w.from });
    expect(baselineWindow(w, "last_week")).toEqual({ from: w.from - 604_800_000, to: w.to - 604_800_000 });
  });
});
