import { describe, expect, it } from "vitest";
import { layoutTrace, type TraceSpan } from "./trace-tree";

const span = (id: string, parent: string | null, start: number, dur: number): TraceSpan => ({
  id,
  spanId: id,
  parentSpanId: parent,
  name: id,
  start,
  durationMs: dur,
  status: "ok",
});

describe("layoutTrace", () => {
  it("orders depth-first with siblings by start and computes timeline geometry", () => {
    const t = layoutTrace([span("llm", "root", 1200, 600), span("root", null, 1000, 1000), span("retrieve", "root", 1010, 150)]);
    expect(t.rows.map((r) => [r.span.id, r.depth])).toEqual([
      ["root", 0],
      ["retrieve", 1],
      ["llm", 1],
    ]);
    expect(t.durationMs).toBe(1000);
    expect(t.rows[2].offset).toBeCloseTo(0.2);
    expect(t.rows[2].width).toBeCloseTo(0.6);
  });
  it("treats spans with unknown parents as roots and survives cycles", () => {
    const t = layoutTrace([span("a", "b", 0, 10), span("b", "a", 5, 10), span("c", "missing", 2, 1)]);
    expect(t.rows.map((r) => r.span.id).sort()).toEqual(["a", "b", "c"]);
  });
  it("empty trace", () => expect(layoutTrace([]).rows).toEqual([]));
});
