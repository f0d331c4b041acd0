import { describe, expect, it } from "vitest";
import { binaryRocAuc, classificationMetrics, positiveClass } from "./classification";
import { median, regressionMetrics } from "./regression";
import { inferTaskKind } from "./task-kind";
import { formatDelay } from "./prepare-performance-view";
import { performanceByVersion, performanceOverTime, summarisePerformance } from "./performance-series";

const rows = (pairs: [string, string, number?][]) => pairs.map(([predicted, actual, score]) => ({ predicted, actual, score }));

describe("classificationMetrics", () => {
  // Worked by hand (confusion rows = truth, columns = prediction, classes a, b, c):
  //        a  b  c
  //   a  [ 2, 1, 0 ]   precision a = 2/3, recall a = 2/3, F1 = 2/3
  //   b  [ 0, 1, 1 ]   precision b = 1/2, recall b = 1/2, F1 = 1/2
  //   c  [ 1, 0, 1 ]   precision c = 1/2, recall c = 1/2, F1 = 1/2
  // accuracy 4/7; macro precision = recall = F1 = (2/3 + 1/2 + 1/2)/3 = 5/9.
  const sample = rows([
    ["a", "a"], ["a", "a"], ["b", "a"],
    ["b", "b"], ["c", "b"],
    ["a", "c"], ["c", "c"],
  ]);

  it("accuracy, macro and per-class precision/recall/F1, confusion matrix", () => {
    const m = classificationMetrics(sample)!;
    expect(m.count).toBe(7);
    expect(m.accuracy).toBeCloseTo(4 / 7, 12);
    expect(m.precisionMacro).toBeCloseTo(5 / 9, 12);
    expect(m.recallMacro).toBeCloseTo(5 / 9, 12);
    expect(m.f1Macro).toBeCloseTo(5 / 9, 12);
    expect(m.confusion).toEqual({ classes: ["a", "b", "c"], matrix: [[2, 1, 0], [0, 1, 1], [1, 0, 1]] });
    expect(m.perClass[0]).toMatchObject({ label: "a", support: 3 });
    expect(m.perClass[0].precision).toBeCloseTo(2 / 3, 12);
    expect(m.rocAuc).toBeNull();
  });

  it("a class that is never predicted has precision 0 (sklearn zero_division=0)", () => {
    const m = classificationMetrics(rows([["x", "x"], ["x", "y"]]))!;
    const y = m.perClass.find((c) => c.label === "y")!;
    expect(y.precision).toBe(0);
    expect(y.recall).toBe(0);
    expect(m.perClass.find((c) => c.label === "x")!.precision).toBe(0.5);
  });

  it("null when nothing is labelled", () => {
    expect(classificationMetrics([])).toBeNull();
  });
});

describe("ROC AUC from scores", () => {
  it("binary 0/1 with scores: Mann–Whitney count (7 of 9 pairs ordered, one tie → 7.5/9)", () => {
    // Positives (actual 1): 0.9, 0.8, 0.4; negatives: 0.7, 0.4, 0.1.
    // Pairs (pos > neg): 0.9 beats 3, 0.8 beats 3, 0.4 beats 0.1 and ties 0.4 → 1 + ½; 0.4 < 0.7.
    const r = rows([["1", "1", 0.9], ["1", "1", 0.8], ["0", "1", 0.4], ["1", "0", 0.7], ["0", "0", 0.4], ["0", "0", 0.1]]);
    expect(classificationMetrics(r)!.rocAuc).toBeCloseTo(7.5 / 9, 12);
  });
  it("null when a score is missing or there are more than two classes", () => {
    expect(binaryRocAuc(rows([["1", "1", 0.9], ["0", "0"]]), ["0", "1"])).toBeNull();
    expect(binaryRocAuc(rows([["a", "a", 0.9]]), ["a", "b", "c"])).toBeNull();
  });
  it("positive class: '1'/'true'/'yes' first, else the later name", () => {
    expect(positiveClass(["0", "1"])).toBe("1");
    expect(positiveClass(["false", "true"])).toBe("true");
    expect(positiveClass(["yes", "zzz"])).toBe("yes");
    expect(positiveClass(["cat", "dog"])).toBe("dog");
  });
});

