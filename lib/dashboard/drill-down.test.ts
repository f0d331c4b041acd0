import { describe, expect, it } from "vitest";
import { eventsSearchParams } from "@/app/(dashboard)/events/search-params";
import { parseSearchParams } from "./search-params";
import { eventsHref, eventsHrefForRange, eventTypeOfKind } from "./drill-down";
import { resolveWindow } from "@/lib/time/ranges";

describe("eventsHref", () => {
  it("round-trips through the explorer's URL schema to the same window and filters", () => {
    const href = eventsHref({ project: "demo", from: 1_000_000, to: 1_059_999, type: "llm", model: "gpt-4o", modelVersion: "2024-08", flagged: true, promptVersion: 3 });
    const state = parseSearchParams(eventsSearchParams, new URL(href, "http://x").searchParams);
    expect(state).toMatchObject({ project: "demo", range: "custom", type: "llm", model: "gpt-4o", modelVersion: "2024-08", flagged: "true", promptVersion: 3 });
    expect(resolveWindow(state, 2_000_000)).toMatchObject({ from: 1_000_000, to: 1_059_999 });
  });
  it("leaves out filters that are not set", () => {
    expect(eventsHref({ from: 1, to: 2 })).toBe("/events?range=custom&from=1&to=2");
  });
});

describe("eventsHrefForRange", () => {
  it("keeps a preset range relative and a custom one as given", () => {
    expect(eventsHrefForRange({ type: "llm", flagged: true }, { range: "24h", refresh: 0 })).toBe("/events?range=24h&type=llm&flagged=true");
    expect(eventsHrefForRange({ model: "m" }, { range: "custom", from: "5", to: "9", refresh: 0 })).toBe("/events?range=custom&from=5&to=9&model=m");
  });
});

describe("eventTypeOfKind", () => {
  it("maps LLM models to llm events and ML models to predictions", () => {
    expect(eventTypeOfKind("llm")).toBe("llm");
    expect(eventTypeOfKind("ml")).toBe("prediction");
  });
});
