import { describe, expect, it } from "vitest";
import { detectorCalibration } from "./calibration";
import { consensusLabel, disagreeingFields, matchesGold } from "./consensus";
import type { Rubric } from "./rubric";

describe("detectorCalibration", () => {
  it("counts the confusion matrix over events with both a flag and a human label", () => {
    const pairs = [
      ...Array(6).fill({ flagged: true, human: true }),
      ...Array(2).fill({ flagged: true, human: false }),
      ...Array(3).fill({ flagged: false, human: true }),
      ...Array(9).fill({ flagged: false, human: false }),
      { flagged: null, human: true },
      { flagged: true, human: null },
    ];
    const c = detectorCalibration(pairs);
    expect(c).toMatchObject({ truePositives: 6, falsePositives: 2, falseNegatives: 3, trueNegatives: 9, n: 20 });
    expect(c.precision).toBeCloseTo(6 / 8, 12);
    expect(c.recall).toBeCloseTo(6 / 9, 12);
  });

  it("precision is undefined when the detector flagged nothing, recall when humans found nothing", () => {
    expect(detectorCalibration([{ flagged: false, human: true }])).toMatchObject({ precision: null, recall: 0, n: 1 });
    expect(detectorCalibration([{ flagged: true, human: false }])).toMatchObject({ precision: 0, recall: null, n: 1 });
    expect(detectorCalibration([])).toMatchObject({ precision: null, recall: null, n: 0 });
  });
});

const rubric: Rubric = [
  { key: "hallucination", type: "boolean" },
  { key: "severity", type: "categorical", options: ["low", "high"] },
  { key: "note", type: "text" },
];

describe("consensus", () => {
  it("agreeing fields get a label, disagreeing fields none; text differs freely", () => {
    const verdicts = [
      { hallucination: true, severity: "low", note: "a" },
      { hallucination: true, severity: "high", note: "b" },
    ];
    expect(consensusLabel(rubric, verdicts, null)).toEqual({ hallucination: true });
    expect(disagreeingFields(rubric, verdicts)).toEqual(["severity"]);
  });

  it("the adjudicated label wins", () => {
    expect(consensusLabel(rubric, [{ hallucination: true }, { hallucination: false }], { hallucination: false }))
      .toEqual({ hallucination: false });
  });

  it("a field one reviewer left out and another filled is a disagreement", () => {
    expect(disagreeingFields(rubric, [{ hallucination: true }, { hallucination: true, severity: "low" }])).toEqual(["severity"]);
  });

  it("no verdicts, no label; one verdict, its values", () => {
    expect(consensusLabel(rubric, [], null)).toBeNull();
    expect(consensusLabel(rubric, [{ hallucination: false, note: "x" }], null)).toEqual({ hallucination: false, note: "x" });
  });

  it("gold accuracy compares the non-text fields the gold label sets", () => {
    expect(matchesGold(rubric, { hallucination: true, note: "y" }, { hallucination: true, note: "x" })).toBe(true);
    expect(matchesGold(rubric, { hallucination: true, severity: "low" }, { hallucination: true, severity: "high" })).toBe(false);
  });
});
