import { describe, expect, it } from "vitest";
import { csvHeader, csvRows, jsonlLine, parseCsvExport, type ExportItem } from "./export-format";
import type { Rubric } from "./rubric";

const rubric: Rubric = [
  { key: "hallucination", type: "boolean" },
  { key: "severity", type: "categorical", options: ["=low", "high, really"] },
  { key: "quality", type: "numeric", min: -5, max: 5 },
  { key: "note", type: "text" },
];

const base: Omit<ExportItem, "itemId" | "verdicts" | "finalLabel" | "finalSource"> = {
  eventId: "evt,1", enqueuedAt: "2026-12-01T10:00:00.000Z", isGold: false,
  event: {
    timestamp: "2026-12-01T09:59:59.000Z", model: "gpt-4o", modelVersion: null, promptId: "p", promptVersion: 3,
    environment: "production", flagged: true, hallucinationScore: 0.25, input: "+1 and \"quoted\"\nnext line", output: "@mention\t",
  },
};

const items: ExportItem[] = [
  {
    ...base, itemId: 1,
    verdicts: [
      { id: 10, reviewer: "a@x.io", createdAt: "2026-12-01T10:01:00.000Z", values: { hallucination: true, severity: "=low", quality: -2, note: "-dangerous" },
        comment: "'already quoted", correctedOutput: "=cmd|' /C calc'!A0", supersedes: null, current: false, gold: false },
      { id: 11, reviewer: "a@x.io", createdAt: "2026-12-01T10:02:00.000Z", values: { hallucination: false, severity: "high, really" },
        comment: null, correctedOutput: null, supersedes: 10, current: true, gold: false },
    ],
    finalLabel: { hallucination: false, severity: "high, really" }, finalSource: "adjudication",
  },
  { ...base, itemId: 2, eventId: "evt-2", verdicts: [], finalLabel: null, finalSource: null },
];

describe("export format", () => {
  it("CSV round-trips every verdict, value type and nasty string", () => {
    const csv = csvHeader(rubric) + items.map((i) => csvRows(rubric, i)).join("");
    expect(parseCsvExport(rubric, csv)).toEqual(items);
  });

  it("no CSV cell starts a formula", () => {
    const csv = csvHeader(rubric) + items.map((i) => csvRows(rubric, i)).join("");
    for (const cell of csv.split(/,|\r\n/)) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+@\t]/);
  });

  it("JSONL is one item per line", () => {
    const text = items.map(jsonlLine).join("");
    expect(text.trim().split("\n").map((l) => JSON.parse(l))).toEqual(items);
  });
});