describe("regression metrics", () => {
  it("MAE, RMSE, MAPE by hand", () => {
    // errors: +1, −2, +3 on actuals 10, 20, 30 → MAE 2, RMSE √(14/3), MAPE (0.1 + 0.1 + 0.1)/3
    const m = regressionMetrics([{ predicted: 11, actual: 10 }, { predicted: 18, actual: 20 }, { predicted: 33, actual: 30 }])!;
    expect(m.mae).toBeCloseTo(2, 12);
    expect(m.rmse).toBeCloseTo(Math.sqrt(14 / 3), 12);
    expect(m.mape).toBeCloseTo(0.1, 12);
  });
  it("MAPE skips zero actuals and is null when all are zero", () => {
    expect(regressionMetrics([{ predicted: 1, actual: 0 }, { predicted: 3, actual: 2 }])!.mape).toBeCloseTo(0.5, 12);
    expect(regressionMetrics([{ predicted: 1, actual: 0 }])!.mape).toBeNull();
  });
  it("median", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("inferTaskKind", () => {
  it("text or few integers → classification; fractions or many integers → regression", () => {
    expect(inferTaskKind(["spam", "ham"])).toBe("classification");
    expect(inferTaskKind([0, 1, 1, 0])).toBe("classification");
    expect(inferTaskKind([0.5, 1.25])).toBe("regression");
    expect(inferTaskKind(Array.from({ length: 50 }, (_, i) => i))).toBe("regression");
  });
});

describe("performance over time and per version", () => {
  const H = 3_600_000;
  const row = (ts: number, version: string, predicted: string, actual: string | null, delay = 60_000) => ({
    ts, version, predicted, score: null, actual, labelTs: actual === null ? null : ts + delay,
  });
  const data = [
    row(0, "v1", "a", "a", 1000), row(10, "v1", "b", "a", 3000), row(20, "v1", "a", null),
    row(H + 5, "v2", "a", "a", 2000), row(H + 6, "v2", "b", "b", 4000),
  ];

  it("label coverage and median delay", () => {
    const s = summarisePerformance(data, "classification");
    expect(s.predictions).toBe(5);
    expect(s.labelled).toBe(4);
    expect(s.labelCoverage).toBe(0.8);
    expect(s.medianLabelDelayMs).toBe(2500);
    expect(s.classification!.accuracy).toBe(0.75);
  });

  it("buckets by interval, oldest first", () => {
    const series = performanceOverTime(data, "classification", H);
    expect(series.map((b) => [b.bucket, b.classification!.accuracy, b.labelCoverage])).toEqual([
      [0, 0.5, 2 / 3],
      [H, 1, 1],
    ]);
  });

  it("per version", () => {
    const v = performanceByVersion(data, "classification");
    expect(v.map((x) => [x.version, x.predictions, x.classification!.accuracy])).toEqual([["v1", 3, 0.5], ["v2", 2, 1]]);
  });

  it("regression rows use MAE/RMSE", () => {
    const s = summarisePerformance([{ ts: 0, version: null, predicted: 3, score: null, actual: 1, labelTs: 5 }], "regression");
    expect(s.regression).toMatchObject({ mae: 2, rmse: 2 });
    expect(s.classification).toBeNull();
  });
});

describe("performance view preparation", () => {
  it("formats delays at their scale", () => {
    expect(formatDelay(null)).toBe("—");
    expect(formatDelay(12_400)).toBe("12 s");
    expect(formatDelay(45 * 60_000)).toBe("45 min");
    expect(formatDelay(3.25 * 3_600_000)).toBe("3.3 h");
    expect(formatDelay(2 * 86_400_000)).toBe("2.0 d");
  });
});
